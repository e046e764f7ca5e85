import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost } from './card-host';
import type { TimerOwner } from './scanner';

/** How long the pointer must rest on a highlight before its card opens. */
export const HOVER_INTENT_MS = 250;

export interface HoverIntentOptions {
  card: CardHost;
  /** The wrapper of ours an event target is, or null: a page's own `case-lens-mark` is not one. */
  ownMark(target: EventTarget): HTMLElement | null;
  /** The hover-intent timer: script-timers.ts (ctx.setTimeout leaves a listener behind for every hover). */
  timers: TimerOwner;
}

/**
 * Opens the card when the pointer rests on a highlight, and closes it when
 * the pointer leaves, a click lands elsewhere or Escape is pressed. Only the
 * reader's own input counts: events a page dispatches (`isTrusted` false)
 * never open or close a card.
 */
export function listenForHover(ctx: ContentScriptContext, { card, ownMark, timers }: HoverIntentOptions): void {
  let openTimer: number | null = null;
  const cancelOpen = () => {
    if (openTimer !== null) clearTimeout(openTimer);
    openTimer = null;
  };
  const markFrom = (event: Event): HTMLElement | null => {
    if (!event.isTrusted) return null;
    // composedPath reaches into open shadow roots, where document listeners only see the host.
    for (const target of event.composedPath()) {
      const mark = ownMark(target);
      if (mark) return mark;
    }
    return null;
  };
  ctx.addEventListener(document, 'pointerover', (event) => {
    const mark = markFrom(event);
    if (!mark) return;
    card.cancelClose();
    // A pinned or keyboard-opened card stays until it is closed; hovering elsewhere does not replace it.
    if (card.anchor === mark || card.sticky) return;
    cancelOpen();
    card.prepare(mark);
    openTimer = timers.setTimeout(() => card.openFromHover(mark), HOVER_INTENT_MS);
  });
  ctx.addEventListener(document, 'pointerout', (event) => {
    const mark = markFrom(event);
    if (!mark) return;
    cancelOpen();
    card.abandon(mark);
    if (card.isOpen && !card.sticky) card.scheduleClose();
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && card.isOpen) card.close(true);
  });
  // A click elsewhere on the page dismisses the card, unless it is pinned.
  ctx.addEventListener(document, 'pointerdown', (event) => {
    if (!event.isTrusted || !card.isOpen || card.isPinned || card.contains(event)) return;
    card.close();
  });
  ctx.onInvalidated(cancelOpen);
}
