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

import { FOLD_CHANGES, KEEP_CASE_CHANGES, WORD_RUNS } from './fold-tables';
import { APOSTROPHE, SEPARATOR, TABLE_SIZE } from './fold-rules';
import { forEachNumber } from './number-codec';

export { APOSTROPHE, SEPARATOR, TABLE_SIZE };
const SOFT_HYPHEN = 0xad;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

// The tables are decoded from their generated form (fold-tables.ts, derived
// by fold-rules.ts): a page's frame pays for a few thousand numbers, not for
// deriving twelve thousand entries with Unicode expressions.

/** `table` with the identity, then the changes that `encoded` lists as (gap, folded unit) pairs. */
function decodeChanges(encoded: string): Uint16Array {
  const table = Uint16Array.from(new Array(TABLE_SIZE).keys());
  let code = -1;
  let gap = -1;
  forEachNumber(encoded, (n) => {
    if (gap < 0) gap = n;
    else {
      code += gap;
      table[code] = n;
      gap = -1;
    }
  });
  return table;
}

/** Folded unit per UTF-16 unit below TABLE_SIZE (exported for the matcher's inner loop). */
export const FOLD = decodeChanges(FOLD_CHANGES);
/** The same without lower-casing, for case-sensitive aliases (RGB, GOP); decoded on first use. */
let foldKeepCase: Uint16Array | null = null;
/** 1 where the unit is a letter, digit or combining mark: what a word boundary must not touch. */
export const WORD = new Uint8Array(TABLE_SIZE);
{
  let at = 0;
  let bit = 0;
  forEachNumber(WORD_RUNS, (length) => {
    WORD.fill(bit, at, at + length);
    at += length;
    bit ^= 1;
  });
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
  if (keepCase) foldKeepCase ??= decodeChanges(KEEP_CASE_CHANGES);
  const composed = text.normalize('NFC');
  let out = '';
  let lastWasSeparator = true;
  for (let i = 0; i < composed.length; i += 1) {
    const unit = composed.charCodeAt(i);
    const code = keepCase && unit < TABLE_SIZE ? foldKeepCase![unit]! : foldUnit(unit);
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
