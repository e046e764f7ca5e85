import Mark from 'mark.js';
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

interface MarkJsRange {
  start: number;
  length: number;
}

// mark.js leaves out text under these parents; offsets must be counted the same way.
const MARKJS_IGNORED_PARENTS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

function textOffsetWithin(context: Element, target: Text): number {
  const doc = context.ownerDocument;
  const it = doc.createNodeIterator(context, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = it.nextNode(); node; node = it.nextNode()) {
    if (node === target) return offset;
    const parent = node.parentNode as Element | null;
    if (parent && MARKJS_IGNORED_PARENTS.has(parent.nodeName)) continue;
    offset += (node as Text).data.length;
  }
  return -1;
}

function contextOf(match: PlacedMatch): Element | null {
  if (match.startNode === match.endNode) return match.startNode.parentElement;
  const range = match.startNode.ownerDocument.createRange();
  range.setStart(match.startNode, 0);
  range.setEnd(match.endNode, 0);
  const common = range.commonAncestorContainer;
  return common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
}

/**
 * Wraps matches with mark.js and undoes the wrapping exactly.
 *
 * mark.js is handed one small context per match (the match's parent element),
 * never the whole page: its cost grows with the text it walks. It splits text
 * nodes so that the original node keeps the text before the match, a wrapper
 * holds the match and a new node holds the rest. Unwrapping reverses exactly
 * that (mark.js's own `unmark()` calls `normalize()`, which would also merge
 * the page's own adjacent text nodes), so the page gets back the same text
 * node objects with the same data.
 */
export class Highlighter {
  /** Every wrapper we made, in creation order. */
  private readonly marks = new Set<HTMLElement>();
  /** The first wrapper of each match: one per mention, even when a match spans elements. */
  private readonly firsts = new WeakSet<HTMLElement>();
  /** Text nodes our splits created (the remainder after each wrapper). */
  private readonly created = new WeakSet<Text>();
  /** The page's text nodes we split: each keeps the text before a wrapper. */
  private readonly split = new WeakSet<Text>();
  /** The remainder each wrapper's split created. */
  private readonly remainders = new WeakMap<HTMLElement, Text>();
  /** What each wrapper names, and the other pieces of its match. */
  private readonly hits = new WeakMap<HTMLElement, Hit>();
  private readonly pieces = new WeakMap<HTMLElement, HTMLElement[]>();

  get size(): number {
    return this.marks.size;
  }

  all(): HTMLElement[] {
    return [...this.marks].filter((m) => m.isConnected);
  }

  /** One wrapper per mention, in document order. */
  mentions(): HTMLElement[] {
    return [...this.marks]
      .filter((m) => this.firsts.has(m) && m.isConnected)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Wraps one match; returns the wrappers made (several when it spans inline elements). */
  wrap(match: PlacedMatch): HTMLElement[] {
    const context = contextOf(match);
    if (!context || !match.startNode.isConnected || !match.endNode.isConnected) return [];
    const start = textOffsetWithin(context, match.startNode);
    const endBase = textOffsetWithin(context, match.endNode);
    if (start < 0 || endBase < 0) return [];
    const from = start + match.startOffset;
    const to = endBase + match.endOffset;
    if (to <= from) return [];
    const made: HTMLElement[] = [];
    const { hit } = match;
    new Mark(context).markRanges<MarkJsRange>([{ start: from, length: to - from }], {
      element: MARK_TAG,
      exclude: [],
      each: (element) => {
        element.removeAttribute('data-markjs');
        element.setAttribute('data-entity', hit.entityId);
        element.setAttribute('data-category', hit.category);
        if (hit.wrongForm) element.setAttribute('data-wrong-form', String(hit.aliasIndex));
        for (const [name, value] of Object.entries(match.attributes ?? {})) element.setAttribute(name, value);
        const prev = element.previousSibling;
        const next = element.nextSibling;
        if (prev instanceof Text && !this.created.has(prev)) this.split.add(prev);
        if (next instanceof Text) {
          this.created.add(next);
          this.remainders.set(element, next);
        }
        this.marks.add(element);
        this.hits.set(element, hit);
        made.push(element);
      },
    });
    if (made[0]) this.firsts.add(made[0]);
    for (const piece of made) this.pieces.set(piece, made);
    return made;
  }

  hitOf(mark: HTMLElement): Hit | undefined {
    return this.hits.get(mark);
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
      if (this.marks.delete(current as HTMLElement)) partners.push(...(this.pieces.get(current as HTMLElement) ?? []));
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
