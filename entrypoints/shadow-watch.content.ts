import { PAGES } from '@/lib/pages';
import { SHADOW_ATTACHED_EVENT } from './content/shadow-event';

/**
 * Runs in the page's own world before its scripts, and only reports: when the
 * page attaches an open shadow root to an element already in the document, no
 * MutationObserver says so, and the content script (in its isolated world)
 * would never see that root. A Proxy keeps `attachShadow` behaving and
 * printing as the native function; errors it throws reach the page unchanged.
 */
export default defineContentScript({
  matches: PAGES,
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    const proto = Element.prototype;
    const announce = (host: Element) =>
      host.dispatchEvent(new CustomEvent(SHADOW_ATTACHED_EVENT, { bubbles: true, composed: true }));
    // Hosts given open roots before the document's load event are kept and announced again then, once: the
    // scout starts when the document is parsed (document_end, always before load) and so hears that, and
    // does not have to open every element to find them. After load, a root on a host outside the document
    // is found by the scout's MutationObserver when the host is inserted.
    let earlier: Element[] | null = [];
    proto.attachShadow = new Proxy(proto.attachShadow, {
      apply(target, host: Element, args: [ShadowRootInit]) {
        const shadow = Reflect.apply(target, host, args);
        if (shadow.mode === 'open') {
          earlier?.push(host);
          if (host.isConnected) announce(host);
        }
        return shadow;
      },
    });
    window.addEventListener(
      'load',
      () => {
        const hosts = earlier ?? [];
        earlier = null;
        for (const host of hosts) if (host.isConnected) announce(host);
      },
      { once: true },
    );
  },
});
