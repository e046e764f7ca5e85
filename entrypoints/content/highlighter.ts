import type { Hit } from '@/facts/lexicon';
import { MARK_TAG } from './dom-rules';

/** A match located in the DOM: the text nodes it starts and ends in. */
export interface PlacedMatch {
  hit: Hit;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Extra attributes for the wrapper, e.g. `data-claim`. */
  attributes?: Record<string, string>;
}

/**
 * The text nodes a match covers, in document order: its start node, every
 * text node between, its end node. Empty when the end does not follow the start.
 */
function coveredTextNodes(match: PlacedMatch): Text[] {
  const { startNode, endNode } = match;
  if (startNode === endNode) return [startNode];
  const walker = startNode.ownerDocument.createTreeWalker(startNode.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = startNode;
  const nodes = [startNode];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    if (node === endNode) return nodes;
  }
  return [];
}

/**
 * Wraps matches and undoes the wrapping exactly.
 *
 * Each piece of a match is wrapped the way mark.js's `markRanges` did it, so
 * the DOM is the same as before: the original text node keeps the text before
 * the match (possibly empty), a wrapper holds a new text node with the match,
 * and a new node holds the rest (possibly empty). mark.js itself was dropped
 * from the content script: even on a one-sentence context a call cost ~100 µs
 * (its NodeIterator filter runs `element.matches()` for five selectors on every
 * text node, three times per step), 45-60 ms for the 450 mentions of a 1 MB
 * page, while the scanner already knows the exact nodes and offsets; splitting
 * them here costs a few microseconds a match.
 *
 * Unwrapping reverses exactly that (mark.js's own `unmark()` calls
 * `normalize()`, which would also merge the page's own adjacent text nodes),
 * so the page gets back the same text node objects with the same data.
 */
export class Highlighter {
  /** Every wrapper we made, in creation order. */
  private readonly marks = new Set<HTMLElement>();
  /** Text nodes our splits created (the remainder after each wrapper). */
  private readonly created = new WeakSet<Text>();
  /** The page's text nodes we split: each keeps the text before a wrapper. */
  private readonly split = new WeakSet<Text>();
  /** The remainder each wrapper's split created. */
  private readonly remainders = new WeakMap<HTMLElement, Text>();
  /** What each wrapper names, and the other pieces of its match. */
  private readonly hits = new WeakMap<HTMLElement, Hit>();
  private readonly pieces = new WeakMap<HTMLElement, HTMLElement[]>();
  /**
   * First wrappers (one per mention) in document order, kept sorted as they
   * come instead of sorting every wrapper on each call: the page's mention
   * count is read after every scan slice, and a full sort by
   * compareDocumentPosition each time cost more than the scan itself on pages
   * with hundreds of mentions.
   */
  private ordered: HTMLElement[] = [];
  /** First wrappers made since `ordered` was last brought up to date. */
  private unordered: HTMLElement[] = [];
  /** Wrappers were removed, or the page moved nodes: `ordered` must be rebuilt. */
  private orderStale = false;

  get size(): number {
    return this.marks.size;
  }

  all(): HTMLElement[] {
    return [...this.marks].filter((m) => m.isConnected);
  }

  /** One wrapper per mention, in document order. */
  mentions(): HTMLElement[] {
    this.updateOrder();
    return this.ordered.filter((m) => m.isConnected);
  }

  /** Wraps one match; returns the wrappers made (several when it spans inline elements). */
  wrap(match: PlacedMatch): HTMLElement[] {
    const { startNode, endNode, startOffset, endOffset } = match;
    if (!startNode.isConnected || !endNode.isConnected) return [];
    if (startOffset > startNode.length || endOffset > endNode.length) return [];
    const nodes = coveredTextNodes(match);
    if (nodes.length === 0 || (nodes.length === 1 && endOffset <= startOffset)) return [];
    const made: HTMLElement[] = [];
    const last = nodes.length - 1;
    nodes.forEach((node, i) => {
      const from = i === 0 ? startOffset : 0;
      const to = i === last ? endOffset : node.length;
      // Empty pieces (an empty text node between, or a match starting at a node's end) are not wrapped.
      if (to <= from) return;
      made.push(this.wrapPiece(node, from, to, match));
    });
    // The first wrapper of each match stands for the mention, even when the match spans elements.
    if (made[0]) this.unordered.push(made[0]);
    for (const piece of made) this.pieces.set(piece, made);
    return made;
  }

  hitOf(mark: HTMLElement): Hit | undefined {
    return this.hits.get(mark);
  }

  private wrapPiece(node: Text, from: number, to: number, match: PlacedMatch): HTMLElement {
    const middle = node.splitText(from);
    const rest = middle.splitText(to - from);
    const element = node.ownerDocument.createElement(MARK_TAG);
    element.textContent = middle.data;
    middle.parentNode!.replaceChild(element, middle);
    const { hit } = match;
    element.setAttribute('data-entity', hit.entityId);
    element.setAttribute('data-category', hit.category);
    if (hit.wrongForm) element.setAttribute('data-wrong-form', String(hit.aliasIndex));
    for (const [name, value] of Object.entries(match.attributes ?? {})) element.setAttribute(name, value);
    if (!this.created.has(node)) this.split.add(node);
    this.created.add(rest);
    this.remainders.set(element, rest);
    this.marks.add(element);
    this.hits.set(element, hit);
    return element;
  }

  /** The page removed or moved nodes: the document order of the mentions must be read again. */
  orderMayHaveChanged(): void {
    this.orderStale = true;
  }

  /** Brings `ordered` up to date: new first wrappers are merged in, removed ones dropped. */
  private updateOrder(): void {
    if (this.orderStale) {
      this.ordered = [...this.ordered, ...this.unordered].filter((m) => this.marks.has(m)).sort(compareOrder);
      this.unordered = [];
      this.orderStale = false;
      return;
    }
    if (this.unordered.length === 0) return;
    const fresh = this.unordered.sort(compareOrder);
    this.unordered = [];
    // The scan goes in document order, so new mentions usually follow all earlier ones.
    const lastKnown = this.ordered[this.ordered.length - 1];
    if (!lastKnown || compareOrder(lastKnown, fresh[0]!) < 0) {
      this.ordered.push(...fresh);
      return;
    }
    for (const mark of fresh) {
      let lo = 0;
      let hi = this.ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareOrder(this.ordered[mid]!, mark) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.ordered.splice(lo, 0, mark);
    }
  }

  /** Removes the wrappers `select` picks (all by default), merging text back. */
  unwrap(select: (mark: HTMLElement) => boolean = () => true): number {
    // Newest first, so each wrapper's neighbours are the nodes its own split made.
    const chosen = [...this.marks].filter(select).reverse();
    for (const mark of chosen) this.unwrapOne(mark);
    return chosen.length;
  }

  private unwrapOne(mark: HTMLElement): void {
    this.marks.delete(mark);
    this.orderStale = true;
    const parent = mark.parentNode;
    if (!parent) return;
    const prev = mark.previousSibling;
    // Only this wrapper's own remainder, and only where it still follows it: a remainder further on
    // belongs to another split, and a node the page put there is the page's.
    const own = this.remainders.get(mark);
    const remainder = own && mark.nextSibling === own ? own : null;
    const data = (mark.textContent ?? '') + (remainder?.data ?? '');
    remainder?.remove();
    if (prev instanceof Text && (this.split.has(prev) || this.created.has(prev))) {
      // The node it was split from (or a remainder that now holds the text before it).
      mark.remove();
      prev.appendData(data);
    } else {
      // The page removed or put something before it: the text goes back as a node of its own.
      const text = mark.ownerDocument.createTextNode(data);
      this.created.add(text);
      parent.replaceChild(text, mark);
    }
  }

  /**
   * The page rewrote a text node that we had split (React sets `nodeValue` on
   * the node it rendered). Its new value is the whole text, so the wrappers
   * and remainders after it are stale: remove them without merging.
   */
  discardAfterRewrite(source: Text): boolean {
    return source.nextSibling ? this.discardFrom(source.nextSibling) : false;
  }

  /**
   * Removes the run of our wrappers and remainders that begins at `node`:
   * what is left of a text node the page has rewritten or removed.
   */
  discardFrom(node: Node): boolean {
    let removed = false;
    const partners: HTMLElement[] = [];
    let current: Node | null = node;
    while (current && (this.isCreatedText(current) || this.marks.has(current as HTMLElement))) {
      const following: Node | null = current.nextSibling;
      if (this.marks.delete(current as HTMLElement)) {
        this.orderStale = true;
        partners.push(...(this.pieces.get(current as HTMLElement) ?? []));
      }
      (current as ChildNode).remove();
      current = following;
      removed = true;
    }
    // A match that spanned inline elements lost a piece: what remains of it no longer names anything.
    for (const piece of partners) if (this.marks.has(piece)) this.unwrapOne(piece);
    return removed;
  }

  isCreatedText(node: Node): boolean {
    return node instanceof Text && this.created.has(node);
  }

  /** True when a wrapper of ours directly follows this text node. */
  isFollowedByMark(node: Text): boolean {
    return this.marks.has(node.nextSibling as HTMLElement);
  }
}

/** Document order of two nodes. */
function compareOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
