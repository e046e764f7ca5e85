import type { PackScoutWords } from '@/facts/packs/page-lexicon';

/**
 * Where the background keeps the loaded packs for the page side, in
 * `storage.local` (lib/pack-sync.ts): the matcher's lexicon, which full
 * scripts read, and apart from it the pack scout's words, which the
 * background's own test of frames' text is made from after each start
 * (lib/pack-look-answer.ts) and which must not carry the rest.
 */
export const PACK_LEXICON_KEY = 'packLexicon';
export const PACK_SCOUT_KEY = 'packScout';

export function isPackScoutWords(value: unknown): value is PackScoutWords {
  const v = value as Partial<PackScoutWords> | null;
  return typeof v === 'object' && v !== null && typeof v.words === 'string' && typeof v.unspaced === 'string';
}

/** Set in a frame's content-script world by packs-on.ts while a pack is on: the scout looks for the packs' names too. */
export const PACKS_ON = Symbol.for('case-lens.packs-on');
