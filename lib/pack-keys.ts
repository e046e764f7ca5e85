import type { PackScoutWords } from '@/facts/packs/page-lexicon';

/**
 * Where the background keeps the loaded packs for the page side, in
 * `storage.local` (lib/pack-sync.ts): the matcher's lexicon for the full
 * script, and apart from it the words for the pack scout, which every frame
 * reads while a pack is on and which must not carry the rest.
 */
export const PACK_LEXICON_KEY = 'packLexicon';
export const PACK_SCOUT_KEY = 'packScout';

export function isPackScoutWords(value: unknown): value is PackScoutWords {
  const v = value as Partial<PackScoutWords> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.words === 'string' &&
    typeof v.firsts === 'string' &&
    typeof v.unspaced === 'string'
  );
}

/** Set in a frame's content-script world by packs-on.ts while a pack is on: the scout looks for the packs' names too. */
export const PACKS_ON = Symbol.for('case-lens.packs-on');
