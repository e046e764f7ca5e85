import type { ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverCard } from '@/components/HoverCard';
import type { Annotation } from '@/facts/annotator';
import type { PackedEntityView as EntityView } from '@/facts/packs/card-catalogue';
import type { EntityRequest } from '@/lib/messages';
import type { TimerOwner } from './scanner';
import { CardFrame } from './card-frame';
import { CardRecords, requestOf } from './card-records';
import { focusMark, mentionIndexOf, prefersReducedMotion } from './mark-focus';
import type { Mention } from './mention';
import { type PaintProbe, startPaintProbe } from './paint-probe';

/** How long the card survives the pointer leaving it (to cross the gap). */
const LEAVE_GRACE_MS = 300;

interface CardState extends EntityRequest {
  anchor: Mention;
  annotation: Annotation;
  view: EntityView | null;
  /** Entities reached through relations, for Back. */
  trail: string[];
}

export interface CardHostOptions {
  /** The card's style sheet, applied inside its shadow root. */
  css: string;
  /** What a wrapper of ours means; undefined for anything else. */
  annotationOf(mark: Mention): Annotation | undefined;
  /** The wrappers of one entity's mentions, in document order (first pieces only). */
  mentionsOf(entityId: string): Mention[];
  /** The entity's record, from the background (facts stay out of the page bundle). */
  fetchEntity(request: EntityRequest): Promise<EntityView | null>;
  /** The card's close timer: script-timers.ts (ctx.setTimeout leaves a listener behind for every close). */
  timers: TimerOwner;
}

/**
 * The hover card's state: which highlight it belongs to, the record it shows,
 * the trail of relations followed (Back), pinning, moving between mentions,
 * and focus for keyboard users. Opens only for the extension's own wrappers.
 */
export class CardHost {
  private readonly frame: CardFrame;
  private state: CardState | null = null;
  private pinned = false;
  private closeTimer: number | null = null;
  /** Started when the hover intent fired; ended by the card's first painted frame. */
  private paintProbe: PaintProbe | null = null;
  /** The highlight a keyboard user came from: focus returns there when the card closes. */
  private returnFocus: Mention | null = null;
  /**
   * A painted highlight takes no focus: what held focus before a keyboard
   * user opened its card gets it back instead.
   */
  private focusBefore: HTMLElement | null = null;
  /** Set when the card should take focus as soon as it is placed (a hidden element cannot take focus). */
  private focusWhenPlaced = false;
  private readonly records: CardRecords;
  /** The highlight the pointer rests on, whose card is being made ready. */
  private intended: Mention | null = null;

  constructor(
    ctx: ContentScriptContext,
    private readonly options: CardHostOptions,
  ) {
    this.records = new CardRecords((request) => options.fetchEntity(request));
    this.frame = new CardFrame(ctx, {
      css: options.css,
      onPointerEnter: () => this.cancelClose(),
      onPointerLeave: () => {
        if (!this.sticky) this.scheduleClose();
      },
      onEscape: () => this.close(true),
    });
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  /** The highlight the open card belongs to. */
  get anchor(): Mention | null {
    return this.state?.anchor ?? null;
  }

  /** A pinned or keyboard-opened card stays until it is closed. */
  get sticky(): boolean {
    return this.pinned || this.returnFocus !== null;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** True when an event happened inside the card. */
  contains(event: Event): boolean {
    return this.frame.contains(event);
  }

  /**
   * Makes the card ready while the hover-intent delay runs, so that it paints
   * in the first frame after the intent with the facts, not "Loading": the
   * UI is made, the highlight's record fetched, and the card rendered, still
   * hidden (it shows once placed), so that opening it changes almost nothing.
   */
  prepare(anchor: Mention): void {
    const annotation = this.options.annotationOf(anchor);
    if (!annotation) return;
    this.intended = anchor;
    const request = requestOf(annotation);
    void Promise.all([this.frame.prepare(), this.records.ask(request)]).then(([, view]) => {
      // The pointer may have left, or the card opened meanwhile.
      if (this.intended !== anchor || this.state !== null) return;
      this.frame.show(this.cardFor({ ...request, anchor, annotation, view, trail: [] }));
      this.frame.warmUp(anchor);
    });
  }

  /** The pointer left the highlight before its card opened: the card rendered for it goes. */
  abandon(anchor: Mention): void {
    if (this.intended !== anchor) return;
    this.intended = null;
    if (this.state === null) this.frame.clear();
  }

  /** Opens the card from a hover: its way to the screen is measured. */
  openFromHover(mark: Mention): void {
    this.paintProbe = startPaintProbe();
    void this.open(mark);
  }

  /**
   * Opens the card for a highlight of ours now (hover, keyboard and the
   * popup). With `focus`, the highlight becomes the focus point and the card
   * takes focus, so a screen reader announces it; Escape gives focus back.
   */
  async open(mark: Mention, options: { focus?: boolean } = {}): Promise<void> {
    const annotation = this.options.annotationOf(mark);
    if (!annotation) return;
    this.cancelClose();
    if (options.focus) {
      if (!this.returnFocus) {
        const active = document.activeElement;
        this.focusBefore = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      focusMark(mark);
      this.returnFocus = mark;
    } else if (this.returnFocus && this.state?.anchor !== mark) {
      this.returnFocus = null;
    }
    const request = requestOf(annotation);
    this.state = { ...request, anchor: mark, annotation, view: this.records.cached(request), trail: [] };
    await this.frame.prepare();
    if (this.state?.anchor !== mark) return; // closed or replaced while the UI was made
    this.focusWhenPlaced = options.focus === true;
    this.render();
    if (this.state.view === null) await this.load(request);
  }

  close(restoreFocus = false): void {
    this.paintProbe = null;
    this.intended = null;
    this.cancelClose();
    this.state = null;
    this.pinned = false;
    this.focusWhenPlaced = false;
    this.frame.clear();
    if (restoreFocus && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) {
      focusMark(this.returnFocus);
    } else if (restoreFocus && this.returnFocus && this.focusBefore?.isConnected) {
      this.focusBefore.focus({ preventScroll: true });
    }
    this.returnFocus = null;
    this.focusBefore = null;
  }

  /** Closes the card and drops the records it fetched: the packs changed, so a record may have changed too. */
  closeAndForget(): void {
    this.close();
    this.records.forget();
  }

  destroy(): void {
    this.close();
    this.frame.destroy();
  }

  scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = this.options.timers.setTimeout(() => this.close(), LEAVE_GRACE_MS);
  }

  cancelClose(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private async load(request: EntityRequest): Promise<void> {
    const view = await this.records.ask(request);
    if (this.state && this.state.id === request.id) {
      this.state = { ...this.state, view };
      this.render();
    }
  }

  private render(): void {
    const state = this.state;
    if (!state) return;
    this.frame.show(this.cardFor(state));
    this.frame.place(state.anchor, (card) => {
      if (!this.focusWhenPlaced) return;
      this.focusWhenPlaced = false;
      card.focus({ preventScroll: true });
    });
    this.paintProbe?.cardRendered();
    this.paintProbe = null;
  }

  private cardFor(state: CardState): ComponentChild {
    const mentions = this.options.mentionsOf(state.id);
    const index = mentionIndexOf(mentions, state.anchor);
    const { annotation } = state;
    const onOwnValue = state.trail.length === 0 && annotation.kind === 'value';
    const verdict =
      annotation.kind === 'value' ? annotation.verdict : annotation.kind === 'wrong-form' ? 'contradicted' : null;
    return (
      <HoverCard
        view={state.view}
        fallbackName={state.anchor.textContent ?? ''}
        stated={onOwnValue ? (state.anchor.textContent ?? '') : null}
        verdict={verdict}
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
      />
    );
  }

  private async select(id: string): Promise<void> {
    if (!this.state) return;
    const trail = [...this.state.trail, this.state.id];
    this.state = {
      ...this.state,
      trail,
      id,
      aliasIndex: undefined,
      claimIndex: undefined,
      view: this.records.cached({ id }),
    };
    this.pinned = true; // a reader who navigates inside the card wants it to stay
    this.render();
    this.focusTitle();
    if (this.state.view === null) await this.load({ id });
  }

  private back(): void {
    if (!this.state || this.state.trail.length === 0) return;
    const trail = [...this.state.trail];
    const id = trail.pop()!;
    // Back at the start, the card shows the alias or claim it was opened on.
    const request = trail.length === 0 ? requestOf(this.state.annotation) : { id };
    this.state = { ...this.state, ...request, trail, view: this.records.cached(request) };
    this.render();
    this.focusTitle();
    if (this.state.view === null) void this.load(request);
  }

  /** When the card's content changes under a keyboard user, the button they pressed may be gone: keep focus in the card. */
  private focusTitle(): void {
    const card = this.frame.card;
    const root = card?.getRootNode();
    if (card && root instanceof ShadowRoot && root.activeElement === null) card.focus({ preventScroll: true });
  }

  private step(direction: 1 | -1): void {
    if (!this.state) return;
    const mentions = this.options.mentionsOf(this.state.id);
    if (mentions.length === 0) return;
    const index = mentionIndexOf(mentions, this.state.anchor);
    const next = mentions[(index + direction + mentions.length) % mentions.length]!;
    next.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    // Focus stays on the card's button; Escape returns to the highlight the card now shows.
    if (this.returnFocus) this.returnFocus = next;
    this.pinned = true; // the reader is working in the card: the pointer leaving it must not close it
    this.state = { ...this.state, anchor: next, annotation: this.options.annotationOf(next) ?? this.state.annotation };
    this.render();
  }
}
