/**
 * How the main-world script (shadow-watch.content.ts) tells the extension's
 * own world that the page attached an open shadow root, without a channel a
 * page could hear, forge or use to learn that Case Lens is installed.
 *
 * The main-world script picks a random event name in every document and
 * dispatches its reports under that name only. It hands the name over once,
 * while the document starts and no script of the page has run yet: it offers
 * the name in a cancelable event, and the scout (which starts then too, in
 * the extension's world) takes it by cancelling that event. Whichever of the
 * two starts first, the other completes the exchange: a scout that starts
 * first asks for the offer, and a main-world script whose first offer nobody
 * took answers that one request, once. After that, neither listens for
 * anything a page could send. The full script, started later in the same
 * world, reads the name from that world's global, which pages cannot see.
 *
 * Kept apart so the scripts that run in every frame carry only this.
 */

/** The offer of the name (its `detail`), taken by cancelling it. */
export const SHADOW_OFFER_EVENT = 'case-lens-shadow-offer';
/** A scout that started before the main-world script asks for the offer. */
export const SHADOW_REQUEST_EVENT = 'case-lens-shadow-request';

/** Where the extension's world keeps the name, for the full script. */
const CHANNEL = Symbol.for('case-lens.shadow-channel');

type World = typeof globalThis & { [CHANNEL]?: string };

/**
 * In the extension's world, while the document starts: takes the name the
 * main-world script offers and calls `heard` with it (at once, or when that
 * script starts). Returns a function that stops waiting for it: once the
 * page's scripts run, an offer could only be the page's.
 */
export function joinShadowChannel(doc: Document, heard: (name: string) => void): () => void {
  const leave = () => doc.removeEventListener(SHADOW_OFFER_EVENT, take);
  const take = (event: Event) => {
    const name = (event as CustomEvent<unknown>).detail;
    if (typeof name !== 'string' || (globalThis as World)[CHANNEL] !== undefined) return;
    event.preventDefault();
    leave();
    (globalThis as World)[CHANNEL] = name;
    heard(name);
  };
  doc.addEventListener(SHADOW_OFFER_EVENT, take);
  doc.dispatchEvent(new Event(SHADOW_REQUEST_EVENT));
  return leave;
}

/** The name this frame's reports come under; undefined when no main-world script offered one. */
export function shadowChannelName(): string | undefined {
  return (globalThis as World)[CHANNEL];
}
