import { PACKS_ON } from '@/lib/pack-keys';

/**
 * Registered by the background only while a fact pack is on (lib/pack-sync.ts),
 * at document_start in every frame: it tells the case's scout, which starts
 * later in the same world (scout.ts), to look for the packs' names too. One
 * walk of the frame then serves both, where a second scout of its own cost
 * every frame about as much again.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[PACKS_ON] = true;
});
