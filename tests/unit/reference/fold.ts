// The matcher's folding written the plain way, one regular expression per
// rule, as the oracle for the production tables (facts/matcher/fold.ts).

const SEPARATOR = /[\s\u00a0\u2010-\u2015\u3000\ufeff-]/u;
const APOSTROPHE = /['\u2018\u2019\u02bc\u2032]/u;
const WORDLIKE = /[\p{L}\p{N}\p{M}\u00ad]/u;

/** A unit as the matcher compares it: a space for any separator, a straight apostrophe, a lower-case base letter. */
export function referenceFoldUnit(code: number): number {
  const ch = String.fromCharCode(code);
  if (SEPARATOR.test(ch)) return 0x20;
  if (APOSTROPHE.test(ch)) return 0x27;
  if (code >= 0x3100) return code;
  const lower = (ch.normalize('NFD')[0] ?? ch).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

export function referenceIsWord(code: number): boolean {
  return (code >= 0xd800 && code <= 0xdfff) || WORDLIKE.test(String.fromCharCode(code));
}

/** Combining diacritics and soft hyphens: stepped over inside a name. */
export function referenceIsIgnorable(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || code === 0xad;
}

/** A whole spelling folded the same way: the identity of an alias (case kept when it is case-sensitive). */
export function referenceAliasKey(text: string, caseSensitive: boolean): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\s\u00a0\u2010-\u2015\u3000\ufeff-]+/g, ' ')
    .trim()
    .normalize('NFC');
  return caseSensitive ? `=${folded}` : folded.toLowerCase();
}
