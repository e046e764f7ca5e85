import type { PackScoutWords } from './packs/page-lexicon';
import { scoutFold } from './scout';

/** The same separator as `NON_WORD` in packs/page-lexicon.ts; repeated so that this file pulls in nothing more. */
const NON_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The first look a frame takes for the loaded packs' names (entrypoints/pack-scout.ts):
 * thousands of names, where the case's scout (scout.ts) has about a hundred
 * words, which it may afford to look for one by one. Here the text is folded
 * and split into its words once, and each word is looked up among the first
 * words of the names; a name is a candidate when its other words follow it
 * in the text. One pass over the text and a lookup per word, whatever the
 * number of names. Looser than the matcher (case and punctuation aside),
 * never stricter, except for a name split inside a word by markup
 * (`Wanna<b>Cry</b>`), since text nodes are joined with a space here.
 */
export function createPackScout({ words, unspaced }: PackScoutWords): (text: string) => boolean {
  /** Each name's first word, with the rest of each name that begins with it. */
  const byFirst = new Map<string, string[][]>();
  if (words.length > 0) {
    for (const line of words.split('\n')) {
      const [first, ...rest] = line.split(' ');
      const list = byFirst.get(first!);
      if (list) list.push(rest);
      else byFirst.set(first!, [rest]);
    }
  }
  const anywhere = unspaced.length > 0 ? unspaced.split('\n') : [];
  const follows = (tokens: string[], at: number, rest: string[]): boolean => {
    for (let k = 0; k < rest.length; k += 1) if (tokens[at + 1 + k] !== rest[k]) return false;
    return true;
  };
  return (text) => {
    const folded = scoutFold(text);
    const tokens = folded.split(NON_WORD);
    for (let i = 0; i < tokens.length; i += 1) {
      const names = byFirst.get(tokens[i]!);
      if (names?.some((rest) => follows(tokens, i, rest))) return true;
    }
    for (const word of anywhere) if (folded.includes(word)) return true;
    return false;
  };
}
