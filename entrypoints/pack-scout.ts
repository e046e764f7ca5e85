import { createPackScout } from '@/facts/pack-scout';
import { RUNNING } from '@/lib/candidate-report';
import { isPackScoutWords, PACK_SCOUT_KEY } from '@/lib/pack-keys';
import { reportCandidate } from './content/report-candidate';
import { watchForCase } from './content/scout-watch';

interface Storage {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

/**
 * The scout for the fact packs a reader loaded: registered by the background
 * only while a pack is on (lib/pack-sync.ts), and run in every frame after
 * the case's scout. It reads the packs' names from `storage.local` and, when
 * the frame holds one, asks for the full script as the case's scout does.
 * Where the full script already runs, it has nothing to do: that script reads
 * the packs itself.
 */
export default defineUnlistedScript(async () => {
  if (RUNNING in globalThis) return;
  const api = ((globalThis as { browser?: Storage }).browser ?? (globalThis as { chrome?: Storage }).chrome)!;
  const stored = (await api.storage.local.get(PACK_SCOUT_KEY).catch((): Record<string, unknown> => ({})))[
    PACK_SCOUT_KEY
  ];
  if (!isPackScoutWords(stored) || RUNNING in globalThis) return;
  const scout = watchForCase(window, {
    hasCandidate: createPackScout(stored),
    onCandidate: () => reportCandidate(),
    joiner: ' ',
  });
  scout.begin();
});
