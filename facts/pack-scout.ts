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

/** Past this many words of text, a map of the names' first words is made; below it, the list is searched. */
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
 * the map once, kept with the test.
 */
export function createPackScout({ words, unspaced }: PackScoutWords): (folded: string) => boolean {
  const list = `\n${words}\n`;
  const anywhere = unspaced.length > 0 ? unspaced.split('\n') : [];
  /** Whether the name on the line at `at` (its words after the first) follows word `i` of `tokens`. */
  const lineFollows = (tokens: string[], i: number, at: number, firstLength: number): boolean => {
    const end = list.indexOf('\n', at + 1);
    const afterFirst = at + 1 + firstLength;
    if (afterFirst === end) return true;
    if (list.charCodeAt(afterFirst) !== 0x20) return false;
    const rest = list.slice(afterFirst + 1, end).split(' ');
    for (let k = 0; k < rest.length; k += 1) if (tokens[i + 1 + k] !== rest[k]) return false;
    return true;
  };
  const searchList = (tokens: string[]): boolean => {
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (token.length === 0) continue;
      const needle = `\n${token}`;
      for (let at = list.indexOf(needle); at >= 0; at = list.indexOf(needle, at + 1)) {
        if (lineFollows(tokens, i, at, token.length)) return true;
      }
    }
    return false;
  };
  /** Made at the first long text, and kept as long as this test is. */
  let byFirst: Map<string, string[][]> | null = null;
  const searchMap = (tokens: string[]): boolean => {
    if (!byFirst) {
      byFirst = new Map();
      for (const line of words.split('\n')) {
        const [first, ...rest] = line.split(' ');
        const names = byFirst.get(first!);
        if (names) names.push(rest);
        else byFirst.set(first!, [rest]);
      }
    }
    for (let i = 0; i < tokens.length; i += 1) {
      const names = byFirst.get(tokens[i]!);
      if (names?.some((rest) => rest.every((word, k) => tokens[i + 1 + k] === word))) return true;
    }
    return false;
  };
  return (folded) => {
    const tokens = folded.split(WORD_SEPARATORS);
    if (words.length > 0 && (tokens.length < MAP_FROM_WORDS ? searchList(tokens) : searchMap(tokens))) return true;
    for (const word of anywhere) if (folded.includes(word)) return true;
    return false;
  };
}
