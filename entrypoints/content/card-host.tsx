import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard } from '@/components/HoverCard';
import type { EntityView } from '@/facts/view';
import { askBackground } from '@/lib/messages';
import { MARK_TAG } from './dom-rules';

/** How long the pointer must rest on a highlight before its card opens. */
export const HOVER_INTENT_MS = 250;
/** How long the card survives the pointer leaving it (to cross the gap). */
const LEAVE_GRACE_MS = 300;

interface CardState {
  anchor: HTMLElement;
  entityId: string;
  aliasIndex?: number;
  view: EntityView | null;
  /** Entities reached through relations, for Back. */
  trail: string[];
}

export interface CardHostOptions {
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
  private uiReady: Promise<void> | null = null;
  private warmedUp = false;
  /** Started when the hover intent fired; ended by the card's first painted frame. */
  private paintProbe: PaintProbe | null = null;
  private returnFocus: HTMLElement | null = null;
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
      if (this.state?.anchor === mark) return;
      this.cancelOpen();
      // The card's UI is made and mounted (empty) while the hover-intent delay
      // runs: its CSS comes from the extension asynchronously, and parsing it
      // took ~5 ms of the first open. The card then paints in the first frame after the delay.
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
      if (this.state && !this.pinned) this.scheduleClose();
    });
    this.ctx.addEventListener(doc, 'keydown', (event) => {
      if (event.key === 'Escape' && this.state) {
        this.close(true);
      }
    });
    this.ctx.addEventListener(doc, 'focusin', (event) => {
      const mark = markFrom(event);
      if (mark && this.state?.anchor !== mark) void this.open(mark);
    });
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  /** Opens the card for a highlight now (used by hover, keyboard and the popup). */
  async open(mark: HTMLElement, options: { focus?: boolean } = {}): Promise<void> {
    const entityId = mark.getAttribute('data-entity');
    if (!entityId) return;
    const wrongForm = mark.getAttribute('data-wrong-form');
    const aliasIndex = wrongForm === null ? undefined : Number(wrongForm);
    this.cancelOpen();
    this.cancelClose();
    if (options.focus) this.returnFocus = mark;
    this.state = { anchor: mark, entityId, aliasIndex, view: this.cached(entityId, aliasIndex), trail: [] };
    await this.prepareUi();
    this.render();
    if (this.state.view === null) await this.load(entityId, aliasIndex);
    if (options.focus) this.container?.querySelector<HTMLElement>('.cl-card')?.focus();
  }

  close(restoreFocus = false): void {
    this.paintProbe = null;
    this.cancelOpen();
    this.cancelClose();
    this.state = null;
    this.pinned = false;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.container) render(null, this.container);
    if (restoreFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  destroy(): void {
    this.close();
    this.ui?.remove();
    this.ui = null;
    this.uiReady = null;
    this.container = null;
  }

  private cached(id: string, aliasIndex?: number): EntityView | null {
    return this.cache.get(`${id}#${aliasIndex ?? ''}`) ?? null;
  }

  private async load(id: string, aliasIndex?: number): Promise<void> {
    let view: EntityView | null = null;
    try {
      view = await askBackground({ type: 'get-entity', id, aliasIndex });
    } catch {
      view = null; // the extension was updated or reloaded: the card says what it knows
    }
    this.cache.set(`${id}#${aliasIndex ?? ''}`, view);
    if (this.state && this.state.entityId === id) {
      this.state = { ...this.state, view };
      this.render();
    }
  }

  /**
   * Runs the card's code once, off screen, while the first hover-intent delay
   * of the page runs: the first card paid ~8 ms for cold code (Preact's first
   * render, Floating UI's first placement and its observers), which
   * pushed it past the first frame after the intent. Nothing is shown.
   */
  private warmUp(anchor: HTMLElement): void {
    if (this.warmedUp || !this.container?.isConnected) return;
    this.warmedUp = true;
    const scratch = document.createElement('div');
    render(
      <section class="cl-card">
        <header>
          <h2>{anchor.textContent}</h2>
          <button type="button">×</button>
        </header>
      </section>,
      scratch,
    );
    render(null, scratch);
    computePosition(anchor, this.container, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip(), shift()] }).catch(
      () => undefined,
    );
    autoUpdate(anchor, this.container, () => undefined)();
  }

  /** Creates and mounts the card's (empty) shadow root UI once. */
  private prepareUi(): Promise<void> {
    this.uiReady ??= this.createUi().then(() => {
      if (this.ui && !this.ui.mounted) this.ui.mount();
    });
    return this.uiReady;
  }

  private async createUi(): Promise<void> {
    this.ui = await createShadowRootUi(this.ctx, {
      name: 'case-lens-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        this.container = container;
        container.addEventListener('pointerenter', () => this.cancelClose());
        container.addEventListener('pointerleave', () => {
          if (!this.pinned) this.scheduleClose();
        });
        container.addEventListener('keydown', (event) => {
          if (event.key === 'Escape') {
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
    const index = mentions.indexOf(state.anchor);
    render(
      <HoverCard
        view={state.view}
        fallbackName={state.anchor.textContent ?? ''}
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
    const card = this.container?.querySelector<HTMLElement>('.cl-card');
    const anchor = this.state?.anchor;
    if (!card || !anchor) return;
    this.stopPositioning?.();
    this.stopPositioning = autoUpdate(anchor, card, () => {
      void computePosition(anchor, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  private async select(id: string): Promise<void> {
    if (!this.state) return;
    this.state = { ...this.state, trail: [...this.state.trail, this.state.entityId], entityId: id, aliasIndex: undefined, view: this.cached(id) };
    this.pinned = true; // a reader who navigates inside the card wants it to stay
    this.render();
    if (this.state.view === null) await this.load(id);
  }

  private back(): void {
    if (!this.state || this.state.trail.length === 0) return;
    const trail = [...this.state.trail];
    const id = trail.pop()!;
    const aliasIndex = trail.length === 0 ? this.state.aliasIndex : undefined;
    this.state = { ...this.state, trail, entityId: id, view: this.cached(id, aliasIndex) ?? this.cached(id) };
    this.render();
    if (this.state.view === null) void this.load(id);
  }

  private step(direction: 1 | -1): void {
    if (!this.state) return;
    const mentions = this.options.mentionsOf(this.state.entityId);
    if (mentions.length === 0) return;
    const index = mentions.indexOf(this.state.anchor);
    const next = mentions[(index + direction + mentions.length) % mentions.length]!;
    next.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
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
        const frames = firstFrame === null || time === firstFrame ? 1 : 1 + Math.max(1, Math.round((time - firstFrame) / (1000 / 60)));
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          performance.measure('case-lens:card', { start: intentAt, end: performance.now(), detail: { frames, renderMs, frameMs } });
        };
        channel.port2.postMessage(null);
      });
    },
  };
}
