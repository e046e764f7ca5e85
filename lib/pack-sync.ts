/**
 * The background's side of the loaded packs for pages: whenever they change
 * (and when the background starts), it writes what the page side needs to
 * `storage.local` (the matcher's lexicon, and apart the words of its own test
 * of frames' text, lib/pack-look-answer.ts), registers packs-on.ts in every frame while a pack is on (the case's
 * scout then looks for the packs' names too), and sends the packs' own scout
 * into the tabs already open, whose scouts started without them. Full scripts already running hear the change through
 * `storage.onChanged` and compile again (lib/pack-lexicon-read.ts).
 */
import { browser } from 'wxt/browser';
import { buildPageLexicon } from '@/facts/packs/page-lexicon';
import { PACK_SCOUT_SCRIPT, scoutOpenTabs } from './open-tabs';
import { PACK_LEXICON_KEY, PACK_SCOUT_KEY } from './pack-keys';
import { forgetPackTest } from './pack-look-answer';
import { enabledPacks, PACKS_REVISION_KEY } from './pack-library';
import { PAGES } from './pages';

/** The registration of packs-on.ts, which tells every frame's scout to look for the packs' names too. */
export const PACKS_ON_ID = 'case-lens-packs-on';

/** Calls run one after another: two quick changes must not interleave their writes. */
let syncing: Promise<void> = Promise.resolve();

/**
 * Makes the page side match the packs that are on. `toOpenTabs`: also send
 * the pack scout into open tabs (after a change; not when the background
 * merely starts again, which would scout every tab each time).
 */
export function syncPackLexicon(toOpenTabs: boolean): Promise<void> {
  syncing = syncing
    .then(async () => {
      const packs = await enabledPacks();
      const registered = await browser.scripting.getRegisteredContentScripts({ ids: [PACKS_ON_ID] });
      if (packs.length === 0) {
        await browser.storage.local.remove([PACK_LEXICON_KEY, PACK_SCOUT_KEY]);
        forgetPackTest();
        if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [PACKS_ON_ID] });
        return;
      }
      // The options page writes a new revision with every change; a lexicon made for it is up to date.
      const got = await browser.storage.local.get([PACK_LEXICON_KEY, PACKS_REVISION_KEY]);
      const revision = String(got[PACKS_REVISION_KEY] ?? '');
      if ((got[PACK_LEXICON_KEY] as { revision?: unknown } | undefined)?.revision !== revision) {
        const { lexicon, scout } = buildPageLexicon(packs, revision);
        await browser.storage.local.set({ [PACK_LEXICON_KEY]: lexicon, [PACK_SCOUT_KEY]: scout });
        forgetPackTest();
      }
      if (registered.length === 0) {
        await browser.scripting.registerContentScripts([
          {
            id: PACKS_ON_ID,
            js: ['packs-on.js'],
            matches: PAGES,
            allFrames: true,
            matchOriginAsFallback: true,
            runAt: 'document_start',
            persistAcrossSessions: true,
          },
        ]);
      }
      if (toOpenTabs) await scoutOpenTabs(PACK_SCOUT_SCRIPT);
    })
    .catch((error: unknown) => {
      console.error('Case Lens: the loaded fact packs could not be given to pages:', error);
    });
  return syncing;
}
