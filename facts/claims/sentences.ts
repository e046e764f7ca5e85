/**
 * Sentence spans of a run of text, in one pass. A period after an
 * abbreviation ("Mr.", "U.S.", "Gen.") or an initial ("John C. Demers") does
 * not end a sentence. The check looks only at the few characters before each
 * candidate boundary, so a run of thousands of abbreviations costs no more
 * than any other text of its length. (Intl.Segmenter with a merge step for
 * abbreviations split the labelled sentences as well, but its cost grows far
 * faster than the text in V8: see facts/README.md.)
 */

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr inc ltd co corp no vs gen sen rep gov lt col capt sgt jan feb mar apr jun jul aug sep sept oct nov dec dept est approx fig u.s u.k e.g i.e a.m p.m ont'.split(
    ' ',
  ),
);

/** The longest abbreviation above plus room for the word boundary. */
const LOOK_BACK = 8;

/** True when the period at `at` ends an abbreviation or an initial rather than a sentence. */
export function isAbbreviationAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - LOOK_BACK), at);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  // A word that fills the whole window may be longer than it looks: then it is no abbreviation.
  if (word.length === before.length && at - LOOK_BACK > 0 && /[\p{L}.]/u.test(text[at - LOOK_BACK - 1] ?? '')) {
    return false;
  }
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

const BOUNDARY = /[.!?]+["”’)\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}])|[.!?]+["”’)\]]*$|\n\s*\n/gu;

export interface Span {
  start: number;
  end: number;
}

/** Sentence spans of a text (blank ones left out). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  BOUNDARY.lastIndex = 0;
  let start = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    if (m[0].startsWith('.') && isAbbreviationAt(text, m.index)) continue;
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.filter((s) => /\S/.test(text.slice(s.start, s.end)));
}
