import type { StepDirection } from '@/lib/messages';
import type { CardHost } from './card-host';
import type { TimerOwner } from './scanner';
import { mentionIndexOf, prefersReducedMotion } from './mark-focus';
import type { Mention } from './mention';
/** Matches the flash animation in page-style.ts (two 1.2 s pulses) plus a little slack. */
const FLASH_MS = 2600;

export interface HighlightNavigatorOptions {
  /** Owns the flash timers (the content script's context). */
  timers: TimerOwner;
  /** Every mention of a name on the page (first wrappers), in document order. */
  mentions(): Mention[];
  /** One entity's mentions, in document order. */
  mentionsOf(entityId: string): Mention[];
  /** Draws the eye to a highlight, or stops (the renderer's own way: a class, or a painted highlight). */
  flash(mention: Mention, on: boolean): void;
  card: CardHost;
}

function inViewport(el: Mention): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.width + r.height > 0;
}

/**
 * Moves between highlights for the keyboard commands (next/previous: scroll,
 * focus, open the card) and for the popup's "On this page" list (scroll and
 * flash one mention).
 */
export class HighlightNavigator {
  /** The highlight the last keyboard step went to. */
  private cursor: Mention | null = null;
  private readonly flashes = new Map<Mention, number>();

  constructor(private readonly options: HighlightNavigatorOptions) {}

  /** Goes to the next or previous highlight and opens its card with focus; false when the page has none. */
  step(direction: StepDirection): boolean {
    const marks = this.options.mentions();
    if (marks.length === 0) return false;
    const target = marks[this.targetIndex(marks, direction)]!;
    this.cursor = target;
    target.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    void this.options.card.open(target, { focus: true });
    return true;
  }

  /** Scrolls to one entity's `index`-th mention and flashes it; false when it is not on the page. */
  reveal(entityId: string, index: number): boolean {
    const marks = this.options.mentionsOf(entityId);
    if (marks.length === 0) return false;
    return this.show(marks[((index % marks.length) + marks.length) % marks.length]!);
  }

  /** Scrolls to one wrapper (a mention or a flagged value) and flashes it. */
  show(mark: Mention): boolean {
    if (!mark.isConnected) return false;
    mark.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    this.flash(mark);
    return true;
  }

  destroy(): void {
    for (const [mark, timer] of this.flashes) {
      clearTimeout(timer);
      this.options.flash(mark, false);
    }
    this.flashes.clear();
    this.cursor = null;
  }

  private targetIndex(marks: Mention[], direction: StepDirection): number {
    const n = marks.length;
    const delta = direction === 'next' ? 1 : -1;
    // From the card's highlight, or the last one stepped to while it is still on screen …
    const from = this.options.card.anchor ?? (this.cursor?.isConnected && inViewport(this.cursor) ? this.cursor : null);
    const at = from ? mentionIndexOf(marks, from) : -1;
    if (at >= 0) return (at + delta + n) % n;
    // … otherwise from where the reader is: the first highlight from the top of the screen, or the last above its bottom.
    if (direction === 'next') {
      const i = marks.findIndex((m) => m.getBoundingClientRect().top >= 0);
      return Math.max(i, 0);
    }
    for (let i = n - 1; i >= 0; i -= 1) if (marks[i]!.getBoundingClientRect().bottom <= innerHeight) return i;
    return n - 1;
  }

  private flash(mark: Mention): void {
    const running = this.flashes.get(mark);
    if (running !== undefined) clearTimeout(running);
    this.options.flash(mark, true);
    this.flashes.set(
      mark,
      this.options.timers.setTimeout(() => {
        this.options.flash(mark, false);
        this.flashes.delete(mark);
      }, FLASH_MS),
    );
  }
}
