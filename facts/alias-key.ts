import { foldString } from './matcher/fold';

/**
 * The identity of a spelling, as the matcher sees it (the matcher's folding:
 * diacritics and soft hyphens dropped, hyphens and runs of whitespace as one
 * space, curly apostrophes straight), lower case unless the alias is
 * case-sensitive. Two aliases with the same key are the same spelling.
 */
export function aliasKey(text: string, caseSensitive: boolean): string {
  return caseSensitive ? `=${foldString(text, true)}` : foldString(text);
}
