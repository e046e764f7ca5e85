import { KEY_EVENT } from './content/shadow-event';

type CaptureStackTrace = (error: object, above: (...args: never[]) => unknown) => void;

/**
 * Runs in the page's own world before its scripts (declared in wxt.config.ts,
 * after shadow-key.ts), and only reports: when the
 * page attaches an open shadow root to an element already in the document, no
 * MutationObserver says so, and the content script (in its isolated world)
 * would never see that root.
 *
 * `attachShadow` is replaced by a Proxy of itself that behaves as the
 * browser's own in every way a page can ask: the same result and errors, the
 * same name and length, `toString()` reads as native code (through a Proxy of
 * `Function.prototype.toString` that answers for both), and an error it
 * passes on carries the stack the native call would have given, without the
 * frame of this script (which would name the extension). The native calls
 * go through a `Reflect.apply` taken before the page's scripts run.
 */
export default defineUnlistedScript({
  // No global variable for the page to find: the script runs in the page's own world.
  globalName: false,
  main() {
    const proto = Element.prototype;
    const apply = Reflect.apply;
    const nativeAttach = proto.attachShadow;
    const nativeToString = Function.prototype.toString;
    const captureStackTrace = (Error as unknown as { captureStackTrace?: CaptureStackTrace }).captureStackTrace;
    /** What each replacement prints as. */
    const originals = new WeakMap<object, object>();
    const originalOf = (value: unknown) => (typeof value === 'function' ? originals.get(value) : undefined) ?? value;
    /** Leaves this script's frames out of an error's stack (V8; elsewhere the stack stays as it is). */
    const hideFrames = (error: unknown, trap: (...args: never[]) => unknown) => {
      if (captureStackTrace && error !== null && typeof error === 'object') captureStackTrace(error, trap);
    };

    // The announcement's name, random, handed to the content scripts' world before any page script runs
    // (shadow-event.ts, shadow-key.ts): a page cannot listen for a name it never learns. The event and its
    // dispatch are the page's built-ins as they are now, before its scripts could replace them.
    const NativeEvent = Event;
    const dispatch = proto.dispatchEvent;
    const random = new Uint32Array(2);
    crypto.getRandomValues(random);
    const name = `x${random[0]!.toString(36)}${random[1]!.toString(36)}`;
    apply(dispatch, document, [new CustomEvent(KEY_EVENT, { detail: name })]);
    const announce = (host: Element) =>
      apply(dispatch, host, [new NativeEvent(name, { bubbles: true, composed: true })]);
    // Announcements are heard from document_start on (shadow-key.ts, then the scout), and once the scout
    // has begun reading (when the document is parsed) its MutationObserver finds a root given to a host
    // outside the document when the host is inserted. Such hosts given roots before the load event are kept and announced at
    // load, once, in case they were inserted before the scout began. The load listener is added only
    // then: most pages give no root to a host outside the document, and their load task stays theirs.
    const addLoadListener = window.addEventListener;
    let detached: Element[] | null = null;
    const announceDetached = () => {
      const hosts = detached ?? [];
      detached = [];
      for (const host of hosts) if (host.isConnected) announce(host);
    };
    const attachTrap: ProxyHandler<typeof nativeAttach> = {
      apply(target, host: Element, args: [ShadowRootInit]) {
        let shadow: ShadowRoot;
        try {
          shadow = apply(target, host, args);
        } catch (error) {
          hideFrames(error, attachTrap.apply!);
          throw error;
        }
        if (shadow.mode === 'open') {
          if (host.isConnected) announce(host);
          else if (document.readyState !== 'complete') {
            if (detached === null) {
              detached = [];
              apply(addLoadListener, window, ['load', announceDetached, { once: true }]);
            }
            detached[detached.length] = host;
          }
        }
        return shadow;
      },
    };
    const toStringTrap: ProxyHandler<typeof nativeToString> = {
      apply(target, self: unknown, args: []) {
        try {
          return apply(target, originalOf(self), args);
        } catch (error) {
          hideFrames(error, toStringTrap.apply!);
          throw error;
        }
      },
    };
    const watchedAttach = new Proxy(nativeAttach, attachTrap);
    const watchedToString = new Proxy(nativeToString, toStringTrap);
    originals.set(watchedAttach, nativeAttach);
    originals.set(watchedToString, nativeToString);
    // Assignments keep each property's attributes (writable, configurable, not enumerable), as they were.
    Function.prototype.toString = watchedToString;
    proto.attachShadow = watchedAttach;
  },
});
