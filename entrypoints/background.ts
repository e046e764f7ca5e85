import { browser } from 'wxt/browser';
import { bundledEntities } from '@/facts/bundled';
import caseManifest from '@/facts/case-pack.json';
import { createCardCatalogue } from '@/facts/packs/card-catalogue';
import { casePack } from '@/facts/packs/schema';
import { isCandidateReport, startCaseLensIn } from '@/lib/case-lens-start';
import { relayCommand } from '@/lib/commands';
import { scoutOpenTabs } from '@/lib/open-tabs';
import { backgroundMessages } from '@/lib/messages';
import { enabledPacks, watchPacks } from '@/lib/pack-library';
import { answerPackLook } from '@/lib/pack-look-answer';
import { isPackLookQuestion } from '@/lib/pack-look-message';
import { syncPackLexicon } from '@/lib/pack-sync';
import { syncPagePatch } from '@/lib/page-world';
import { loadSettings, watchSettings } from '@/lib/settings';

/** The badge says how many distinct case entities a tab names; nothing for none. */
function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/**
 * Starts Case Lens in a frame whose scout saw the case, holds the full fact
 * store and the loaded packs for the page side, which carries only the names it matches, keeps the toolbar badge at the number of case entities
 * found on each tab, and passes keyboard commands to the active tab.
 */
export default defineBackground(() => {
  // The page-world patch runs only where Case Lens is on (lib/page-world.ts): registered to match the
  // settings each time the background starts (an update may have left another registration, or none)
  // and on every change.
  void loadSettings().then(syncPagePatch);
  // Pages only read the settings; a stored value that needs a repair (corrupt, from another version) is
  // repaired here, once, as soon as it is stored.
  watchSettings((settings) => {
    void syncPagePatch(settings);
    void loadSettings();
  });

  // Migrates (and if need be repairs) stored settings once per update, before any page asks.
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings();
    // Firefox runs the declared content scripts in open tabs itself.
    if (!import.meta.env.FIREFOX) void scoutOpenTabs();
  });

  // Not through the typed messaging: the scout, which runs in every frame, sends these two messages
  // with the browser's own API so that it carries no messaging library.
  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return undefined;
    // A scout asks whether its frame's text holds a loaded pack's name; the answer comes back to it.
    if (isPackLookQuestion(message)) return answerPackLook(message.text);
    if (isCandidateReport(message)) void startCaseLensIn(tabId, sender.frameId);
    return undefined;
  });

  browser.commands.onCommand.addListener((command, tab) => void relayCommand(command, tab));

  // The cards' catalogue: the case and the packs that are on, read again after every change to the packs.
  const caseAsPack = casePack(caseManifest, bundledEntities);
  const loadCatalogue = async () => {
    const packs = await enabledPacks().catch((error: unknown) => {
      console.error('Case Lens: the loaded fact packs could not be read:', error);
      return [];
    });
    return createCardCatalogue(bundledEntities, caseAsPack, packs);
  };
  let catalogue = loadCatalogue();
  // Pages get the packs' names (lib/pack-sync.ts): checked each time the background starts, and after
  // every change, when open tabs are scouted for the new names too.
  void syncPackLexicon(false);
  watchPacks(() => {
    catalogue = loadCatalogue();
    void syncPackLexicon(true);
  });

  backgroundMessages.onMessage('getEntity', async ({ data }) => (await catalogue).view(data));

  backgroundMessages.onMessage('reportPageCount', ({ data: count, sender }) => {
    const tabId = sender.tab?.id;
    // Only the top frame speaks for the tab; frames would overwrite each other.
    if (tabId === undefined || sender.frameId !== 0) return;
    void browser.action.setBadgeText({ tabId, text: badgeText(count) });
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
  });
});
