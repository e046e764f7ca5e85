/**
 * How the page-world patch (shadow-watch.ts) tells the content scripts that
 * the page attached an open shadow root, without a name a page could listen
 * for: at document_start, before any page script runs, the patch makes a
 * random event name and hands it over with one CustomEvent of a fixed name
 * (KEY_EVENT) that only the scout's listener hears (takeShadowEventName,
 * called by scout.ts, declared just before the patch), since it is the only
 * listener there is at that moment. From then on each attached root is
 * announced on its host with an Event of the random name.
 */
export const KEY_EVENT = 'case-lens-key';

/** Where the name is kept, in the content scripts' own (isolated) global object, for the scout and the full script. */
const HELD = '__caseLensShadowEvent';

/**
 * Listens for the patch's handover and keeps the name. The listener goes as
 * soon as it has the name: before any page script could dispatch an event
 * of that fixed name.
 */
export function takeShadowEventName(doc: Document): void {
  const take = (event: Event) => {
    const name = (event as CustomEvent<unknown>).detail;
    if (typeof name !== 'string') return;
    doc.removeEventListener(KEY_EVENT, take, true);
    (globalThis as Record<string, unknown>)[HELD] = name;
  };
  doc.addEventListener(KEY_EVENT, take, true);
}

/** The name the page-world patch announces attached shadow roots with in this frame; null when none was handed over. */
export function shadowEventName(): string | null {
  const name = (globalThis as Record<string, unknown>)[HELD];
  return typeof name === 'string' ? name : null;
}
