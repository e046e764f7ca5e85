/**
 * The identity of a spelling, as the matcher sees it: diacritics and soft hyphens dropped,
 * hyphens and runs of whitespace as one space, curly apostrophes straight,
 * and lower case unless the alias is case-sensitive. Two aliases with the same
 * key are the same spelling.
 */
export function aliasKey(text: string, caseSensitive: boolean): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\s\u00a0\u2010-\u2015-]+/g, ' ')
    .trim()
    .normalize('NFC');
  return caseSensitive ? `=${folded}` : folded.toLowerCase();
}
