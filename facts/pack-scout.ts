import type { PackScoutWords } from './packs/page-lexicon';

/**
 * What separates words for the pack scout: white space, ASCII punctuation and
 * symbols, Latin-1's, general punctuation, and the CJK and full-width
 * punctuation. Listed rather than written as "not a letter or digit" (`\P{L}`):
 * an expression with Unicode properties is compiled in every frame that runs
 * it, which every frame pays for. The names'
 * words are split with the same expression (packs/page-lexicon.ts), so both
 * sides agree.
 */
export const WORD_SEPARATORS = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\uff01-\uff0f]+/;

/** Past this many words of text, a set of the names' first words is made; below it, the list is searched for each. */
const MAP_FROM_WORDS = 400;

/**
 * The first look a frame takes for the loaded packs' names (entrypoints/content/pack-look.ts),
 * in text the case's scout has folded (scoutFold):
 * thousands of names, where the case's scout (scout.ts) has about a hundred
 * words, which it may afford to look for one by one. Here the text is folded
 * and split into its words once, and each word is looked up among the first
 * words of the names; a name is a candidate when its other words follow it
 * in the text. Looser than the matcher (case and punctuation aside), never
 * stricter, except where markup joins two words without a space: the scouts
 * join text nodes without one, so `<li>APT28</li><li>Sofacy</li>` reads as
 * one word (most pages' markup has white space between such elements).
 *
 * Most frames hold a few words (an advertisement, a button): for them each
 * word is searched for in the list of names itself, a native string search,
 * since building a map of two thousand names, in code that runs once per
 * frame and is never optimized, cost about 2.5 ms a frame. Longer texts make
 * a set of the names' first words (given apart, so that making it is one
 * split), kept with the test, and search the list only for the words in it,
 * once per word.
 */
export function createPackScout({ words, firsts, unspaced }: PackScoutWords): (folded: string) => boolean {
  const list = `\n${words}\n`;
  const anywhere = unspaced.length > 0 ? unspaced.split('\n') : [];
  /** The names that begin with a word, as the words after it ([] for a one-word name); found in the list once per word. */
  const restsOf = new Map<string, string[][]>();
  const namesBeginningWith = (word: string): string[][] => {
    let rests = restsOf.get(word);
    if (rests) return rests;
    rests = [];
    const needle = `\n${word}`;
    for (let at = list.indexOf(needle); at >= 0; at = list.indexOf(needle, at + 1)) {
      const after = at + needle.length;
      const end = list.indexOf('\n', after);
      if (after === end) rests.push([]);
      else if (list.charCodeAt(after) === 0x20) rests.push(list.slice(after + 1, end).split(' '));
    }
    restsOf.set(word, rests);
    return rests;
  };
  /** Made at the first long text, and kept as long as this test is. */
  let firstWords: Set<string> | null = null;
  const search = (tokens: string[]): boolean => {
    if (tokens.length >= MAP_FROM_WORDS) firstWords ??= new Set(firsts.split('\n'));
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (token.length === 0 || (firstWords && !firstWords.has(token))) continue;
      for (const rest of namesBeginningWith(token)) {
        let k = 0;
        while (k < rest.length && tokens[i + 1 + k] === rest[k]) k += 1;
        if (k === rest.length) return true;
      }
    }
    return false;
  };
  return (folded) => {
    const tokens = folded.split(WORD_SEPARATORS);
    if (words.length > 0 && search(tokens)) return true;
    for (const word of anywhere) if (folded.includes(word)) return true;
    return false;
  };
}
