import { autoUpdate, computePosition, flip, offset, type ReferenceElement, shift, size } from '@floating-ui/dom';
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { prepareDateFormat } from '@/components/categories';
import { prepareMoneyFormat } from '@/facts/claims/wording';
import { OWN_PREFIX } from './dom-rules';
import type { Mention } from './mention';

/** Distance kept between the card and the viewport's edges. */
const VIEWPORT_PADDING = 8;
/** The card's tallest size; it shrinks to the room beside its highlight. */
const MAX_CARD_HEIGHT = 520;
const MIN_CARD_HEIGHT = 120;
const CARD_NAME = `${OWN_PREFIX}card`;

export interface CardFrameOptions {
  /** The card's style sheet, applied inside its shadow root. */
  css: string;
  onPointerEnter(): void;
  onPointerLeave(): void;
  onEscape(): void;
}

/**
 * Where the card lives: a shadow-root UI mounted out of the page's flow, and
 * the card placed beside its highlight by Floating UI (`flip` judges each side
 * by the card's full height, `size` shrinks it to the room there, `shift`
 * keeps it on screen).
 */
export class CardFrame {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private container: HTMLElement | null = null;
  private ready: Promise<void> | null = null;
  private warmedUp = false;
  private attempts = 0;
  private stopPlacing: (() => void) | null = null;
  private placedFor: Mention | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardFrameOptions,
  ) {}

  /** Creates and mounts the (empty) UI once; a failed attempt is tried again on the next call. */
  prepare(): Promise<void> {
    // A single-page app that replaced <body> took the card's host with it: mount a new one.
    if (this.ui && !this.ui.shadowHost.isConnected) this.destroy();
    this.ready ??= this.create().catch(() => {
      // The page defined an element of our name to break the card: try again with a name of our own.
      this.ready = null;
    });
    return this.ready;
  }

  get card(): HTMLElement | null {
    return this.container?.querySelector<HTMLElement>('.cl-card') ?? null;
  }

  /** True when an event happened inside the card. */
  contains(event: Event): boolean {
    return this.ui !== null && event.composedPath().includes(this.ui.shadowHost);
  }

  show(card: ComponentChild): void {
    if (this.container) render(card, this.container);
  }

  clear(): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.placedFor = null;
    if (this.container) render(null, this.container);
  }

  destroy(): void {
    this.clear();
    this.ui?.remove();
    this.ui = null;
    this.ready = null;
    this.container = null;
    this.warmedUp = false;
  }

  /** Keeps the card beside `anchor` while either moves; `onPlaced` runs after each placement. */
  place(mention: Mention, onPlaced: (card: HTMLElement) => void): void {
    // A wrapper is an element; a painted range is what Floating UI calls a virtual element.
    const anchor = mention as ReferenceElement;
    const card = this.card;
    if (!card) return;
    if (this.placedFor === mention && this.stopPlacing) return;
    this.stopPlacing?.();
    this.placedFor = mention;
    this.stopPlacing = autoUpdate(anchor, card, () => {
      // flip() must judge each side by the card's full height, not by the height size() gave it last time.
      card.style.maxHeight = '';
      card.style.maxWidth = '';
      void computePosition(anchor, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: VIEWPORT_PADDING, fallbackStrategy: 'bestFit' }),
          size({
            padding: VIEWPORT_PADDING,
            apply({ availableHeight, availableWidth, elements }) {
              const height = Math.max(MIN_CARD_HEIGHT, Math.min(MAX_CARD_HEIGHT, Math.floor(availableHeight)));
              elements.floating.style.maxHeight = `${height}px`;
              elements.floating.style.maxWidth = `${Math.max(200, Math.floor(availableWidth))}px`;
            },
          }),
          // Last resort when neither side has room: stay on screen, even over the highlight.
          shift({ padding: VIEWPORT_PADDING, crossAxis: true }),
        ],
      }).then(({ x, y }) => {
        if (this.card !== card) return;
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
        card.setAttribute('data-placed', '');
        onPlaced(card);
      });
    });
  }

  /**
   * Runs what the first placement costs once, on the card rendered hidden
   * while the first hover-intent delay of the page runs (the browser styles
   * and lays it out in its next frame, which builds the shadow root's style
   * rules and finds its fonts): Floating UI's first placement and its
   * observers, and the formats of dates and amounts (each loads locale data
   * on first use). Cold, these pushed the first card past the first frame
   * after the intent. Nothing is shown or moved.
   */
  warmUp(mention: Mention): void {
    const anchor = mention as ReferenceElement;
    const card = this.container?.firstElementChild as HTMLElement | null | undefined;
    if (this.warmedUp || !card?.isConnected) return;
    this.warmedUp = true;
    prepareDateFormat().formatToParts(0);
    prepareMoneyFormat().format(1.5);
    const none = () => undefined;
    const middleware = [offset(6), flip(), shift()];
    computePosition(anchor, card, { strategy: 'fixed', placement: 'bottom-start', middleware }).catch(none);
    autoUpdate(anchor, card, none)();
  }

  private async create(): Promise<void> {
    // A page that defined `case-lens-card` itself gets a card under a name it cannot have guessed.
    this.attempts += 1;
    const name = this.attempts === 1 ? CARD_NAME : `${CARD_NAME}-${Math.random().toString(36).slice(2, 10)}`;
    this.ui = await createShadowRootUi(this.ctx, {
      css: this.options.css,
      name,
      // Closed: the page cannot read which entity the reader opened, nor rewrite the card or its source links.
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        this.container = container;
        container.addEventListener('pointerenter', () => this.options.onPointerEnter());
        container.addEventListener('pointerleave', () => this.options.onPointerLeave());
        container.addEventListener('keydown', (event) => {
          if (event.key !== 'Escape') return;
          // The card handles it; the page's own Escape handlers (its dialogs) must not also fire.
          event.stopPropagation();
          this.options.onEscape();
        });
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    // Out of the page's flow: filling the card then lays out the card alone, not the page
    // around it (on a 1 MB page, laying the page out again was most of a first card's time).
    const host = this.ui.shadowHost.style;
    host.setProperty('position', 'fixed', 'important');
    host.setProperty('top', '0', 'important');
    host.setProperty('left', '0', 'important');
    host.setProperty('width', '0', 'important');
    host.setProperty('height', '0', 'important');
    host.setProperty('z-index', '2147483647', 'important');
    if (!this.ui.mounted) this.ui.mount();
  }
}
