/**
 * How the page-world patch (shadow-watch.ts) tells the content scripts that
 * the page attached an open shadow root, without a name a page could listen
 * for. At document_start, before any page script runs, shadow-key.ts
 * (declared, so it starts before the registered patch) makes a random event
 * name in the content scripts' world and leaves it in a comment at the end of
 * the document; the patch, starting right after it, reads the comment and
 * removes it. No page script has run in between, so none can see it. From
 * then on each attached root is announced on its host with an Event of that
 * name. Until the scout starts (document_end), shadow-key.ts keeps the hosts
 * announced meanwhile (`listenEarly`), and the scout takes them over.
 *
 * A comment rather than an event: making and dispatching an event (and, in
 * the page's world, drawing the random name from `crypto`) cost each fresh
 * frame several times what two small DOM calls cost.
 */

/** What the comment starts with, so that the patch takes no other comment for it. */
export const NAME_NOTE = 'case-lens:';

/** Where the name is kept, in the content scripts' own (isolated) global object, for the scout and the full script. */
const HELD = '__caseLensShadowEvent';
/** Where the hosts announced before the scout started are kept, with the listener that keeps them. */
const EARLY = '__caseLensEarlyHosts';

interface Early {
  hosts: Element[];
  listener: (event: Event) => void;
}

/**
 * Makes this frame's name and leaves it for the patch. `Math.random` is this
 * world's own generator, whose outputs no page script sees.
 */
export function offerShadowEventName(doc: Document): void {
  const name = `x${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  try {
    doc.appendChild(doc.createComment(NAME_NOTE + name));
  } catch {
    // A document that takes no comment (none that Case Lens runs in is known): nothing is announced there.
    return;
  }
  (globalThis as Record<string, unknown>)[HELD] = name;
}

/** The name the page-world patch announces attached shadow roots with in this frame; null when none was offered. */
export function shadowEventName(): string | null {
  const name = (globalThis as Record<string, unknown>)[HELD];
  return typeof name === 'string' ? name : null;
}

/** Keeps the hosts announced from now until the scout takes them over (`takeEarlyHosts`). */
export function listenEarly(doc: Document): void {
  const name = shadowEventName();
  if (!name) return;
  const early: Early = {
    hosts: [],
    listener: (event) => {
      const host = event.composedPath()[0];
      if (host instanceof Element) early.hosts.push(host);
    },
  };
  doc.addEventListener(name, early.listener, true);
  (globalThis as Record<string, unknown>)[EARLY] = early;
}

/** The hosts announced before now; the listener that kept them goes. */
export function takeEarlyHosts(doc: Document): Element[] {
  const global = globalThis as Record<string, unknown>;
  const early = global[EARLY] as Early | undefined;
  const name = shadowEventName();
  if (!early || !name) return [];
  doc.removeEventListener(name, early.listener, true);
  delete global[EARLY];
  return early.hosts;
}
