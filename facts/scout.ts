/**
 * The first look every frame takes (entrypoints/scout.ts): does its text
 * hold any of the words some case name needs (scout-words.ts)? Everything
 * here is one of the browser's own string operations: a frame pays for a few
 * native calls over its text, not for building a matcher or running a
 * per-character loop in code the JIT has not warmed up.
 */

/** Combining diacritics and soft hyphens, which the matcher steps over. */
const IGNORED = /[\u0300-\u036f\u00ad]/g;
/** Curly and modifier apostrophes and primes, which the matcher reads as a straight one. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032]/g;
/**
 * Runs of white space, no-break spaces, hyphens and dashes, which are one
 * separator to the matcher: every run becomes one space. Written so that a
 * single space, by far the most common separator, is not matched at all
 * (replacing it by itself once per word cost more than the rest of the
 * folding): runs of two or more, and single separators other than a space.
 */
const SEPARATORS = /[\s\u2010-\u2015-]{2,}|[^\S ]|[\u2010-\u2015-]/g;
/**
 * Two or more spaces: once separators are collapsed, the only separators
 * left side by side are those a dropped soft hyphen or mark stood between.
 * Replacing every single space again cost more than all the rest of the
 * folding on a news front page (one replacement per word).
 */
const DOUBLED = / {2,}/g;

/**
 * Page text folded as the matcher folds it (facts/matcher/fold.ts), or
 * looser: lower case, diacritics dropped after canonical decomposition (which
 * also splits Hangul syllables, in the words as in the text), apostrophes
 * straightened, separators collapsed. Separators are collapsed first because
 * pages' text is often mostly indentation (a news front page: 201K
 * characters, 19K after collapsing), and doubled ones again last, because a
 * dropped soft hyphen can leave two of them side by side.
 */
export function scoutFold(text: string): string {
  return text
    .replace(SEPARATORS, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(IGNORED, '')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLED, ' ');
}

/**
 * Until a frame has shown the scout this much folded text, it is searched
 * word by word with `includes`; past it, with one regular expression of all
 * the words. The expression searches a long text faster (19K folded
 * characters: 0.7 ms against 1.7), but the engine keeps its compiled code for
 * as long as the frame lives, about a tenth of a megabyte of heap: only
 * frames with a great deal of text pay for it.
 */
const WORD_BY_WORD_TEXT = 65_536;

/**
 * A test of whether a text holds any of `words` (already folded, one per
 * line: scout-words.ts). Words are found anywhere, not only between word
 * bounds: text nodes are joined without a separator, which must never hide
 * a name. `alsoTest`, when given, is asked about the same folded text when
 * none of the words is there (the packs' names, entrypoints/content/pack-look.ts),
 * so that the text is folded once for both.
 */
export function createScout(wordList: string, alsoTest?: (folded: string) => boolean): (text: string) => boolean {
  const words = wordList.split('\n');
  let expression: RegExp | null = null;
  let seen = 0;
  return (text) => {
    const folded = scoutFold(text);
    seen += folded.length;
    if (seen < WORD_BY_WORD_TEXT) {
      for (const word of words) if (folded.includes(word)) return true;
    } else {
      expression ??= new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
      if (expression.test(folded)) return true;
    }
    return alsoTest?.(folded) ?? false;
  };
}
