import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard } from '@/components/HoverCard';
import type { EntityView } from '@/facts/view';
import { askBackground } from '@/lib/messages';
import { MARK_TAG } from './dom-rules';
import { focusMark, mentionIndexOf, prefersReducedMotion } from './mark-focus';

/** How long the pointer must rest on a highlight before its card opens. */
export const HOVER_INTENT_MS = 250;
/** How long the card survives the pointer leaving it (to cross the gap). */
const LEAVE_GRACE_MS = 300;
/** Distance kept between the card and the viewport's edges. */
const VIEWPORT_PADDING = 8;
/** The card's tallest size; it shrinks to the room beside its highlight. */
const MAX_CARD_HEIGHT = 520;
const MIN_CARD_HEIGHT = 120;

interface CardState {
  anchor: HTMLElement;
  entityId: string;
  aliasIndex?: number;
  claimIndex?: number;
  view: EntityView | null;
  /** Entities reached through relations, for Back. */
  trail: string[];
}

export interface CardHostOptions {
  /** The card's style sheet, applied inside its shadow root. */
  css: string;
  /** The wrappers of one entity's mentions, in document order (first pieces only). */
  mentionsOf(entityId: string): HTMLElement[];
}

function markFrom(event: Event): HTMLElement | null {
  // composedPath reaches into open shadow roots, where document listeners only see the host.
  for (const target of event.composedPath()) {
    if (target instanceof HTMLElement && target.tagName === MARK_TAG.toUpperCase()) return target;
  }
  return null;
}

/**
 * Owns the hover card: hover intent on highlights, a Preact card in a shadow
 * root positioned by Floating UI, pinning, Escape, and moving between mentions.
 */
export class CardHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private container: HTMLElement | null = null;
  private state: CardState | null = null;
  private pinned = false;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private stopPositioning: (() => void) | null = null;
  private positionedFor: HTMLElement | null = null;
  /** The highlight a keyboard user came from: focus returns there when the card closes. */
  private uiReady: Promise<void> | null = null;
  private warmedUp = false;
  /** Started when the hover intent fired; ended by the card's first painted frame. */
  private paintProbe: PaintProbe | null = null;
  private returnFocus: HTMLElement | null = null;
  /** Set when the card should take focus as soon as it is placed (a hidden element cannot take focus). */
  private focusWhenPlaced = false;
  private readonly cache = new Map<string, EntityView | null>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardHostOptions,
  ) {}

  listen(): void {
    const doc = document;
    this.ctx.addEventListener(doc, 'pointerover', (event) => {
      const mark = markFrom(event);
      if (!mark) return;
      this.cancelClose();
      // A pinned or keyboard-opened card stays until it is closed; hovering elsewhere does not replace it.
      if (this.state?.anchor === mark || this.sticky) return;
      this.cancelOpen();
      // The card's UI is made and mounted (empty) while the hover-intent delay
      // runs, and its code warmed up: the card then paints in the first frame after the delay.
      void this.prepareUi().then(() => this.warmUp(mark));
      this.openTimer = setTimeout(() => {
        this.paintProbe = startPaintProbe();
        void this.open(mark);
      }, HOVER_INTENT_MS);
    });
    this.ctx.addEventListener(doc, 'pointerout', (event) => {
      const mark = markFrom(event);
      if (!mark) return;
      this.cancelOpen();
      if (this.state && !this.sticky) this.scheduleClose();
    });
    this.ctx.addEventListener(doc, 'keydown', (event) => {
      if (event.key === 'Escape' && this.state) this.close(true);
    });
    // A click elsewhere on the page dismisses the card, unless it is pinned.
    this.ctx.addEventListener(doc, 'pointerdown', (event) => {
      if (!this.state || this.pinned) return;
      if (this.ui && event.composedPath().includes(this.ui.shadowHost)) return;
      this.close();
    });
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  /** The highlight the open card belongs to. */
  get anchor(): HTMLElement | null {
    return this.state?.anchor ?? null;
  }

  private get sticky(): boolean {
    return this.pinned || this.returnFocus !== null;
  }

  /**
   * Opens the card for a highlight now (hover, keyboard and the popup). With
   * `focus`, the highlight becomes the focus point and the card takes focus,
   * so a screen reader announces it; Escape gives focus back to the highlight.
   */
  async open(mark: HTMLElement, options: { focus?: boolean } = {}): Promise<void> {
    const entityId = mark.getAttribute('data-entity');
    if (!entityId) return;
    const wrongForm = mark.getAttribute('data-wrong-form');
    const aliasIndex = wrongForm === null ? undefined : Number(wrongForm);
    const claimAttr = mark.getAttribute('data-claim-index');
    const claimIndex = claimAttr === null ? undefined : Number(claimAttr);
    this.cancelOpen();
    this.cancelClose();
    if (options.focus) {
      focusMark(mark);
      this.returnFocus = mark;
    } else if (this.returnFocus && this.state?.anchor !== mark) {
      this.returnFocus = null;
    }
    this.state = {
      anchor: mark,
      entityId,
      aliasIndex,
      claimIndex,
      view: this.cached(entityId, aliasIndex, claimIndex),
      trail: [],
    };
    await this.prepareUi();
    if (this.state?.anchor !== mark) return; // closed or replaced while the UI was made
    this.focusWhenPlaced = options.focus === true;
    this.render();
    if (this.state.view === null) await this.load(entityId, aliasIndex, claimIndex);
  }

  close(restoreFocus = false): void {
    this.paintProbe = null;
    this.cancelOpen();
    this.cancelClose();
    this.state = null;
    this.pinned = false;
    this.focusWhenPlaced = false;
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.positionedFor = null;
    if (this.container) render(null, this.container);
    if (restoreFocus && this.returnFocus?.isConnected) focusMark(this.returnFocus);
    this.returnFocus = null;
  }

  destroy(): void {
    this.close();
    this.ui?.remove();
    this.ui = null;
    this.uiReady = null;
    this.container = null;
  }

  private cardElement(): HTMLElement | null {
    return this.container?.querySelector<HTMLElement>('.cl-card') ?? null;
  }

  private cached(id: string, aliasIndex?: number, claimIndex?: number): EntityView | null {
    return this.cache.get(`${id}#${aliasIndex ?? ''}#${claimIndex ?? ''}`) ?? null;
  }

  private async load(id: string, aliasIndex?: number, claimIndex?: number): Promise<void> {
    let view: EntityView | null = null;
    try {
      view = await askBackground({ type: 'get-entity', id, aliasIndex, claimIndex });
    } catch {
      view = null; // the extension was updated or reloaded: the card says what it knows
    }
    this.cache.set(`${id}#${aliasIndex ?? ''}#${claimIndex ?? ''}`, view);
    if (this.state && this.state.entityId === id) {
      this.state = { ...this.state, view };
      this.render();
    }
  }

  /**
   * Runs the card's code once, hidden, while the first hover-intent delay of
   * the page runs: the first card paid ~8 ms for cold work (Preact's first
   * render, Floating UI's first placement and its observers, and the first
   * style and layout in the card's shadow root, which builds its style rules
   * and finds its fonts: ~4 ms), which pushed it past the first frame after the
   * intent. Nothing is shown.
   */
  private warmUp(anchor: HTMLElement): void {
    const container = this.container;
    if (this.warmedUp || !container?.isConnected) return;
    this.warmedUp = true;
    const scratch = document.createElement('div');
    scratch.setAttribute('aria-hidden', 'true');
    scratch.style.cssText = 'position: fixed; left: -10000px; top: 0; visibility: hidden; pointer-events: none';
    container.append(scratch);
    const none = () => undefined;
    render(
      <HoverCard
        view={null}
        fallbackName={anchor.textContent ?? ''}
        stated={null}
        verdict={null}
        pinned={false}
        mentionIndex={1}
        mentionCount={2}
        canGoBack={false}
        onPin={none}
        onClose={none}
        onBack={none}
        onPrevious={none}
        onNext={none}
        onSelect={none}
      />,
      scratch,
    );
    scratch.getBoundingClientRect();
    const card = scratch.firstElementChild as HTMLElement | null;
    if (card) {
      computePosition(anchor, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift()],
      }).catch(none);
      autoUpdate(anchor, card, none)();
    }
    render(null, scratch);
    scratch.remove();
  }

  /** Creates and mounts the card's (empty) shadow root UI once. */
  private prepareUi(): Promise<void> {
    this.uiReady ??= this.createUi().then(() => {
      if (!this.ui) return;
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
    });
    return this.uiReady;
  }

  private async createUi(): Promise<void> {
    this.ui = await createShadowRootUi(this.ctx, {
      css: this.options.css,
      name: 'case-lens-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        this.container = container;
        container.addEventListener('pointerenter', () => this.cancelClose());
        container.addEventListener('pointerleave', () => {
          if (!this.sticky) this.scheduleClose();
        });
        container.addEventListener('keydown', (event) => {
          if (event.key === 'Escape') {
            // The card handles it; the page's own Escape handlers (its dialogs) must not also fire.
            event.stopPropagation();
            this.close(true);
          }
        });
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
  }

  private render(): void {
    const state = this.state;
    const container = this.container;
    if (!state || !container) return;
    const mentions = this.options.mentionsOf(state.entityId);
    const index = mentionIndexOf(mentions, state.anchor);
    render(
      <HoverCard
        view={state.view}
        fallbackName={state.anchor.textContent ?? ''}
        stated={
          state.trail.length === 0 && state.anchor.hasAttribute('data-claim-index')
            ? (state.anchor.textContent ?? '')
            : null
        }
        verdict={state.anchor.getAttribute('data-claim')}
        pinned={this.pinned}
        mentionIndex={index + 1}
        mentionCount={index >= 0 ? mentions.length : 0}
        canGoBack={state.trail.length > 0}
        onPin={() => {
          this.pinned = !this.pinned;
          this.render();
        }}
        onClose={() => this.close(true)}
        onBack={() => this.back()}
        onPrevious={() => this.step(-1)}
        onNext={() => this.step(1)}
        onSelect={(id) => void this.select(id)}
      />,
      container,
    );
    this.position();
    this.paintProbe?.cardRendered();
    this.paintProbe = null;
  }

  private position(): void {
    const card = this.cardElement();
    const anchor = this.state?.anchor;
    if (!card || !anchor) return;
    if (this.positionedFor === anchor && this.stopPositioning) return;
    this.stopPositioning?.();
    this.positionedFor = anchor;
    this.stopPositioning = autoUpdate(anchor, card, () => {
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
        if (this.cardElement() !== card) return;
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
        card.setAttribute('data-placed', '');
        if (this.focusWhenPlaced) {
          this.focusWhenPlaced = false;
          card.focus({ preventScroll: true });
        }
      });
    });
  }

  private async select(id: string): Promise<void> {
    if (!this.state) return;
    this.state = {
      ...this.state,
      trail: [...this.state.trail, this.state.entityId],
      entityId: id,
      aliasIndex: undefined,
      view: this.cached(id),
    };
    this.pinned = true; // a reader who navigates inside the card wants it to stay
    this.render();
    this.focusTitle();
    if (this.state.view === null) await this.load(id);
  }

  private back(): void {
    if (!this.state || this.state.trail.length === 0) return;
    const trail = [...this.state.trail];
    const id = trail.pop()!;
    const first = trail.length === 0;
    const aliasIndex = first ? this.state.aliasIndex : undefined;
    const claimIndex = first ? this.state.claimIndex : undefined;
    this.state = { ...this.state, trail, entityId: id, view: this.cached(id, aliasIndex, claimIndex) };
    this.render();
    this.focusTitle();
    if (this.state.view === null) void this.load(id, aliasIndex, claimIndex);
  }

  /** When the card's content changes under a keyboard user, the button they pressed may be gone: keep focus in the card. */
  private focusTitle(): void {
    const card = this.cardElement();
    const root = card?.getRootNode();
    if (card && root instanceof ShadowRoot && root.activeElement === null) card.focus({ preventScroll: true });
  }

  private step(direction: 1 | -1): void {
    if (!this.state) return;
    const mentions = this.options.mentionsOf(this.state.entityId);
    if (mentions.length === 0) return;
    const index = mentionIndexOf(mentions, this.state.anchor);
    const next = mentions[(index + direction + mentions.length) % mentions.length]!;
    next.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    // Focus stays on the card's button; Escape returns to the highlight the card now shows.
    if (this.returnFocus) this.returnFocus = next;
    this.pinned = true; // the reader is working in the card: the pointer leaving it must not close it
    this.state = { ...this.state, anchor: next };
    this.render();
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = setTimeout(() => this.close(), LEAVE_GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
  }
}

interface PaintProbe {
  cardRendered(): void;
}

/**
 * Measures a hover card's way to the screen, from the hover-intent timer
 * firing, as the `case-lens:card` performance measure (ending once the frame
 * showing the card has been produced: a frame callback runs before that frame
 * is painted, and a task it posts runs after). Its `detail` says how long the
 * card took to render (`renderMs`), when the frame showing it began
 * (`frameMs`), and whether that was the first frame after the intent
 * (`frames`: 1; callbacks of one frame get the same timestamp).
 */
function startPaintProbe(): PaintProbe {
  const intentAt = performance.now();
  let firstFrame: number | null = null;
  requestAnimationFrame((time) => {
    firstFrame = time;
  });
  return {
    cardRendered() {
      const renderMs = performance.now() - intentAt;
      requestAnimationFrame((time) => {
        const frameMs = performance.now() - intentAt;
        const frames =
          firstFrame === null || time === firstFrame
            ? 1
            : 1 + Math.max(1, Math.round((time - firstFrame) / (1000 / 60)));
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          performance.measure('case-lens:card', {
            start: intentAt,
            end: performance.now(),
            detail: { frames, renderMs, frameMs },
          });
        };
        channel.port2.postMessage(null);
      });
    },
  };
}
