import { browser } from 'wxt/browser';
import { bundledEntities } from '@/facts/bundled';
import { buildEntityView } from '@/facts/view';
import type { BackgroundRequest } from '@/lib/messages';

/**
 * Holds the full fact store for the content scripts, which carry only the
 * names they match, and keeps the toolbar badge at the number of case
 * entities found on each tab.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = message as BackgroundRequest;
    if (request?.type === 'get-entity') {
      return Promise.resolve(buildEntityView(bundledEntities, request.id, request.aliasIndex, request.claimIndex));
    }
    if (request?.type === 'page-count') {
      const tabId = sender.tab?.id;
      // Only the top frame speaks for the tab; frames would overwrite each other.
      if (tabId !== undefined && sender.frameId === 0) {
        const text = request.count > 0 ? String(request.count) : '';
        void browser.action.setBadgeText({ tabId, text });
        void browser.action.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
      }
      return Promise.resolve(null);
    }
    return undefined;
  });
});
