import type { PackScoutWords } from './packs/page-lexicon';
import { scoutFold } from './scout';

/** The same separator as `NON_WORD` in packs/page-lexicon.ts; repeated so that this file pulls in nothing more. */
const NON_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The first look a frame takes for the loaded packs' names (entrypoints/pack-scout.ts):
 * thousands of names, where the case's scout (scout.ts) has about a hundred
 * words, which it may afford to look for one by one. Here the text is folded
 * and split into its words once, and a name is a candidate when all its words
 * are among them: one pass over the text and a set lookup per word of a name,
 * whatever the number of names. Looser than the matcher (the words need not
 * stand together), never stricter, except for a name split inside a word by
 * markup (`Wanna<b>Cry</b>`), since text nodes are joined with a space here.
 */
export function createPackScout({ words, unspaced }: PackScoutWords): (text: string) => boolean {
  const names = words.length > 0 ? words.split('\n').map((line) => line.split(' ')) : [];
  const anywhere = unspaced.length > 0 ? unspaced.split('\n') : [];
  return (text) => {
    const folded = scoutFold(text);
    const present = new Set(folded.split(NON_WORD));
    for (const name of names) {
      let all = true;
      for (const word of name) {
        if (!present.has(word)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    for (const word of anywhere) if (folded.includes(word)) return true;
    return false;
  };
}
