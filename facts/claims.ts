import { type ChargeReading, chargesAgree, findCharges, type Offence, readCharges } from './claims/charges';
import { findPlaces, placeAgrees } from './claims/places';
import { type CaseGroup, type NamedInRun, referenceReader } from './claims/references';
import { splitSentences } from './claims/sentences';
import { hasWholePhrase, hasWordStart, letterBefore, matchesAtWordStart } from './claims/word-search';
import type { Category, ClaimKind } from './constants';
import type { CheckedClaim } from './schema';

export {
  describeAbout,
  describeClaim,
  describeRecord,
  describeVerdict,
  type VerdictWording,
  wordVerdict,
} from './claims/wording';
export { splitSentences };

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
  /** Set on a reference the checker resolved itself ("the men", "he", "Park"). */
  reference?: true;
}

/** What the checker needs of an entity: its claims, in store order (indexes are stable). */
export interface ClaimSubject {
  id: string;
  category: Category;
  claims: CheckedClaim[];
  /** The entity's name, for short forms in a paragraph that names it ("Park", "Mr. Park"). */
  name?: string;
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
  /** Every record value the page was compared with, when more than one (the counts of an indictment). */
  claimIndexes?: number[];
}

interface StatedValue {
  kind: ClaimKind;
  start: number;
  end: number;
  value: number | string;
  currency?: string;
  /** For sentence lengths stated in whole years: the value is a range of months. */
  monthsRange?: [number, number];
  /** For charges: the offences the list names. */
  charges?: ChargeReading;
  /** For ages: the name (or reference) the age is written beside. */
  boundTo?: ClaimMention;
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
const NUM_WORDS_TO_TEN = 'one|two|three|four|five|six|seven|eight|nine|ten';
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

/** People counted: "three North Koreans", "four North Korean hackers" (not "two additional defendants"). */
const COUNT = new RegExp(
  String.raw`(${NUM_WORDS_TO_TEN}|\d{1,2})\s+(?:(?:north\s+korean|alleged|accused|computer|military|state-sponsored)\s+)*(?:north\s+koreans|north\s+koreas|koreans|hackers|programmers|men|defendants|officers|operatives|spies|suspects|agents)(?![\p{L}])(?!\s+of\b)`,
  'giu',
);

/** A count begins neither inside a word nor inside a number ("2017 hackers" is no count of 17). */
function letterOrDigitBefore(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  return (before >= 0x30 && before <= 0x39) || letterBefore(text, index);
}

function findCounts(text: string, references: ClaimMention[], offset: number): StatedValue[] {
  return [...matchesAtWordStart(COUNT, text, letterOrDigitBefore)].map((m) => {
    // "the three hackers" both counts and names the group: the count is about the group it names.
    const within = references.find((r) => r.start - offset <= m.index && m.index < r.end - offset);
    return {
      kind: 'count' as const,
      start: m.index,
      end: m.index + m[1]!.length,
      value: toNumber(m[1]!),
      ...(within ? { boundTo: within } : {}),
    };
  });
}

/**
 * Ages written beside a person's name or a reference to one: "Kim Il, 27,",
 * "Jon Chang-hyok (31)", "37-year-old Ghaleb Alaumary", "the 36-year-old Canadian".
 */
function findAges(text: string, people: ClaimMention[], offset: number): StatedValue[] {
  const out: StatedValue[] = [];
  for (const person of people) {
    const end = person.end - offset;
    const after = /^(\s*,\s*(?:aged\s+)?|\s*\(|\s*,?\s*aged\s+)(\d{1,2})(?=\s*[,)]|\s*$|\s+(?:of|from|and)\b)/.exec(
      text.slice(end, end + 16),
    );
    if (after) {
      const start = end + after[1]!.length;
      out.push({ kind: 'age', start, end: start + after[2]!.length, value: Number(after[2]), boundTo: person });
      continue;
    }
    const inside = /(\d{1,2})-year-old/.exec(text.slice(person.start - offset, end));
    if (inside) {
      const start = person.start - offset + inside.index;
      out.push({ kind: 'age', start, end: start + inside[1]!.length, value: Number(inside[1]), boundTo: person });
      continue;
    }
    const begin = person.start - offset;
    const before = /(\d{1,2})-year-old\s+$/.exec(text.slice(Math.max(0, begin - 14), begin));
    if (before) {
      const start = begin - before[0].length;
      out.push({ kind: 'age', start, end: start + before[1]!.length, value: Number(before[1]), boundTo: person });
    }
  }
  return out;
}

function statedValues(text: string, people: ClaimMention[], references: ClaimMention[], offset: number): StatedValue[] {
  const amounts = findAmounts(text);
  const lengths = findSentenceLengths(text);
  const ages = findAges(text, people, offset);
  const overlaps = overlapsAny([...amounts, ...lengths, ...ages]);
  // A year inside an amount or a sentence length is not a year.
  const years = findYears(text).filter((y) => !overlaps(y));
  const places: StatedValue[] = findPlaces(text).map((p) => ({
    kind: 'place',
    start: p.start,
    end: p.end,
    value: p.place,
  }));
  const charges: StatedValue[] = findCharges(text).map((c) => ({
    kind: 'charge',
    start: c.start,
    end: c.end,
    value: text.slice(c.start, c.end),
    charges: c.reading,
  }));
  return [
    ...amounts,
    ...lengths,
    ...years,
    ...findTitles(text),
    ...ages,
    ...findCounts(text, references, offset).filter((c) => !overlaps(c)),
    ...places,
    ...charges,
  ];
}

/** True for a span that overlaps any of `taken`. */
function overlapsAny(taken: { start: number; end: number }[]): (v: { start: number; end: number }) => boolean {
  return (v) => taken.some((t) => v.start < t.end && t.start < v.end);
}

/**
 * What `statedValues` finds in a sentence that names nobody: amounts and
 * counts only. Such a sentence can hold only a case-wide value, and the
 * record's case-wide claims are all amounts (`caseWideAmountsOnly`; when not,
 * the full finders run), with counts judged beside them; the other finders
 * (places, charges, titles, years) cost most of a sentence's check on a long
 * page about the case. Terms are still found, for a count inside one ("three
 * years") is no count.
 */
function caseWideValues(text: string, offset: number): StatedValue[] {
  const amounts = findAmounts(text);
  const overlaps = overlapsAny([...amounts, ...findSentenceLengths(text)]);
  return [...amounts, ...findCounts(text, [], offset).filter((c) => !overlaps(c))];
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

function amountAgrees(stated: StatedValue, claim: CheckedClaim): boolean | undefined {
  if (typeof claim.value !== 'number' || typeof stated.value !== 'number') return undefined;
  if (stated.currency && claim.currency && stated.currency !== claim.currency) return undefined;
  const ratio = stated.value / claim.value;
  // Below a thousandth of the record it is another kind of number: unless it is the
  // record's figure without its scale word ("$1.4 online theft" for $1.3 billion).
  const scaleless = stated.value >= 1 && stated.value < 1000;
  if (ratio < 0.001 && !scaleless) return undefined;
  // Well under a total ("more than $1.3 billion") is a part of it (one theft), not another total.
  if (claim.qualifier === 'more-than' && ratio < 0.5 && !scaleless) return undefined;
  return Math.abs(ratio - 1) <= 0.05;
}

function agrees(stated: StatedValue, claim: CheckedClaim): boolean | undefined {
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
    case 'age':
      // An age the record gives at a date: younger than that is wrong; older may be later.
      if (typeof claim.value !== 'number') return undefined;
      return stated.value === claim.value ? true : (stated.value as number) < claim.value ? false : undefined;
    case 'count':
      return typeof claim.value === 'number' ? stated.value === claim.value : undefined;
    case 'place': {
      if (typeof claim.value !== 'string') return undefined;
      const agree = placeAgrees(stated.value as string, claim.value);
      // An open list ("worked from countries including China and Russia"): another place is no contradiction.
      return agree ? true : claim.qualifier === 'at-least' ? undefined : false;
    }
    default:
      return undefined;
  }
}

function hasWord(sentence: string, words: readonly string[] | undefined): boolean {
  return words !== undefined && hasWordStart(sentence, words);
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

/**
 * The words a claim's cues must be found in: the whole sentence, or for a
 * place the few words before it ("believed to be in", "unsealed in"), since a
 * sentence may name where a man is and where his case was filed.
 */
function cueText(sentence: string, kind: ClaimKind, local?: { start: number }): string {
  if (kind !== 'place' || !local) return sentence;
  const window = sentence.slice(Math.max(0, local.start - 64), local.start);
  return window.slice(window.search(/[^;.]*$/));
}

/** The entity's claims of this kind whose cue words (and context words, if any) the sentence has. */
function applicableClaims(
  subject: ClaimSubject,
  kind: ClaimKind,
  sentence: string,
  local?: { start: number },
  contextMet = false,
): { claim: CheckedClaim; index: number }[] {
  const cues = cueText(sentence, kind, local);
  return subject.claims
    .map((claim, index) => ({ claim, index }))
    .filter(
      ({ claim }) =>
        claim.kind === kind &&
        // A stated charge comes after "charged with" or "pleaded guilty to": that is its cue.
        (claim.cues === undefined ||
          kind === 'charge' ||
          // Cue phrases of places are whole words ("in", "of"), not word starts.
          (kind === 'place' ? hasWholePhrase(cues, claim.cues) : hasWord(cues, claim.cues))) &&
        (contextMet || claim.context === undefined || hasWord(sentence, claim.context)),
    );
}

/** Words that make a stated prison term a maximum rather than the sentence given. */
const MAXIMUM_BEFORE =
  /(?:up to|maximum(?:\s+(?:penalty|sentence|term|prison term))?(?: of)?|max\.?|faces?|faced|facing|could (?:get|face)|as (?:much|long) as)\s*(?:a\s+)?$/i;

/** "a 2018 case", "the 2018 complaint": the year dates a legal step or a report, not the event. */
const DATES_A_RECORD =
  /^\s+(?:case|complaint|charges?|indictment|report|testimony|lawsuit|filing|statement|announcement|interview|advisory|hearing)\b/i;

/** Words after a term that make it something other than the prison sentence. */
const OTHER_TERM_AFTER = /^\s*(?:of\s+)?(?:supervised release|probation|parole)\b/i;

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
  claims: CheckedClaim[],
): boolean {
  const verb = REPORTING_VERB.exec(sentence);
  if (!verb || verb.index > year.start) return true;
  // "the Sony Pictures hack, which happened in 2016": a relative clause on the name dates the event.
  if (mention && mention.end - offset <= year.start) {
    const between = sentence.slice(mention.end - offset, year.start);
    if (/^\s*(?:\p{L}+\s+){0,2},?\s*(?:which|that)\b[^,;]{0,40}$/u.test(between)) return true;
  }
  const cues = claims.flatMap((c) => c.cues ?? []);
  // "the hack of Sony Pictures in 2014", "the WannaCry malware attack in 2017": the event, then its year.
  if (mention && mention.end - offset <= year.start) {
    const between = sentence.slice(mention.end - offset, year.start);
    const lead = sentence.slice(Math.max(0, mention.start - offset - 16), mention.start - offset);
    if (
      /^[\s\p{L}.-]{0,30}\bin\s+(?:(?:early|late|mid|january|february|march|april|may|june|july|august|september|october|november|december)\s+)?$/iu.test(
        between,
      ) &&
      claims.some((c) => hasWord(`${lead} ${between}`, c.cues))
    )
      return true;
  }
  const after = sentence.slice(year.end).trimStart().toLowerCase();
  const nextWord = /^[\p{L}'’-]+/u.exec(after)?.[0] ?? '';
  if (['which', 'that', 'when', 'where'].includes(nextWord)) return true;
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

/** What the checker knows of the record, prepared once. */
interface Record_ {
  subjects: Map<string, ClaimSubject>;
  caseSubjects: ClaimSubject[];
  groups: CaseGroup[];
  /** Offences each entity is charged with, from its charge claims. */
  offences: Map<string, Set<Offence>>;
  /** Every case-wide claim is an amount: a sentence that names nobody needs only amounts and counts read. */
  caseWideAmountsOnly: boolean;
}

function hasKind(record: Record_, m: ClaimMention, kind: ClaimKind): boolean {
  return record.subjects.get(m.entityId)?.claims.some((c) => c.kind === kind) ?? false;
}

/** A value and the name it is taken to be about. */
function nearestSubject(
  value: StatedValue,
  mentions: ClaimMention[],
  record: Record_,
  sentence: string,
  offset: number,
): { mention: ClaimMention; subject: ClaimSubject | undefined; distance: number } | 'part-of-name' | undefined {
  if (value.boundTo)
    return { mention: value.boundTo, subject: record.subjects.get(value.boundTo.entityId), distance: 0 };
  // A place is named, not stated, by a place's own entry (Pyongyang): only the people and things around it count.
  let candidates = value.kind === 'place' ? mentions.filter((m) => m.category !== 'place') : mentions;
  // A title stands before its holder's name ("FBI Deputy Director Paul Abbate"): only holders of titles count.
  if (value.kind === 'title') candidates = candidates.filter((m) => hasKind(record, m, 'title'));
  // Who is charged is named before the charges ("X was charged with", "prosecutors charged X with").
  if (value.kind === 'charge') {
    const before = candidates.filter((m) => m.end <= value.start && hasKind(record, m, 'charge'));
    candidates = before.length > 0 ? before.slice(-1) : candidates;
  }
  // A value inside a name ("2014 Sony Pictures hack") is part of the name, not a statement.
  if (candidates.some((m) => gap(value, m) < 0)) return 'part-of-name';
  let best: { mention: ClaimMention; distance: number } | undefined;
  // "the Bangladesh Bank heist of February 2016 and the WannaCry ransomware": a year joined to the
  // name before it by "of" or "in" belongs to that name, whatever follows.
  if (value.kind === 'year') {
    const before = candidates.filter((m) => m.end <= value.start).at(-1);
    if (before && /^\s+(?:of|in)\s+(?:\p{L}+\s+)?$/u.test(sentence.slice(before.end - offset, value.start - offset))) {
      return { mention: before, subject: record.subjects.get(before.entityId), distance: value.start - before.end };
    }
  }
  for (const m of candidates) {
    const distance = gap(value, m);
    if (!best || distance < best.distance) best = { mention: m, distance };
  }
  return best && { ...best, subject: record.subjects.get(best.mention.entityId) };
}

/**
 * Judges every stated value of one sentence. `offset` is where the sentence
 * starts in the text the mentions' offsets refer to; `mentions` are the names
 * and resolved references inside it.
 */
function checkSentence(
  sentence: string,
  offset: number,
  mentions: ClaimMention[],
  record: Record_,
  caseContext: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const people = mentions.filter((m) => m.category === 'person');
  const counts: StatedValue[] = [];
  const references = mentions.filter((m) => m.reference);
  const stated =
    mentions.length === 0 && record.caseWideAmountsOnly
      ? caseWideValues(sentence, offset)
      : statedValues(sentence, people, references, offset);
  for (const local of stated) {
    const value: StatedValue = { ...local, start: local.start + offset, end: local.end + offset };
    if (value.kind === 'year' && DATES_A_RECORD.test(sentence.slice(local.end, local.end + 24))) continue;
    // The value is about the nearest name in the sentence. When that name has no claim of this
    // kind (a person next to a year), the value is about something else: say nothing.
    const near = nearestSubject(value, mentions, record, sentence, offset);
    if (near === 'part-of-name') continue;
    const nearest = near?.subject?.claims.some((cl) => cl.kind === value.kind) ? near : undefined;
    // Names with no claim of this kind (the Justice Department beside "$1.3 billion") leave the
    // value to the case-wide claims; a name that has such claims but is not the nearest, to nobody.
    const noneOfKind = !mentions.some((m) => hasKind(record, m, value.kind));
    if (near && !nearest && !noneOfKind) continue;
    let subject: ClaimSubject | undefined;
    let applicable: { claim: CheckedClaim; index: number }[] = [];
    if (nearest) {
      subject = nearest.subject!;
      // A reference resolved from the paragraph ("the trio") already ties the sentence to the case.
      const cued = applicableClaims(subject, value.kind, sentence, local, nearest.mention.reference === true);
      const bound =
        EVENTFUL.includes(subject.category) &&
        value.kind === 'year' &&
        tightlyBound(sentence, value, nearest.mention, offset) &&
        endsPhrase(sentence, local.end);
      applicable =
        cued.length > 0
          ? cued
          : bound || value.kind === 'title' || value.kind === 'age'
            ? subject.claims
                .map((claim, index) => ({ claim, index }))
                .filter(
                  ({ claim }) =>
                    claim.kind === value.kind && (claim.context === undefined || hasWord(sentence, claim.context)),
                )
            : [];
      // Titles sit right next to the name they belong to.
      if (value.kind === 'title' && nearest.distance > 12) applicable = [];
    } else if (caseContext && noneOfKind) {
      if (value.kind === 'count') {
        // A count that names nobody is judged only beside a case-wide value (below).
        counts.push(value);
        continue;
      }
      // A sentence that names nobody, on a page about the case: only case-wide claims, with both cue and context words.
      for (const s of record.caseSubjects) {
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
    const finding = judge(sentence, local, value, subject, applicable, nearest?.mention, offset, record);
    if (finding) findings.push(finding);
  }
  // "The US charged three North Koreans with trying to steal $1.4 billion": the total ties the count to the case.
  const caseFinding = findings.find((f) => record.caseSubjects.some((s) => s.id === f.entityId));
  if (caseFinding) {
    const subject = record.subjects.get(caseFinding.entityId)!;
    for (const value of counts) {
      const local = { ...value, start: value.start - offset, end: value.end - offset };
      const applicable = applicableClaims(subject, 'count', sentence);
      const finding = judge(sentence, local, value, subject, applicable, undefined, offset, record);
      if (finding) findings.push(finding);
    }
  }
  // When the sentence states the record's value, its other numbers of that kind are other
  // quantities ("$81 million was stolen, and $1 billion more was blocked"): say nothing of them.
  return findings.filter(
    (f) =>
      f.verdict === 'confirmed' ||
      f.kind === 'place' ||
      !findings.some((g) => g.verdict === 'confirmed' && g.entityId === f.entityId && g.kind === f.kind),
  );
}

/** The verdict on one value against the claims that apply to it, or nothing when none can judge it. */
function judge(
  sentence: string,
  local: StatedValue,
  value: StatedValue,
  subject: ClaimSubject,
  applicable: { claim: CheckedClaim; index: number }[],
  mention: ClaimMention | undefined,
  offset: number,
  record: Record_,
): Finding | undefined {
  if (applicable.length === 0) return undefined;
  if (
    value.kind === 'year' &&
    !yearDescribesEvent(
      sentence,
      local,
      mention,
      offset,
      applicable.map((a) => a.claim),
    )
  )
    return undefined;
  if (
    value.kind === 'sentence-months' &&
    (MAXIMUM_BEFORE.test(sentence.slice(Math.max(0, local.start - 24), local.start)) ||
      OTHER_TERM_AFTER.test(sentence.slice(local.end, local.end + 30)))
  )
    return undefined;
  const base = {
    entityId: subject.id,
    kind: value.kind,
    start: value.start,
    end: value.end,
    stated: sentence.slice(local.start, local.end),
  };
  if (value.kind === 'charge') {
    // A list of charges is judged against all the counts the entity faces together.
    const result = chargesAgree(value.charges!, record.offences.get(subject.id) ?? new Set());
    if (result === undefined) return undefined;
    const indexes = applicable.map((a) => a.index);
    return {
      ...base,
      claimIndex: indexes[0]!,
      ...(indexes.length > 1 ? { claimIndexes: indexes } : {}),
      verdict: result ? 'confirmed' : 'contradicted',
    };
  }
  const verdicts = applicable.map(({ claim, index }) => ({ index, result: agrees(value, claim) }));
  const agreeing = verdicts.find((v) => v.result === true);
  const known = verdicts.filter((v) => v.result !== undefined);
  if (known.length === 0) return undefined;
  return { ...base, claimIndex: (agreeing ?? known[0]!).index, verdict: agreeing ? 'confirmed' : 'contradicted' };
}

export interface ClaimChecker {
  /** Judges the values in `text` (a run of a page: a paragraph), given the case names found in it. */
  check(text: string, mentions: ClaimMention[], caseContext: boolean): Finding[];
  /** True when `text` holds anything the checker could judge (cheap pre-test). */
  mayHold(text: string): boolean;
}

/**
 * The groups a reference such as "the men" or "the three" may stand for: an
 * entity with case-wide claims, and the people who carry the same claim (the
 * defendants who share the indictment's total).
 */
function caseGroups(subjects: ClaimSubject[], caseSubjects: ClaimSubject[]): CaseGroup[] {
  return caseSubjects.map((c) => {
    const shared = c.claims.filter((cl) => cl.scope === 'case');
    const members = subjects.filter(
      (s) =>
        s.category === 'person' &&
        s.claims.some((cl) => shared.some((x) => x.kind === cl.kind && x.value === cl.value)),
    );
    return { id: c.id, category: c.category, members: new Set(members.map((m) => m.id)) };
  });
}

export interface ClaimCheckerOptions {
  /**
   * Reads every kind of value in every sentence, also in sentences that name
   * nobody: the reference that the shortcut for those sentences (see
   * `caseWideValues`) is tested against.
   */
  readEveryValue?: boolean;
}

export function createClaimChecker(subjects: ClaimSubject[], options: ClaimCheckerOptions = {}): ClaimChecker {
  const byId = new Map(subjects.filter((s) => s.claims.length > 0).map((s) => [s.id, s]));
  const caseSubjects = subjects.filter((s) => s.claims.some((c) => c.scope === 'case'));
  const names = new Map(subjects.filter((s) => s.name).map((s) => [s.id, s.name!]));
  const offences = new Map<string, Set<Offence>>();
  for (const s of subjects) {
    const charged = s.claims.filter((c) => c.kind === 'charge' && typeof c.value === 'string');
    if (charged.length > 0)
      offences.set(s.id, new Set(charged.flatMap((c) => readCharges(c.value as string).offences)));
  }
  const record: Record_ = {
    subjects: byId,
    caseSubjects,
    groups: caseGroups(subjects, caseSubjects),
    offences,
    caseWideAmountsOnly:
      !options.readEveryValue &&
      caseSubjects.every((s) => s.claims.every((c) => c.scope !== 'case' || c.kind === 'amount')),
  };
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
  // Paragraphs of one page name the same few sets of entities: each set's reader (with the expression of
  // its people's short names) is made once.
  const readers = new Map<string, ReturnType<typeof referenceReader>>();
  const readerFor = (named: NamedInRun[]) => {
    const key = named.map((n) => n.entityId).join(' ');
    let reader = readers.get(key);
    if (!reader) {
      if (readers.size >= 256) readers.clear();
      reader = referenceReader(named, record.groups);
      readers.set(key, reader);
    }
    return reader;
  };
  return {
    mayHold: (text) => quick.test(text),
    check(text, mentions, caseContext) {
      if (mentions.length === 0) {
        // Nothing named: only case-wide values, which hold a number and a context word.
        if (!caseContext || !quick.test(text) || !hasWord(text, caseWideContext)) return [];
      }
      const sorted = [...mentions].sort((a, b) => a.start - b.start);
      const named: NamedInRun[] = [];
      const seen = new Set<string>();
      for (const m of sorted) {
        if (seen.has(m.entityId)) continue;
        seen.add(m.entityId);
        named.push({ entityId: m.entityId, category: m.category, name: names.get(m.entityId) });
      }
      const references = named.length > 0 ? readerFor(named) : undefined;
      const findings: Finding[] = [];
      // Sentences and mentions are both in text order: one walk over each, whatever their numbers.
      let next = 0;
      for (const span of splitSentences(text)) {
        while (next < sorted.length && sorted[next]!.start < span.start) next += 1;
        const inside: ClaimMention[] = [];
        for (let i = next; i < sorted.length && sorted[i]!.start < span.end; i += 1) {
          if (sorted[i]!.end <= span.end) inside.push(sorted[i]!);
        }
        const sentence = text.slice(span.start, span.end);
        if (references) {
          const hasPerson = inside.some((m) => m.category === 'person');
          for (const r of references(sentence)) {
            const ref = { ...r, start: r.start + span.start, end: r.end + span.start };
            if (inside.some((m) => ref.start < m.end && m.start < ref.end)) continue;
            // A pronoun or "the men" stands in only where the sentence names no person itself.
            if (hasPerson && r.category !== 'person') continue;
            inside.push({ ...ref, reference: true });
          }
          inside.sort((a, b) => a.start - b.start);
        }
        if (inside.length === 0 && !(caseContext && hasWord(sentence, caseWideContext) && quick.test(sentence)))
          continue;
        findings.push(...checkSentence(sentence, span.start, inside, record, caseContext));
      }
      return findings;
    },
  };
}
