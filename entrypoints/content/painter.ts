// Paint mode's renderer (settings.renderer = 'paint'): highlights as live ranges the browser paints,
// the page's DOM untouched. See the class below, and the README's "Paint or wrap".
import { type Annotation, isContradiction } from '@/facts/annotator';
import { DocumentOrderedList } from './document-order';
import { compareMentions, type Mention, PaintedMention } from './mention';
import { coveredTextNodes, placeableNodes, type PlacedRange } from './placed-range';
import type { Renderer } from './renderer';

/** Every highlight this renderer registers has a name that starts so (README, "Reading highlights from outside"). */
export const PAINT_PREFIX = 'case-lens__';
/** The highlight that flashes a mention the popup asked to be shown. */
export const FLASH_HIGHLIGHT = 'case-lens-flash';

/**
 * The name of the registered highlight an annotation is painted with. It
 * carries what an outside check reads of a highlight (entity, category,
 * verdict); the text is the range's. `__` separates the parts, which are
 * kebab-case themselves.
 */
export function highlightName(annotation: Annotation): string {
  const state = annotation.kind === 'value' ? `value-${annotation.verdict}` : annotation.kind;
  return `${PAINT_PREFIX}${annotation.entityId}__${annotation.category}__${state}`;
}

export interface PainterOptions {
  /** A highlight name is registered for the first time: the page style gives it its colours. */
  onName(name: string, annotation: Annotation): void;
}

/** Whether the browser paints registered ranges (Chromium 105+, Firefox 140+). */
export function canPaint(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/**
 * Shows annotations without changing the page's DOM: each mention is a live
 * Range in a registered highlight (CSS Custom Highlight API), painted by the
 * browser with `::highlight()` rules. Nothing is split, so nothing has to be
 * put back: the page's edits move the ranges as they move its text, and a
 * mention whose range no longer covers the text it was painted on (an edit
 * inside it, its text removed) is dropped when it is next read; the scan reads
 * the changed block again and paints what is there now.
 *
 * What a highlight means is this renderer's own memory: the registry is the
 * page's too, and a page can add highlights of any name.
 */
export class Painter implements Renderer {
  readonly kind = 'paint' as const;
  private readonly mentions = new Set<PaintedMention>();
  /** The mentions covering each text node, for the overlap test and hit testing. */
  private byNode = new WeakMap<Node, Set<PaintedMention>>();
  /** Registered highlights of ours, by name. */
  private readonly highlights = new Map<string, Highlight>();
  private readonly firsts = new DocumentOrderedList<PaintedMention>(
    (m) => this.mentions.has(m) && m.isConnected,
    compareMentions,
  );
  private flashing: Highlight | null = null;
  /** The page removed nodes: ranges inside them have collapsed, and go at the next read. */
  private mayHaveCollapsed = false;

  constructor(private readonly options: PainterOptions) {}

  get size(): number {
    return this.mentions.size;
  }

  all(): Mention[] {
    this.prune();
    return [...this.mentions];
  }

  annotationOf(target: unknown): Annotation | undefined {
    return target instanceof PaintedMention && this.mentions.has(target) ? target.annotation : undefined;
  }

  names(): Mention[] {
    return this.firsts.read().filter((m) => m.annotation.kind !== 'value');
  }

  contradictions(): Mention[] {
    return this.firsts.read().filter((m) => isContradiction(m.annotation));
  }

  wrap(placed: PlacedRange, annotation: Annotation): Mention[] {
    const { startNode, endNode, startOffset, endOffset } = placed;
    const nodes = placeableNodes(placed);
    if (nodes.length === 0) return [];
    const range = startNode.ownerDocument.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    // A range read before the page changed its text may now overlap a highlight: never two on one character.
    for (const node of nodes) {
      for (const other of this.byNode.get(node) ?? []) {
        if (!other.isConnected) this.drop(other);
        else if (overlap(other.range, range)) return [];
      }
    }
    const mention = new PaintedMention(range, annotation, range.toString());
    this.mentions.add(mention);
    for (const node of nodes) this.index(node, mention);
    this.highlightFor(annotation).add(range);
    this.firsts.add(mention);
    return [mention];
  }

  unwrap(select: (annotation: Annotation, mention: Mention) => boolean = () => true): number {
    let count = 0;
    for (const mention of [...this.mentions]) {
      if (!select(mention.annotation, mention)) continue;
      this.drop(mention);
      count += 1;
    }
    if (this.mentions.size === 0) {
      // Nothing of ours stays in the page's registry once nothing is painted.
      for (const name of this.highlights.keys()) CSS.highlights.delete(name);
      this.highlights.clear();
      this.byNode = new WeakMap();
      this.firsts.clear();
    }
    return count;
  }

  flash(mention: Mention, on: boolean): void {
    if (!(mention instanceof PaintedMention)) return;
    if (on) {
      if (!this.flashing) {
        this.flashing = new Highlight();
        this.flashing.priority = 1;
        CSS.highlights.set(FLASH_HIGHLIGHT, this.flashing);
      }
      this.flashing.add(mention.range);
      return;
    }
    this.flashing?.delete(mention.range);
    if (this.flashing?.size === 0) {
      CSS.highlights.delete(FLASH_HIGHLIGHT);
      this.flashing = null;
    }
  }

  /**
   * The mention under a point of the viewport: the text position nearest the
   * point, then the mentions covering that text node whose boxes hold the point
   * (the nearest position may be far from the point, in a margin).
   */
  mentionAt(x: number, y: number, shadowRoots: ShadowRoot[]): Mention | null {
    if (this.mentions.size === 0) return null;
    const node = textNodeAt(x, y, shadowRoots);
    if (!node) return null;
    for (const mention of this.byNode.get(node) ?? []) {
      if (!this.mentions.has(mention)) continue;
      for (const rect of mention.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) {
          return mention.isConnected ? mention : null;
        }
      }
    }
    return null;
  }

  resolve(node: Text, offset: number): { node: Text; offset: number } {
    return { node, offset };
  }

  /**
   * The page changed or removed a text node. The ranges covering it have moved
   * with the page's edit (a split, a merge, an insertion): a mention whose text
   * changed goes; the others are indexed under the nodes they cover now.
   */
  textChanged(node: Text): void {
    const covering = this.byNode.get(node);
    if (!covering) return;
    for (const mention of [...covering]) {
      if (!mention.isConnected) {
        this.drop(mention);
        continue;
      }
      const { range } = mention;
      const now = coveredTextNodes({
        startNode: range.startContainer as Text,
        startOffset: range.startOffset,
        endNode: range.endContainer as Text,
        endOffset: range.endOffset,
      });
      if (!now.includes(node)) covering.delete(mention);
      for (const other of now) this.index(other, mention);
    }
  }

  inserted(): { node: Text; held: string }[] {
    return [];
  }

  orderMayHaveChanged(): void {
    this.mayHaveCollapsed = true;
    this.firsts.invalidate();
  }

  restoreFrom(): void {}

  discardAfterRewrite(): boolean {
    return false;
  }

  discardFrom(): boolean {
    return false;
  }

  isCreatedText(): boolean {
    return false;
  }

  isFollowedByMark(): boolean {
    return false;
  }

  /** Drops the mentions whose ranges the page's removals collapsed or whose text its edits changed. */
  private prune(): void {
    if (!this.mayHaveCollapsed) return;
    this.mayHaveCollapsed = false;
    for (const mention of [...this.mentions]) if (!mention.isConnected) this.drop(mention);
  }

  private index(node: Node, mention: PaintedMention): void {
    let set = this.byNode.get(node);
    if (!set) {
      set = new Set();
      this.byNode.set(node, set);
    }
    set.add(mention);
  }

  private drop(mention: PaintedMention): void {
    if (!this.mentions.delete(mention)) return;
    this.firsts.invalidate();
    const name = highlightName(mention.annotation);
    const highlight = this.highlights.get(name);
    highlight?.delete(mention.range);
    this.flashing?.delete(mention.range);
    if (highlight?.size === 0) {
      CSS.highlights.delete(name);
      this.highlights.delete(name);
    }
    // The node index is left to forget it: its sets are read through `mentions`.
  }

  private highlightFor(annotation: Annotation): Highlight {
    const name = highlightName(annotation);
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
      this.options.onName(name, annotation);
    }
    return highlight;
  }
}

/** True when two ranges share at least one character. */
function overlap(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
  } catch {
    // The page moved one into another tree (a shadow root): they cannot share a character.
    return false;
  }
}

/** The text node nearest a point of the viewport, inside the open shadow roots we scan too. */
function textNodeAt(x: number, y: number, shadowRoots: ShadowRoot[]): Text | null {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): CaretPosition | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    const node = position?.offsetNode;
    return node instanceof Text ? node : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range?.startContainer instanceof Text ? range.startContainer : null;
}
