import { createPackScout } from '@/facts/pack-scout';
import { RUNNING } from '@/lib/candidate-report';
import { isPackScoutWords, PACK_SCOUT_KEY } from '@/lib/pack-keys';

interface Storage {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

/**
 * How much text a frame must have shown before the packs' names are looked
 * for in it. Every frame that looks pays for a read of the extension's
 * storage, about 0.9 ms (the bench's page of twenty small frames: 2.1 ms per
 * document with every frame looking, 1.3 with none, against a budget of 1.5),
 * and most of the frames a page embeds are widgets, buttons and
 * advertisements of a line or two. An article, a post or a report passes
 * this at once; the case's own names are looked for everywhere.
 */
export const PACK_LOOK_FROM_CHARS = 500;

/** How long the names read for one look are kept for the next, while the page is being read. */
const KEEP_MS = 1000;

/**
 * A scout's test for the loaded packs' names (facts/pack-scout.ts): it takes
 * the frame's text as the walk of scout-watch.ts reads it, folded
 * (scoutFold), and answers later. It keeps the names only while the page is
 * being read: they are read from `storage.local` for a look and dropped a
 * second after the last one. Holding thousands of names in every frame for
 * its lifetime, as a map of first words, was a quarter of a megabyte of heap
 * per frame. `found` is called
 * once, when a batch holds a name; `gone`, when no pack is on any more or
 * the full script has started meanwhile.
 */
export function lookForPacks(found: () => void, gone: () => void): (folded: string) => false {
  const api = ((globalThis as { browser?: Storage }).browser ?? (globalThis as { chrome?: Storage }).chrome)!;
  let texts: string[] = [];
  /** Text shown so far; nothing is read from storage before PACK_LOOK_FROM_CHARS. */
  let shown = 0;
  let testing = false;
  let done = false;
  /**
   * The test made from the names last read, kept while the walk goes on (a
   * large page is read in several slices, each handing over its text) and
   * dropped once it has been idle for KEEP_MS.
   */
  let kept: ((folded: string) => boolean) | null = null;
  let dropTimer: ReturnType<typeof setTimeout> | undefined;
  const test = async (): Promise<void> => {
    if (testing) return;
    testing = true;
    if (!kept) {
      const words = (await api.storage.local.get(PACK_SCOUT_KEY).catch((): Record<string, unknown> => ({})))[
        PACK_SCOUT_KEY
      ];
      if (!isPackScoutWords(words) || RUNNING in globalThis) {
        done = true;
        gone();
      } else kept = createPackScout(words);
    }
    while (kept && texts.length > 0 && !done) {
      const batch = texts.join(' ');
      texts = [];
      if (kept(batch)) {
        done = true;
        found();
      }
    }
    texts = [];
    if (done) kept = null;
    clearTimeout(dropTimer);
    dropTimer = setTimeout(() => {
      kept = null;
    }, KEEP_MS);
    testing = false;
  };
  return (text) => {
    if (!done) {
      texts.push(text);
      shown += text.length;
      if (shown >= PACK_LOOK_FROM_CHARS) void test();
    }
    return false;
  };
}
