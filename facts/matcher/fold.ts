/**
 * Character folding for the matcher, one UTF-16 unit to one unit so that
 * offsets in the folded view are offsets in the page's text:
 * - letters lower-cased, Latin diacritics dropped (ŏ → o, É → e);
 * - whitespace, no-break spaces, hyphens and dashes → SEPARATOR (a space);
 * - curly and modifier apostrophes and primes → a straight one;
 * - combining diacritics and soft hyphens are skipped by the matcher (see `isIgnorable`).
 * `foldString` applies the same rules to whole strings; it is the one folding
 * of the store (alias identity, the matcher, search).
 */

export const SEPARATOR = 0x20;
const SOFT_HYPHEN = 0xad;
export const APOSTROPHE = 0x27;

export const TABLE_SIZE = 0x3100;
/** Folded unit per UTF-16 unit below TABLE_SIZE (exported for the matcher's inner loop). */
export const FOLD = new Uint16Array(TABLE_SIZE);
/** The same without lower-casing, for case-sensitive aliases (RGB, GOP). */
const FOLD_KEEP_CASE = new Uint16Array(TABLE_SIZE);
/** 1 where the unit is a letter, digit or combining mark: what a word boundary must not touch. */
export const WORD = new Uint8Array(TABLE_SIZE);

const SEPARATORS = /[\s\u00a0\u2010-\u2015-]/u;
const APOSTROPHES = /['\u2018\u2019\u02bc\u2032]/u;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

for (let code = 0; code < TABLE_SIZE; code += 1) {
  const ch = String.fromCharCode(code);
  let folded = code;
  let cased = code;
  if (SEPARATORS.test(ch)) folded = cased = SEPARATOR;
  else if (APOSTROPHES.test(ch)) folded = cased = APOSTROPHE;
  else {
    const base = ch.normalize('NFD')[0] ?? ch;
    cased = base.charCodeAt(0);
    const lower = base.toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  FOLD[code] = folded;
  FOLD_KEEP_CASE[code] = cased;
  // A soft hyphen sits inside a word: no match starts right after one.
  WORD[code] = WORDLIKE.test(ch) || code === SOFT_HYPHEN ? 1 : 0;
}

export function foldUnit(code: number): number {
  if (code < TABLE_SIZE) return FOLD[code]!;
  // Beyond the table: Hangul, Han, kana and symbols have no case; full-width forms are rare.
  return code === 0x3000 || code === 0xfeff ? SEPARATOR : code;
}

export function isWordUnit(code: number): boolean {
  if (code < TABLE_SIZE) return WORD[code] === 1;
  if (code >= 0xac00 && code <= 0xd7a3) return true; // Hangul syllables
  if (code >= 0x4e00 && code <= 0x9fff) return true; // CJK ideographs
  if (code >= 0xd800 && code <= 0xdfff) return true; // surrogates: treat astral letters as letters
  return WORDLIKE.test(String.fromCharCode(code));
}

/** The folded form of a whole string, separators collapsed and trimmed; with `keepCase`, not lower-cased. */
export function foldString(text: string, keepCase = false): string {
  const composed = text.normalize('NFC');
  let out = '';
  let lastWasSeparator = true;
  for (let i = 0; i < composed.length; i += 1) {
    const unit = composed.charCodeAt(i);
    const code = keepCase && unit < TABLE_SIZE ? FOLD_KEEP_CASE[unit]! : foldUnit(unit);
    if (isIgnorable(code)) continue;
    if (code === SEPARATOR) {
      if (!lastWasSeparator) out += ' ';
      lastWasSeparator = true;
    } else {
      out += String.fromCharCode(code);
      lastWasSeparator = false;
    }
  }
  return out.trimEnd();
}

/**
 * Units the matcher steps over inside a name: combining diacritics (so a
 * decomposed "o\u0306" reads as "o") and soft hyphens, which pages insert
 * into long words as hyphenation hints ("Ala&shy;umary").
 */
export function isIgnorable(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || code === SOFT_HYPHEN;
}
