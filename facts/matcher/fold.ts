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

import { APOSTROPHE, deriveFoldTables, type FoldTables, SEPARATOR, TABLE_SIZE } from './fold-rules';

export { APOSTROPHE, SEPARATOR, TABLE_SIZE };
const SOFT_HYPHEN = 0xad;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

let tables: FoldTables | undefined;

/**
 * The folding tables (`fold`: folded unit per UTF-16 unit below TABLE_SIZE;
 * `keepCase`: the same without lower-casing, for case-sensitive aliases such
 * as RGB; `word`: 1 where a unit is a letter, digit or combining mark),
 * derived on first use, once per frame that runs the full script (the scout,
 * which runs in every frame, does not fold this way: facts/scout.ts). That
 * first use is the matcher's compilation, a task of its own: derived when the
 * module is evaluated, they made the script's evaluation, already one long
 * task, 7-15 ms longer. Shipping them precomputed would cost the full script
 * 3.4 KiB gzipped, past its size budget.
 */
export function foldTables(): FoldTables {
  tables ??= deriveFoldTables();
  return tables;
}

export function foldUnit(code: number): number {
  if (code < TABLE_SIZE) return (tables ?? foldTables()).fold[code]!;
  // Beyond the table: Hangul, Han, kana and symbols have no case; full-width forms are rare.
  return code === 0x3000 || code === 0xfeff ? SEPARATOR : code;
}

export function isWordUnit(code: number): boolean {
  if (code < TABLE_SIZE) return (tables ?? foldTables()).word[code] === 1;
  if (code >= 0xac00 && code <= 0xd7a3) return true; // Hangul syllables
  if (code >= 0x4e00 && code <= 0x9fff) return true; // CJK ideographs
  if (code >= 0xd800 && code <= 0xdfff) return true; // surrogates: treat astral letters as letters
  return WORDLIKE.test(String.fromCharCode(code));
}

/** The folded form of a whole string, separators collapsed and trimmed; with `keepCase`, not lower-cased. */
export function foldString(text: string, keepCase = false): string {
  const composed = text.normalize('NFC');
  const keepCaseTable = foldTables().keepCase;
  let out = '';
  let lastWasSeparator = true;
  for (let i = 0; i < composed.length; i += 1) {
    const unit = composed.charCodeAt(i);
    const code = keepCase && unit < TABLE_SIZE ? keepCaseTable[unit]! : foldUnit(unit);
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
