import type { PackScoutWords } from './packs/page-lexicon';

/**
 * What separates words for the pack scout: white space, ASCII punctuation and
 * symbols, Latin-1's, general punctuation, and the CJK and full-width
 * punctuation. The names' words are split with the same expression
 * (packs/page-lexicon.ts) as the text, so both sides agree.
 */
export const WORD_SEPARATORS = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\uff01-\uff0f]+/;

/**
 * The test of whether a frame's text, folded by the case's scout
 * (scoutFold), holds a loaded pack's name. It runs in the background
 * (lib/pack-look-answer.ts), made once per change of the packs and kept,
 * for the frames that ask. Thousands of names, where the case's scout has
 * about a hundred words it may look for one by one: here a map of the
 * names' first words is made once, the text is split into its words, each
 * word is looked up, and a name is a candidate when its other words follow
 * it. Looser than the matcher (case and punctuation aside), never stricter,
 * except where markup joins two words without a space: the scouts join text
 * nodes without one, so `<li>APT28</li><li>Sofacy</li>` reads as one word
 * (most pages' markup has white space between such elements). Names in
 * scripts written without spaces are looked for anywhere in the text.
 */
export function createPackScout({ words, unspaced }: PackScoutWords): (folded: string) => boolean {
  /** Each first word's names, as the words after it ([] for a one-word name). */
  const restsOf = new Map<string, string[][]>();
  for (const name of words.split('\n')) {
    const [first, ...rest] = name.split(' ');
    if (!first) continue;
    const rests = restsOf.get(first);
    if (rests) rests.push(rest);
    else restsOf.set(first, [rest]);
  }
  const anywhere = unspaced.split('\n').filter((word) => word.length > 0);
  return (folded) => {
    const tokens = folded.split(WORD_SEPARATORS);
    for (let i = 0; i < tokens.length; i += 1) {
      const rests = restsOf.get(tokens[i]!);
      if (!rests) continue;
      for (const rest of rests) {
        let k = 0;
        while (k < rest.length && tokens[i + 1 + k] === rest[k]) k += 1;
        if (k === rest.length) return true;
      }
    }
    for (const word of anywhere) if (folded.includes(word)) return true;
    return false;
  };
}
