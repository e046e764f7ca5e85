import type { LexiconEntity } from './lexicon';
import { scoutFold } from './scout';
import { foldString } from './matcher/fold';

/**
 * What the scout (scout.ts) looks for, chosen when the extension is built
 * (scripts/scout-words-plugin.ts): for each alias, two neighbouring words
 * (its rarest pair). Wherever the full matcher finds an alias, its folded
 * text holds that pair, so the scout can only err towards looking closer.
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

/**
 * `words` folded as the scout folds page text, one per line (what
 * createScout takes), without repeats and without any word that holds
 * another: the scout finds words anywhere in a text, so wherever "wannacry
 * attack" is, "wannacry" is too. Every frame searches its text once per word.
 */
export function scoutWordList(words: readonly string[]): string {
  const folded = [...new Set(words.map(scoutFold))];
  return folded
    .filter((word) => !folded.some((other) => other !== word && word.includes(other)))
    .sort()
    .join('\n');
}
