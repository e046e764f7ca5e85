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
 * the case's scout. When the frame holds one of the packs' names, it asks for
 * the full script as the case's scout does; where the full script already
 * runs, it has nothing to do (that script reads the packs itself).
 *
 * It keeps nothing between two looks: the walk hands it the frame's text,
 * and each batch is tested against the names read afresh from `storage.local`
 * and then dropped. Thousands of names held in every frame for its lifetime,
 * as a map of first words, were a quarter of a megabyte of heap per frame.
 */
export default defineUnlistedScript(() => {
  if (RUNNING in globalThis) return;
  const api = ((globalThis as { browser?: Storage }).browser ?? (globalThis as { chrome?: Storage }).chrome)!;
  let texts: string[] = [];
  let testing = false;
  const test = async (): Promise<void> => {
    if (testing) return;
    testing = true;
    while (texts.length > 0) {
      const batch = texts.join(' ');
      texts = [];
      const words = (await api.storage.local.get(PACK_SCOUT_KEY).catch((): Record<string, unknown> => ({})))[
        PACK_SCOUT_KEY
      ];
      // No pack on any more, or the full script started meanwhile: nothing left to look for.
      if (!isPackScoutWords(words) || RUNNING in globalThis) {
        watch.stop();
        break;
      }
      if (createPackScout(words)(batch)) {
        watch.stop();
        reportCandidate();
        break;
      }
    }
    texts = [];
    testing = false;
  };
  const watch = watchForCase(window, {
    hasCandidate: (text) => {
      texts.push(text);
      void test();
      return false;
    },
    onCandidate: () => undefined,
    joiner: ' ',
  });
  watch.begin();
});
