import type { Category, ClaimKind } from './constants';
import type { Claim } from './schema';

/**
 * The claim check: find the values a page states about the case (years,
 * amounts, official titles, sentence lengths) and compare them with the
 * record. Precision first: a value is judged only when it can be tied to one
 * entity of the sentence and that entity has a claim of the same kind; when
 * unsure, say nothing.
 */

/** A case name found in the text (offsets in the same text as the values). */
export interface ClaimMention {
  entityId: string;
  category: Category;
  start: number;
  end: number;
}

/** What the checker needs of an entity: its claims, in store order (indexes are stable). */
export interface ClaimSubject {
  id: string;
  category: Category;
  claims: Claim[];
}

export type Verdict = 'contradicted' | 'confirmed';

export interface Finding {
  entityId: string;
  /** Index into the entity's claims: the record value the page was compared with. */
  claimIndex: number;
  kind: ClaimKind;
  start: number;
  end: number;
  /** The page's words, as written. */
  stated: string;
  verdict: Verdict;
}

interface StatedValue {
  kind: ClaimKind;
  start: number;
  end: number;
  value: number | string;
  currency?: string;
  /** For sentence lengths stated in whole years: the value is a range of months. */
  monthsRange?: [number, number];
}

// ---------------------------------------------------------------- sentences

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr inc ltd co corp no vs gen sen rep gov lt col capt sgt jan feb mar apr jun jul aug sep sept oct nov dec dept est approx fig u.s u.k e.g i.e a.m p.m'.split(
    ' ',
  ),
);

/** Sentence spans of a text. A period after an abbreviation or an initial does not end a sentence. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const boundary = /[.!?]+["”’)\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}])|[.!?]+["”’)\]]*$|\n\s*\n/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[0].startsWith('.')) {
      const before = text.slice(start, m.index);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

// ---------------------------------------------------------------- values

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
};
const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const CURRENCY_WORD: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pounds: 'GBP',
  gbp: 'GBP',
  cad: 'CAD',
};

function parseNumber(text: string): number {
  // "1,300,000" → 1300000; "1,3" (decimal comma) → 1.3
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  return Number(text.replace(',', '.'));
}

const AMOUNT =
  /(?:(?:US|C|CA|A)?([$€£])\s?(\d[\d,]*(?:\.\d+)?)|(?<![\p{L}\d.,])(\d[\d,]*(?:\.\d+)?))(?:\s?(trillion|billion|million|thousand|bn|mln|mn|[mbk])\b)?(?:\s+(dollars|dollar|usd|euros|euro|eur|pounds|gbp|cad)\b)?/giu;

function findAmounts(text: string): StatedValue[] {
  const out: StatedValue[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const symbol = m[1];
    const digits = m[2] ?? m[3]!;
    const scaleWord = m[4]?.toLowerCase();
    const currencyWord = m[5]?.toLowerCase();
    // A bare number is an amount only with a scale and a currency or scale word ("1.3bn", "81 million").
    if (!symbol && !scaleWord) continue;
    if (!symbol && scaleWord && scaleWord.length === 1 && !currencyWord) continue; // "5 m" is a distance
    const value = parseNumber(digits) * (scaleWord ? SCALE[scaleWord]! : 1);
    if (!Number.isFinite(value)) continue;
    const currency = symbol ? CURRENCY_SYMBOL[symbol] : currencyWord ? CURRENCY_WORD[currencyWord] : undefined;
    out.push({ kind: 'amount', start: m.index!, end: m.index! + m[0].trimEnd().length, value, currency });
  }
  return out;
}

const YEAR = /(?<![\p{L}\d$€£.,/-])(19[5-9]\d|20[0-4]\d)(?![\d%]|[-–]\d|\s?(?:million|billion|bn|m)\b)/gu;

function findYears(text: string): StatedValue[] {
  return [...text.matchAll(YEAR)].map((m) => ({
    kind: 'year' as const,
    start: m.index!,
    end: m.index! + m[0].length,
    value: Number(m[1]),
  }));
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const NUM = String.raw`(\d{1,3}|${Object.keys(WORD_NUMBERS).join('|')})`;
const SENTENCE_LENGTH = new RegExp(
  String.raw`\b${NUM}[\s-]+years?(?:\s+and\s+${NUM}\s+months?)?\b|\b${NUM}[\s-]+months?\b`,
  'giu',
);

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (WORD_NUMBERS[word.toLowerCase()] ?? NaN);
}

function findSentenceLengths(text: string): StatedValue[] {
  const out: StatedValue[] = [];
  for (const m of text.matchAll(SENTENCE_LENGTH)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[3] !== undefined) {
      out.push({ kind: 'sentence-months', start, end, value: toNumber(m[3]) });
    } else if (m[2] !== undefined) {
      out.push({ kind: 'sentence-months', start, end, value: toNumber(m[1]!) * 12 + toNumber(m[2]) });
    } else {
      // "11 years" for 140 months is a rounding, not an error: whole years stand for a range.
      const years = toNumber(m[1]!);
      out.push({ kind: 'sentence-months', start, end, value: years * 12, monthsRange: [years * 12, years * 12 + 11] });
    }
  }
  return out;
}

const TITLE =
  /\b(?:(?:Acting|Deputy|Assistant|Associate|Principal|First|Former|Chief|Special)\s+)+(?:Attorney General|U\.?\s?S\.? Attorney|United States Attorney|Director|Secretary|Attorney)(?:\s+(?:of|for)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?[\p{Lu}][\p{L}.'’-]*)*)?/gu;

function findTitles(text: string): StatedValue[] {
  return [...text.matchAll(TITLE)].map((m) => ({
    kind: 'title' as const,
    start: m.index!,
    end: m.index! + m[0].length,
    value: m[0],
  }));
}

function statedValues(text: string): StatedValue[] {
  const amounts = findAmounts(text);
  const lengths = findSentenceLengths(text);
  const taken = [...amounts, ...lengths];
  // A year inside an amount or a sentence length is not a year.
  const years = findYears(text).filter((y) => !taken.some((t) => y.start < t.end && t.start < y.end));
  return [...amounts, ...lengths, ...years, ...findTitles(text)];
}

// ---------------------------------------------------------------- judging

function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\bu\.?\s?s\.?(?=\s|$)/g, 'united states')
    .replace(/\b(the|of|for)\b/g, ' ')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const RANK_WORDS = ['acting', 'deputy', 'assistant', 'associate', 'principal', 'first', 'chief', 'special'];

/** undefined when the comparison means nothing (a bare "Director" for an Assistant AG). */
function titleAgrees(stated: string, record: string): boolean | undefined {
  const s = normalizeTitle(stated);
  const r = normalizeTitle(record);
  if (s === r || r.includes(s)) return true;
  const sWords = s.split(' ');
  const rWords = r.split(' ');
  const office = (words: string[]) => words.filter((w) => !RANK_WORDS.includes(w) && w !== 'former');
  const sRanks = sWords.filter((w) => RANK_WORDS.includes(w) && w !== 'acting');
  const rRanks = rWords.filter((w) => RANK_WORDS.includes(w) && w !== 'acting');
  // Same office with a different rank ("Deputy" for "Assistant") is a wrong title.
  const sOffice = office(sWords).slice(0, 2).join(' ');
  const rOffice = office(rWords).slice(0, 2).join(' ');
  if (sOffice === rOffice && sRanks.join(' ') !== rRanks.join(' ')) return false;
  if (sOffice === rOffice) return !!office(rWords).join(' ').includes(office(sWords).join(' '));
  return undefined;
}

function amountAgrees(stated: StatedValue, claim: Claim): boolean | undefined {
  if (typeof claim.value !== 'number' || typeof stated.value !== 'number') return undefined;
  if (stated.currency && claim.currency && stated.currency !== claim.currency) return undefined;
  const ratio = stated.value / claim.value;
  // Below a thousandth of the record it is another kind of number: unless it is the
  // record's figure without its scale word ("$1.4 online theft" for $1.3 billion).
  if (ratio < 0.001 && !(stated.value >= 1 && stated.value < 1000)) return undefined;
  return Math.abs(ratio - 1) <= 0.05;
}

function agrees(stated: StatedValue, claim: Claim): boolean | undefined {
  switch (stated.kind) {
    case 'year':
      return stated.value === claim.value;
    case 'amount':
      return amountAgrees(stated, claim);
    case 'sentence-months': {
      if (typeof claim.value !== 'number') return undefined;
      const [low, high] = stated.monthsRange ?? [stated.value as number, stated.value as number];
      return claim.value >= low && claim.value <= high;
    }
    case 'title':
      return typeof claim.value === 'string' ? titleAgrees(stated.value as string, claim.value) : undefined;
    default:
      return undefined;
  }
}

/**
 * One expression per word list, compiled on first use and kept with the list
 * (the store's lists never change): building an expression per word on every
 * sentence was most of the check's cost on long pages about the case.
 */
const wordTests = new WeakMap<readonly string[], RegExp>();

/** Matches any of `words` at the start of a word, ignoring case. */
function wordTest(words: readonly string[]): RegExp {
  let test = wordTests.get(words);
  if (!test) {
    const escaped = words.map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    test = new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})`, 'iu');
    wordTests.set(words, test);
  }
  return test;
}

function hasWord(sentence: string, words: readonly string[] | undefined): boolean {
  if (!words || words.length === 0) return false;
  return wordTest(words).test(sentence);
}

/** Categories of things that happen in a year: "WannaCry in 2016" is about WannaCry without any cue word. */
const EVENTFUL: Category[] = ['incident', 'malware'];

function gap(value: StatedValue, mention: ClaimMention): number {
  if (value.end <= mention.start) return mention.start - value.end;
  if (mention.end <= value.start) return value.start - mention.end;
  return -1; // overlapping: the value is part of the name ("2014 Sony Pictures hack")
}

function tightlyBound(sentence: string, value: StatedValue, mention: ClaimMention, offset: number): boolean {
  const from = Math.min(value.end, mention.end) - offset;
  const to = Math.max(value.start, mention.start) - offset;
  const between = sentence.slice(from, to);
  return between.length <= 14 && !/[,;:()]/.test(between);
}

/** The entity's claims of this kind whose cue words (and context words, if any) the sentence has. */
function applicableClaims(subject: ClaimSubject, kind: ClaimKind, sentence: string): { claim: Claim; index: number }[] {
  return subject.claims
    .map((claim, index) => ({ claim, index }))
    .filter(
      ({ claim }) =>
        claim.kind === kind &&
        (claim.cues === undefined || hasWord(sentence, claim.cues)) &&
        (claim.context === undefined || hasWord(sentence, claim.context)),
    );
}

/** Words that make a stated prison term a maximum rather than the sentence given. */
const MAXIMUM_BEFORE =
  /(?:up to|maximum(?: of)?|max\.?|faces?|faced|facing|could (?:get|face)|as (?:much|long) as)\s*(?:a\s+)?$/i;

/** Verbs of reporting and of the legal process: a year after them may date the report, not the event. */
const REPORTING_VERB =
  /\b(?:said|says|blamed|blames|charged|accused|announced|indicted|sanctioned|attributed|named|published|reported|revealed|sentenced|pleaded|confirmed|concluded|unsealed|filed|testified|told)\b/i;

/**
 * "The FBI blamed North Korea for the Sony hack in January 2015" dates the
 * blaming, not the hack. After a reporting verb, a year is taken as the
 * event's only when it is bound to it: right before the cue or the name
 * ("the 2015 hacking of Sony Pictures") or followed by a clause describing the
 * event ("the wannacry in 2018 which damaged …").
 */
function yearDescribesEvent(
  sentence: string,
  year: { start: number; end: number },
  mention: ClaimMention | undefined,
  offset: number,
  claims: Claim[],
): boolean {
  const verb = REPORTING_VERB.exec(sentence);
  if (!verb || verb.index > year.start) return true;
  // "the Sony Pictures hack, which happened in 2016": a relative clause on the name dates the event.
  if (mention && mention.end - offset <= year.start) {
    const between = sentence.slice(mention.end - offset, year.start);
    if (/^\s*(?:\p{L}+\s+){0,2},?\s*(?:which|that)\b[^,;]{0,40}$/u.test(between)) return true;
  }
  const after = sentence.slice(year.end).trimStart().toLowerCase();
  const nextWord = /^[\p{L}'’-]+/u.exec(after)?.[0] ?? '';
  if (['which', 'that', 'when', 'where'].includes(nextWord)) return true;
  const cues = claims.flatMap((c) => c.cues ?? []);
  return cues.some((cue) => nextWord.startsWith(cue));
}

/**
 * True when a year closes its phrase ("WannaCry in 2016, …", "in 2016 were"),
 * not when it qualifies a noun that follows ("WannaCry in 2019 testimony").
 */
function endsPhrase(sentence: string, end: number): boolean {
  const next = /^\s*([\p{L}']+|[^\s\p{L}]|$)/u.exec(sentence.slice(end))?.[1] ?? '';
  if (next === '' || /^[^\p{L}]/u.test(next)) return true;
  return FUNCTION_WORDS.has(next.toLowerCase());
}

const FUNCTION_WORDS = new Set(
  'and or but was were is are had has have when which that as after before with by to in on at the a an it its hit struck crippled infected spread caused affected'.split(
    ' ',
  ),
);

/**
 * Judges every stated value of one sentence. `offset` is where the sentence
 * starts in the text the mentions' offsets refer to.
 */
function checkSentence(
  sentence: string,
  offset: number,
  mentions: ClaimMention[],
  subjects: Map<string, ClaimSubject>,
  caseContext: boolean,
  caseSubjects: ClaimSubject[],
): Finding[] {
  const findings: Finding[] = [];
  for (const local of statedValues(sentence)) {
    const value: StatedValue = { ...local, start: local.start + offset, end: local.end + offset };
    // The value is about the nearest name in the sentence. When that name has no claim of this
    // kind (a person next to a year), the value is about something else: say nothing.
    // A value inside a name ("2014 Sony Pictures hack") is part of the name, not a statement.
    if (mentions.some((m) => gap(value, m) < 0)) continue;
    const byDistance = mentions
      .map((m) => ({ mention: m, subject: subjects.get(m.entityId), distance: gap(value, m) }))
      .filter((c) => c.distance >= 0)
      .sort((a, b) => a.distance - b.distance);
    const closest = byDistance[0];
    const nearest = closest?.subject?.claims.some((cl) => cl.kind === value.kind) ? closest : undefined;
    if (closest && !nearest) continue;
    let subject: ClaimSubject | undefined;
    let applicable: { claim: Claim; index: number }[] = [];
    if (nearest) {
      subject = nearest.subject!;
      const cued = applicableClaims(subject, value.kind, sentence);
      const bound =
        EVENTFUL.includes(subject.category) &&
        value.kind === 'year' &&
        tightlyBound(sentence, value, nearest.mention, offset) &&
        endsPhrase(sentence, local.end);
      applicable =
        cued.length > 0
          ? cued
          : bound || value.kind === 'title'
            ? subject.claims
                .map((claim, index) => ({ claim, index }))
                .filter(
                  ({ claim }) =>
                    claim.kind === value.kind && (claim.context === undefined || hasWord(sentence, claim.context)),
                )
            : [];
      // Titles sit right next to the name they belong to.
      if (value.kind === 'title' && nearest.distance > 12) applicable = [];
    } else if (caseContext && mentions.length === 0) {
      // A sentence that names nobody, on a page about the case: only case-wide claims, with both cue and context words.
      for (const s of caseSubjects) {
        const hits = applicableClaims(s, value.kind, sentence);
        if (hits.some(({ claim }) => claim.scope === 'case' && claim.context !== undefined)) {
          // The case-wide claim opens the sentence to the subject; any of its cued claims may then agree.
          subject = s;
          applicable = hits;
          break;
        }
      }
    }
    if (!subject || applicable.length === 0) continue;
    if (
      value.kind === 'year' &&
      !yearDescribesEvent(
        sentence,
        local,
        nearest?.mention,
        offset,
        applicable.map((a) => a.claim),
      )
    )
      continue;
    if (
      value.kind === 'sentence-months' &&
      MAXIMUM_BEFORE.test(sentence.slice(Math.max(0, local.start - 24), local.start))
    )
      continue;
    const verdicts = applicable.map(({ claim, index }) => ({ index, result: agrees(value, claim) }));
    const agreeing = verdicts.find((v) => v.result === true);
    const known = verdicts.filter((v) => v.result !== undefined);
    if (known.length === 0) continue;
    findings.push({
      entityId: subject.id,
      claimIndex: (agreeing ?? known[0]!).index,
      kind: value.kind,
      start: value.start,
      end: value.end,
      stated: sentence.slice(local.start, local.end),
      verdict: agreeing ? 'confirmed' : 'contradicted',
    });
  }
  // When the sentence states the record's value, its other numbers of that kind are other
  // quantities ("$81 million was stolen, and $1 billion more was blocked"): say nothing of them.
  return findings.filter(
    (f) =>
      f.verdict === 'confirmed' ||
      !findings.some((g) => g.verdict === 'confirmed' && g.entityId === f.entityId && g.kind === f.kind),
  );
}

export interface ClaimChecker {
  /** Judges the values in `text` (a run of a page), given the case names found in it. */
  check(text: string, mentions: ClaimMention[], caseContext: boolean): Finding[];
  /** True when `text` holds anything the checker could judge (cheap pre-test). */
  mayHold(text: string): boolean;
}

export function createClaimChecker(subjects: ClaimSubject[]): ClaimChecker {
  const byId = new Map(subjects.filter((s) => s.claims.length > 0).map((s) => [s.id, s]));
  const caseSubjects = subjects.filter((s) => s.claims.some((c) => c.scope === 'case'));
  const quick = new RegExp(
    String.raw`\d|Attorney|Director|Secretary|\b(?:${Object.keys(WORD_NUMBERS).join('|')})[\s-]+(?:years?|months?)\b`,
    'i',
  );
  // A sentence that names nobody can only hold a case-wide claim, and those need one of their context words.
  const caseWideContext = [
    ...new Set(
      caseSubjects.flatMap((s) => s.claims.flatMap((c) => (c.scope === 'case' && c.context ? c.context : []))),
    ),
  ];
  return {
    mayHold: (text) => quick.test(text),
    check(text, mentions, caseContext) {
      if (!quick.test(text)) return [];
      if (mentions.length === 0 && !(caseContext && hasWord(text, caseWideContext))) return [];
      const findings: Finding[] = [];
      for (const span of splitSentences(text)) {
        const inside = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
        const sentence = text.slice(span.start, span.end);
        if (inside.length === 0 && !(caseContext && hasWord(sentence, caseWideContext))) continue;
        if (!quick.test(sentence)) continue;
        findings.push(...checkSentence(sentence, span.start, inside, byId, caseContext, caseSubjects));
      }
      return findings;
    },
  };
}

// ---------------------------------------------------------------- wording

const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function formatAmount(value: number, currency?: string): string {
  const symbol = currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : currency === 'CAD' ? 'C$' : '$';
  if (value >= 1e9) return `${symbol}${MONEY.format(value / 1e9)} billion`;
  if (value >= 1e6) return `${symbol}${MONEY.format(value / 1e6)} million`;
  return `${symbol}${MONEY.format(value)}`;
}

/** The record's value as a reader should see it: "more than $1.3 billion", "140 months". */
export function describeClaim(claim: Claim): string {
  const qualifier =
    claim.qualifier === 'more-than'
      ? 'more than '
      : claim.qualifier === 'about'
        ? 'about '
        : claim.qualifier === 'at-least'
          ? 'at least '
          : '';
  switch (claim.kind) {
    case 'amount':
      return typeof claim.value === 'number'
        ? qualifier + formatAmount(claim.value, claim.currency)
        : String(claim.value);
    case 'sentence-months':
      return typeof claim.value === 'number'
        ? `${claim.value} months (${Math.floor(claim.value / 12)} years${claim.value % 12 ? ` ${claim.value % 12} months` : ''})`
        : String(claim.value);
    default:
      return qualifier + String(claim.value);
  }
}
