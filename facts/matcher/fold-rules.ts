/**
 * The folding rules, derived one unit at a time with Unicode expressions
 * into the tables the matcher reads (fold.ts).
 */
export const TABLE_SIZE = 0x3100;
export const SEPARATOR = 0x20;
export const APOSTROPHE = 0x27;
const SOFT_HYPHEN = 0xad;

const SEPARATORS = /[\s\u00a0\u2010-\u2015-]/u;
const APOSTROPHES = /['\u2018\u2019\u02bc\u2032]/u;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

export interface FoldTables {
  /** Folded unit per UTF-16 unit below TABLE_SIZE: lower case, Latin diacritics dropped. */
  fold: Uint16Array;
  /** The same without lower-casing. */
  keepCase: Uint16Array;
  /** 1 where the unit is a letter, digit or combining mark (or a soft hyphen, which sits inside words). */
  word: Uint8Array;
}

export function deriveFoldTables(): FoldTables {
  const fold = new Uint16Array(TABLE_SIZE);
  const keepCase = new Uint16Array(TABLE_SIZE);
  const word = new Uint8Array(TABLE_SIZE);
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
    fold[code] = folded;
    keepCase[code] = cased;
    word[code] = WORDLIKE.test(ch) || code === SOFT_HYPHEN ? 1 : 0;
  }
  return { fold, keepCase, word };
}
