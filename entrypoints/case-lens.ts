import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RUNNING } from '@/lib/candidate-report';
import { startCaseLens } from './content/start';

type World = typeof globalThis & { [RUNNING]?: ContentScriptContext };

/**
 * Everything Case Lens does on a page: highlights, claim check, card, page
 * summary. Not declared as a content script: the background injects it into
 * a frame whose scout (scout.ts) saw a case name, or into a tab whose popup
 * is opened, so a frame that never mentions the case never loads it.
 * Injected twice into one frame (the scout and the popup at once), the second
 * copy leaves the frame to the first; a copy left behind by an update or
 * reload of the extension is retired.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as World;
  const running = world[RUNNING];
  if (running && !running.isInvalid) return;
  // WXT's announcement by window.postMessage names the extension's id to every script of the
  // page (and a page that replays it can make the script tear itself down): never sent.
  const ctx = new ContentScriptContext('case-lens', { noScriptStartedPostMessage: true });
  world[RUNNING] = ctx;
  void startCaseLens(ctx);
});
