import { SHADOW_ATTACHED_EVENT } from './content/shadow-event';

/**
 * Runs in the page's own world before its scripts, and only reports: when the
 * page attaches an open shadow root to an element already in the document, no
 * MutationObserver says so, and the content script (in its isolated world)
 * would never see that root. A Proxy keeps `attachShadow` behaving and
 * printing as the native function; errors it throws reach the page unchanged.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    const proto = Element.prototype;
    proto.attachShadow = new Proxy(proto.attachShadow, {
      apply(target, host: Element, args: [ShadowRootInit]) {
        const shadow = Reflect.apply(target, host, args);
        // A host outside the document is reported by the MutationObserver when it is inserted.
        if (shadow.mode === 'open' && host.isConnected) {
          host.dispatchEvent(new CustomEvent(SHADOW_ATTACHED_EVENT, { bubbles: true, composed: true }));
        }
        return shadow;
      },
    });
  },
});
