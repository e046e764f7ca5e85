/**
 * How the page-world patch (shadow-watch.ts) tells the content scripts that
 * the page attached an open shadow root, without a name a page could listen
 * for: at document_start, before any page script runs, the patch makes a
 * random event name and hands it over with one CustomEvent of a fixed name
 * (KEY_EVENT) that only the listener of shadow-key.ts hears, since it is the
 * only listener there is at that moment (shadow-key.ts is declared, so it
 * starts before the registered patch). From then on each attached root is
 * announced on its host with an Event of the random name. Until the scout
 * starts (document_end), shadow-key.ts keeps the hosts announced meanwhile
 * (`listenEarly`), and the scout takes them over.
 *
 * Nothing is written to the page for this: where Case Lens is off the patch
 * is not registered, and the listener waits unheard.
 */
export const KEY_EVENT = 'case-lens-key';

/** Where the name is kept, in the content scripts' own (isolated) global object, for the scout and the full script. */
const HELD = '__caseLensShadowEvent';
/** Where the hosts announced before the scout started are kept, with the listener that keeps them. */
const EARLY = '__caseLensEarlyHosts';

interface Early {
  hosts: Element[];
  /** Takes the name (until it comes), then keeps the hosts announced under it. */
  take: (event: Event) => void;
  keep: (event: Event) => void;
}

/**
 * Listens for the patch's handover and keeps the name, then keeps the hosts
 * announced until the scout takes them over (`takeEarlyHosts`). The handover
 * listener goes as soon as it has the name: before any page script could
 * dispatch an event of that fixed name. Where the patch is not registered
 * (Case Lens switched off), it goes when the scout starts.
 */
export function listenEarly(doc: Document): void {
  const global = globalThis as Record<string, unknown>;
  const early: Early = {
    hosts: [],
    take: (event) => {
      const name = (event as CustomEvent<unknown>).detail;
      if (typeof name !== 'string') return;
      doc.removeEventListener(KEY_EVENT, early.take, true);
      global[HELD] = name;
      doc.addEventListener(name, early.keep, true);
    },
    keep: (announced) => {
      const host = announced.composedPath()[0];
      if (host instanceof Element) early.hosts.push(host);
    },
  };
  doc.addEventListener(KEY_EVENT, early.take, true);
  global[EARLY] = early;
}

/** The name the page-world patch announces attached shadow roots with in this frame; null when none was offered. */
export function shadowEventName(): string | null {
  const name = (globalThis as Record<string, unknown>)[HELD];
  return typeof name === 'string' ? name : null;
}

/** The hosts announced before now; the listeners that kept them go. */
export function takeEarlyHosts(doc: Document): Element[] {
  const global = globalThis as Record<string, unknown>;
  const early = global[EARLY] as Early | undefined;
  if (!early) return [];
  delete global[EARLY];
  doc.removeEventListener(KEY_EVENT, early.take, true);
  const name = shadowEventName();
  if (name) doc.removeEventListener(name, early.keep, true);
  return early.hosts;
}
