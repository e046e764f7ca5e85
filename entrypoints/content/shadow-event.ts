/**
 * How the page-world patch (shadow-watch.ts) tells the content scripts that
 * the page attached an open shadow root, without a name a page could listen
 * for: at document_start, before any page script runs, the patch makes a
 * random event name and hands it over with one CustomEvent of a fixed name
 * (KEY_EVENT) that only the listener of shadow-key.ts hears, since it is the
 * only listener there is at that moment. From then on each attached root is
 * announced on its host with an Event of the random name.
 */
export const KEY_EVENT = 'case-lens-key';

/** Where shadow-key.ts keeps the name, in the content scripts' own (isolated) global object. */
const HELD = '__caseLensShadowEvent';

/** Keeps the announcement's name for the content scripts of this frame. */
export function holdShadowEventName(name: string): void {
  (globalThis as Record<string, unknown>)[HELD] = name;
}

/** The name the page-world patch announces attached shadow roots with in this frame; null when none was handed over. */
export function shadowEventName(): string | null {
  const name = (globalThis as Record<string, unknown>)[HELD];
  return typeof name === 'string' ? name : null;
}
