/**
 * The loaded packs' lexicon as the full script reads it (written by the
 * background, lib/pack-sync.ts). A value of the wrong shape (damaged, or
 * from another version) reads as no packs: the case goes on alone.
 */
import { browser } from 'wxt/browser';
import { isPageLexicon, type PageLexicon } from '@/facts/packs/page-lexicon';
import { PACK_LEXICON_KEY } from './pack-keys';

export async function readPackLexicon(): Promise<PageLexicon | null> {
  try {
    const value = (await browser.storage.local.get(PACK_LEXICON_KEY))[PACK_LEXICON_KEY];
    return isPageLexicon(value) ? value : null;
  } catch {
    return null;
  }
}

/** Calls back with the new lexicon (null: no pack on) each time another is stored; returns the unwatch. */
export function watchPackLexicon(callback: (lexicon: PageLexicon | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[PACK_LEXICON_KEY] : undefined;
    if (!change) return;
    callback(isPageLexicon(change.newValue) ? change.newValue : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
