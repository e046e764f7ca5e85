import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost } from './card-host';
import type { Mention } from './mention';
import type { TimerOwner } from './scanner';

/** How long the pointer must rest on a highlight before its card opens. */
export const HOVER_INTENT_MS = 250;

export interface HoverIntentOptions {
  card: CardHost;
  /** The wrapper of ours an event target is, or null: a page's own `case-lens-mark` is not one. */
  ownMark(target: EventTarget): Mention | null;
  /**
   * The painted highlight under a point of the viewport, or null. Painted
   * highlights are no elements and get no pointer events of their own: the
   * pointer's position is hit-tested instead, once per frame while it moves.
   */
  mentionAt(x: number, y: number): Mention | null;
  /** True while highlights are painted (nothing to hit-test otherwise). */
  painting(): boolean;
  /** The hover-intent timer: script-timers.ts (ctx.setTimeout leaves a listener behind for every hover). */
  timers: TimerOwner;
}

/**
 * Opens the card when the pointer rests on a highlight, and closes it when
 * the pointer leaves, a click lands elsewhere or Escape is pressed. Only the
 * reader's own input counts: events a page dispatches (`isTrusted` false)
 * never open or close a card.
 */
export function listenForHover(ctx: ContentScriptContext, options: HoverIntentOptions): void {
  const { card, ownMark, timers } = options;
  let openTimer: number | null = null;
  const cancelOpen = () => {
    if (openTimer !== null) clearTimeout(openTimer);
    openTimer = null;
  };
  const enter = (mark: Mention) => {
    card.cancelClose();
    // A pinned or keyboard-opened card stays until it is closed; hovering elsewhere does not replace it.
    if (card.anchor === mark || card.sticky) return;
    cancelOpen();
    card.prepare(mark);
    openTimer = timers.setTimeout(() => card.openFromHover(mark), HOVER_INTENT_MS);
  };
  const leave = (mark: Mention) => {
    cancelOpen();
    card.abandon(mark);
    if (card.isOpen && !card.sticky) card.scheduleClose();
  };
  const markFrom = (event: Event): Mention | null => {
    if (!event.isTrusted) return null;
    // composedPath reaches into open shadow roots, where document listeners only see the host.
    for (const target of event.composedPath()) {
      const mark = ownMark(target);
      if (mark) return mark;
    }
    return null;
  };
  // Painted highlights: the pointer's last position, read once per frame.
  let hovered: Mention | null = null;
  let pending: { x: number; y: number; overCard: boolean } | null = null;
  const hitTest = () => {
    const at = pending;
    pending = null;
    if (at?.overCard && hovered) {
      // Onto the card: the card keeps itself open (onPointerEnter); only a card not yet open is given up.
      cancelOpen();
      card.abandon(hovered);
      hovered = null;
      return;
    }
    const now = at && options.painting() && !ctx.isInvalid ? options.mentionAt(at.x, at.y) : null;
    if (now === hovered) return;
    if (hovered) leave(hovered);
    hovered = now;
    if (now) enter(now);
  };

  ctx.addEventListener(document, 'pointerover', (event) => {
    const mark = markFrom(event);
    if (mark) enter(mark);
  });
  ctx.addEventListener(document, 'pointerout', (event) => {
    const mark = markFrom(event);
    if (mark) leave(mark);
    // Off the page: no painted highlight is under the pointer any more.
    if (event.isTrusted && event.relatedTarget === null && hovered) {
      pending = null;
      hitTest();
    }
  });
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (!event.isTrusted || (!options.painting() && hovered === null)) return;
      const first = pending === null;
      pending = { x: event.clientX, y: event.clientY, overCard: card.contains(event) };
      if (first) requestAnimationFrame(hitTest);
    },
    { passive: true },
  );

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
