import type { ClaimChecker, ClaimMention, Verdict } from './claims';
import type { Category, ClaimKind } from './constants';
import type { Hit } from './lexicon';
import type { Matcher } from './matcher/compile';

/**
 * The decision "what to mark in this run of text", free of the DOM: the
 * content script hands each run of a page's text (a line of flow: a
 * paragraph, a list item, a cell) to the annotator and wraps what comes back.
 */

/** A case name as the page writes it; `wrong-form` is a known wrong spelling (itself a contradicted claim). */
export interface NameAnnotation {
  kind: 'name' | 'wrong-form';
  entityId: string;
  category: Category;
  start: number;
  end: number;
  /** Index into the entity's aliases: the spelling that matched. */
  aliasIndex: number;
  /** An ambiguous spelling (Lazarus, RGB): shown only in documents about the case (or about its pack's subject). */
  needsContext: boolean;
  /** The fact pack the entity comes from; absent for the bundled case. */
  pack?: string;
}

/** A value the page states (a year, an amount, a title) and what the record says of it. */
export interface ValueAnnotation {
  kind: 'value';
  entityId: string;
  category: Category;
  start: number;
  end: number;
  verdict: Verdict;
  /** Index into the entity's claims: the record value the page was compared with. */
  claimIndex: number;
  /** All of them, when the page's words were compared with several (the counts of a charge sheet). */
  claimIndexes?: number[];
  claimKind: ClaimKind;
}

export type Annotation = NameAnnotation | ValueAnnotation;

/** What the annotator found in one stretch of a run. Offsets are in the run's text. */
export interface RunAnnotations {
  /** What to mark now, in text order. */
  marks: Annotation[];
  /** Ambiguous names that wait until the document is about the case. */
  waiting: NameAnnotation[];
  /** Entities this stretch names unambiguously: the evidence that the document is about the case. */
  named: string[];
  /** The stretch names nobody but may state a case-wide value: it can be judged only in a document about the case. */
  valuesWait: boolean;
}

export interface AnnotatorOptions {
  matcher: Matcher<Hit>;
  claims?: ClaimChecker;
  categoryOf(entityId: string): Category | undefined;
  /** Longest stretch of text annotated in one step (a long run is annotated in several). */
  chunkChars?: number;
}

/**
 * Decides whether the document is about the case, given the entities a
 * stretch names unambiguously (the caller adds them to its evidence first).
 * With `pack`, whether it is about that fact pack's subject instead: each
 * pack is its own context, so a page about APT28 does not make the case's
 * "Lazarus" a hacker group, and catalogue names never start the claim check.
 */
export type ContextDecision = (named: readonly string[], pack?: string) => boolean;

export interface Annotator {
  /**
   * Annotates `text` in stretches of at most ~`chunkChars`, yielding each:
   * the caller can stop between two (its time slice is over) and resume.
   * A stretch ends at a sentence end or at white space, so no name is cut.
   */
  annotate(text: string, decide: ContextDecision): Generator<RunAnnotations, void, void>;
}

/**
 * A stretch is annotated without a pause. On a paragraph of 30,000 abbreviations (the hostile-pages
 * spec), stretches of 16K characters gave a task of over 50 ms in one load of four, while the code was
 * not yet optimized; at 8K, none in twelve, and the 1 MB case pages scan no slower.
 */
const DEFAULT_CHUNK_CHARS = 8_192;
/** How far past the nominal end of a stretch a sentence end is looked for. */
const SENTENCE_END_WINDOW = 2_048;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000;
}

/**
 * Where a stretch that begins at `from` ends: the text's end when it is near,
 * else the first sentence end (". " and the like) after `from + chunk`, else
 * the first white space there. Linear in what it reads.
 */
export function stretchEnd(text: string, from: number, chunk: number): number {
  const nominal = from + chunk;
  if (nominal >= text.length) return text.length;
  const limit = Math.min(text.length, nominal + SENTENCE_END_WINDOW);
  let space = -1;
  for (let i = nominal; i < limit; i += 1) {
    const code = text.charCodeAt(i);
    if (!isSpace(code)) continue;
    const before = text.charCodeAt(i - 1);
    if (before === 0x2e || before === 0x21 || before === 0x3f) return i;
    if (space < 0) space = i;
  }
  if (space >= 0) return space;
  for (let i = limit; i < text.length; i += 1) if (isSpace(text.charCodeAt(i))) return i;
  return text.length;
}

export function createAnnotator(options: AnnotatorOptions): Annotator {
  const { matcher, claims, categoryOf } = options;
  const chunk = options.chunkChars ?? DEFAULT_CHUNK_CHARS;

  function annotateStretch(text: string, from: number, to: number, decide: ContextDecision): RunAnnotations {
    const found = matcher.findAll(text, from, to);
    const named: string[] = [];
    // Evidence comes from a spelling's first claimant only. A spelling the case's claimant holds only in
    // context is no evidence for the catalogues, even where a catalogue's claimant is shown in its place:
    // on a page about the case, its early "Andariel" and "Unit 121" would otherwise make the catalogues'
    // ordinary words ("James", "Royal", "page") names.
    for (const m of found) if (!m.entry.needsContext && !named.includes(m.entry.entityId)) named.push(m.entry.entityId);
    const caseContext = decide(named);
    /** Each pack's context, asked once per stretch and only for a pack with an ambiguous name in it. */
    const packContexts = new Map<string, boolean>();
    const inContext = (pack: string | undefined): boolean => {
      if (pack === undefined) return caseContext;
      let answer = packContexts.get(pack);
      if (answer === undefined) {
        answer = decide([], pack);
        packContexts.set(pack, answer);
      }
      return answer;
    };
    const marks: Annotation[] = [];
    const waiting: NameAnnotation[] = [];
    /** Case names shown: what the claim check reads its subjects from. */
    const shown: ClaimMention[] = [];
    /** Every name shown, of the case or a pack: a value inside one is left to the name. */
    const covered: ClaimMention[] = [];
    /** The first claimant of a spelling the page can show now is shown; the first of all waits when none can. */
    const shows = (h: Hit) => !h.needsContext || inContext(h.pack);
    for (const m of found) {
      const hit = shows(m.entry) ? m.entry : (m.also?.find(shows) ?? m.entry);
      const name: NameAnnotation = {
        kind: hit.wrongForm ? 'wrong-form' : 'name',
        entityId: hit.entityId,
        category: hit.category,
        start: m.start,
        end: m.end,
        aliasIndex: hit.aliasIndex,
        needsContext: hit.needsContext,
        ...(hit.pack ? { pack: hit.pack } : {}),
      };
      if (hit.needsContext && !inContext(hit.pack)) {
        waiting.push(name);
        continue;
      }
      marks.push(name);
      const mention = { entityId: hit.entityId, category: hit.category, start: m.start - from, end: m.end - from };
      covered.push(mention);
      // The claim check reads only the case's records: a pack's name is no subject of it.
      if (hit.pack === undefined) shown.push(mention);
    }
    let valuesWait = false;
    if (claims) {
      const stretch = from === 0 && to === text.length ? text : text.slice(from, to);
      if (found.length === 0 && !caseContext) {
        valuesWait = claims.mayHold(stretch);
      } else if (found.length > 0 || claims.mayHold(stretch)) {
        const values = valueAnnotations(claims, stretch, from, shown, covered, caseContext, categoryOf);
        if (values.length > 0) {
          marks.push(...values);
          marks.sort((a, b) => a.start - b.start);
        }
      }
    }
    return { marks, waiting, named, valuesWait };
  }

  return {
    *annotate(text, decide) {
      let from = 0;
      while (from < text.length) {
        const to = stretchEnd(text, from, chunk);
        const result = annotateStretch(text, from, to, decide);
        yield result;
        // A name found near the end may reach past `to`: the next stretch begins after it.
        const last = result.marks.length + result.waiting.length > 0 ? lastEnd(result) : to;
        from = Math.max(to, last);
      }
    },
  };
}

function lastEnd(result: RunAnnotations): number {
  let end = 0;
  for (const a of result.marks) if (a.end > end) end = a.end;
  for (const a of result.waiting) if (a.end > end) end = a.end;
  return end;
}

/** Claim findings of one stretch as annotations; a value inside a shown name is left to the name. */
function valueAnnotations(
  claims: ClaimChecker,
  stretch: string,
  offset: number,
  shown: ClaimMention[],
  covered: ClaimMention[],
  caseContext: boolean,
  categoryOf: (entityId: string) => Category | undefined,
): ValueAnnotation[] {
  const out: ValueAnnotation[] = [];
  for (const f of claims.check(stretch, shown, caseContext)) {
    if (covered.some((n) => f.start < n.end && n.start < f.end)) continue;
    const category = categoryOf(f.entityId);
    if (!category) continue;
    out.push({
      kind: 'value',
      entityId: f.entityId,
      category,
      start: f.start + offset,
      end: f.end + offset,
      verdict: f.verdict,
      claimIndex: f.claimIndex,
      ...(f.claimIndexes ? { claimIndexes: f.claimIndexes } : {}),
      claimKind: f.kind,
    });
  }
  return out;
}

/** True for what the page gets wrong: a wrong form of a name, or a value the record contradicts. */
export function isContradiction(annotation: Annotation): boolean {
  return annotation.kind === 'wrong-form' || (annotation.kind === 'value' && annotation.verdict === 'contradicted');
}
