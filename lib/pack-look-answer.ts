/**
 * The background's side of the packs' scout: a frame that has shown enough
 * text sends it, folded, and the background answers whether it holds a name
 * of a pack that is on (entrypoints/content/pack-look.ts). The test of
 * thousands of names (facts/pack-scout.ts) is made here once per change of
 * the packs and kept, where every frame would otherwise read the names from
 * storage and make it again, in code its engine never warms up: on a large
 * news page that was about 5 ms of the page's own thread. A text is tested
 * and dropped: nothing of it is kept, and nothing goes anywhere else.
 */
import { browser } from 'wxt/browser';
import { createPackScout } from '@/facts/pack-scout';
import { isPackScoutWords, PACK_SCOUT_KEY } from './pack-keys';
import type { PackLookAnswer } from './pack-look-message';

type PackTest = (folded: string) => boolean;

/** The test of the stored names, made at the first question after a start or a change; null: no pack is on. */
let test: Promise<PackTest | null> | null = null;

/** Called once the packs' names in storage have changed (lib/pack-sync.ts). */
export function forgetPackTest(): void {
  test = null;
}

async function readPackTest(): Promise<PackTest | null> {
  const words: unknown = (await browser.storage.local.get(PACK_SCOUT_KEY))[PACK_SCOUT_KEY];
  return isPackScoutWords(words) ? createPackScout(words) : null;
}

export async function answerPackLook(text: string): Promise<PackLookAnswer> {
  test ??= readPackTest();
  const reading = test;
  let current: PackTest | null;
  try {
    current = await reading;
  } catch (error) {
    // Storage could not be read: the next question tries again; this frame keeps asking.
    if (test === reading) test = null;
    console.error('Case Lens: the packs’ names could not be read:', error);
    return 'none';
  }
  if (!current) return 'off';
  return current(text) ? 'found' : 'none';
}
