import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startCaseLens } from './content/start';

/**
 * Everything Case Lens does on a page: highlights, claim check, card, page
 * summary. Not declared as a content script: the background injects it into
 * a frame whose scout (scout.ts) saw a case name, or into a tab whose popup
 * is opened, so a frame that never mentions the case never loads it.
 */
export default defineUnlistedScript(() => {
  // WXT's announcement by window.postMessage names the extension's id to every script of the
  // page (and a page that replays it can make the script tear itself down): never sent.
  const ctx = new ContentScriptContext('case-lens', { noScriptStartedPostMessage: true });
  void startCaseLens(ctx);
});
