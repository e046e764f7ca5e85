import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT retires an older copy of a content script when a newer one dispatches a
 * `<extension id>:content:wxt:content-script-started` event on the document.
 * A page can dispatch that event too (the id of a store extension is public),
 * and would switch Case Lens off on itself. The event is stopped at the window,
 * before it reaches the document where WXT listens: no page can send it.
 */
export function guardAgainstForgedAnnouncements(ctx: ContentScriptContext): void {
  const type = `${browser.runtime.id}:content:wxt:content-script-started`;
  ctx.addEventListener(
    window,
    type,
    (event) => {
      // An instance the extension left behind (updated or reloaded) lets its successor's start through,
      // and reading isInvalid retires it there and then.
      if (!ctx.isInvalid) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
