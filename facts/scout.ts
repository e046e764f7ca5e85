import type { LexiconEntity } from './lexicon';
import { compileMatcher } from './matcher/compile';
import { foldString } from './matcher/fold';

/**
 * The first look every frame takes: does its text contain words that some
 * case name needs? Two neighbouring words per alias (its rarest pair),
 * matched as whole words with the matcher's own folding, so wherever the
 * full matcher would find an alias the scout finds its pair: the scout can
 * only err towards looking closer. Its words are chosen when the extension is built (see
 * scripts/scout-words-plugin.ts); a frame builds a trie of a few hundred
 * short words instead of the full lexicon.
 */

const SHORTEST_TELLING_WORD = 3;
/** A frequency list has no numbers, but years and short numbers are in most news text. */
const COMMON_NUMBER = /^(?:\d{1,3}|1[89]\d\d|20\d\d)$/;

/** Short words ("of", "il") and common numbers say little on their own. */
function isTelling(word: string): boolean {
  return word.length >= SHORTEST_TELLING_WORD && !COMMON_NUMBER.test(word);
}

/**
 * What the scout looks for to find an alias: of its folded words, the two
 * telling neighbours least likely together in everyday text, with any short
 * words between them ("sony pictures", not "sony", which a page about cameras
 * names; "guardians of peace", not "guardians of"); the whole alias when it
 * has fewer than two telling words.
 */
export function anchorOf(alias: string, count: (word: string) => number): string | null {
  const words = foldString(alias).split(' ').filter(Boolean);
  const telling = words.flatMap((word, i) => (isTelling(word) ? [i] : []));
  if (telling.length < 2) return words.length > 0 ? words.join(' ') : null;
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let k = 0; k + 1 < telling.length; k += 1) {
    const [from, to] = [telling[k]!, telling[k + 1]!];
    const score = (count(words[from]!) + 1) * (count(words[to]!) + 1);
    if (score < bestScore) {
      best = words.slice(from, to + 1).join(' ');
      bestScore = score;
    }
  }
  return best;
}

/**
 * The distinct anchors of the aliases of `entities`, sorted. An alias that
 * needs context is left out: it is shown only on a page that also names two
 * case entities unambiguously, whose anchors bring the page in.
 */
export function scoutWords(entities: readonly LexiconEntity[], count: (word: string) => number): string[] {
  const words = new Set<string>();
  for (const entity of entities)
    for (const alias of entity.aliases) {
      if (alias.needsContext) continue;
      const anchor = anchorOf(alias.text, count);
      if (anchor) words.add(anchor);
    }
  return [...words].sort();
}

/** A test of whether a text holds any of `words` as whole words (as the matcher folds and bounds them). */
export function createScout(words: readonly string[]): (text: string) => boolean {
  const matcher = compileMatcher(words.map((text) => ({ text, entry: true })));
  return (text) => matcher.findAll(text).length > 0;
}
