/**
 * Chrome runs an extension's declared content scripts only in pages loaded
 * after it is installed, updated or reloaded (Firefox also runs them in the
 * tabs already open). A page read across an update would keep the previous
 * version's highlights, whose cards can no longer reach the background, and
 * its new text would go unseen. So, in Chrome, the scout is injected into
 * every frame of the open tabs; where it finds the case, the full script
 * follows, and its start retires the copy the previous version left
 * (case-lens.ts). The page-world shadow-watch is not injected: its patch
 * would come after the page's own roots were made, and an update finds the
 * previous one still there.
 */
import { browser } from 'wxt/browser';
import { PAGES } from './pages';

/** The scout's bundle (entrypoints/scout.ts). */
const SCOUT_SCRIPT = '/scout.js';
/** The pack scout's bundle (entrypoints/pack-scout.ts). */
export const PACK_SCOUT_SCRIPT = '/pack-scout.js';

/**
 * Injects a scout (by default the case's) into the open tabs' frames; returns
 * how many tabs took it. The pack scout is injected the same way when packs
 * are loaded or changed, so open tabs show a new pack's names without a reload.
 */
export async function scoutOpenTabs(
  script: typeof SCOUT_SCRIPT | typeof PACK_SCOUT_SCRIPT = SCOUT_SCRIPT,
): Promise<number> {
  const tabs = await browser.tabs.query({ url: PAGES });
  const taken = await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return false;
      try {
        await browser.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: [script] });
        return true;
      } catch {
        // A tab the browser will not script (a discarded tab, an error page): it gets the scout when reloaded.
        return false;
      }
    }),
  );
  return taken.filter(Boolean).length;
}
