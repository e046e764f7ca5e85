import { type Annotation, isContradiction } from '@/facts/annotator';
import { outputAttributes } from './mark-output';
import { FLASH_CLASS, MARK_TAG } from './dom-rules';
import { DocumentOrderedList } from './document-order';
import type { Mention } from './mention';
import type { Renderer } from './renderer';
import { placeableNodes, type PlacedRange } from './placed-range';
import { WrapperList } from './wrapper-list';

/**
 * Wraps annotated ranges, remembers what each wrapper means, and undoes the
 * wrapping exactly.
 *
 * What a wrapper means lives here, in memory, never in the DOM: a page can
 * write any attribute and insert elements of any name, so the card, the
 * popup's summary and the badge ask the highlighter, which knows only the
 * wrappers it made. The `data-*` attributes are output for readers.
 *
 * Each piece of a range is wrapped the way mark.js's `markRanges` did it: the
 * original text node keeps the text before the match (possibly empty), a
 * wrapper holds a new text node with the match, and a new node holds the rest
 * (possibly empty); see the README for why mark.js itself left.
 *
 * Unwrapping reverses exactly that (mark.js's own `unmark()` calls
 * `normalize()`, which would also merge the page's own adjacent text nodes),
 * so the page gets back the same text node objects with the same data.
 */
export class Highlighter implements Renderer {
  readonly kind = 'wrap' as const;
  /** Every wrapper we made: which elements are ours, and the list of those to unwrap. */
  private readonly marks = new WrapperList();
  /** What each wrapper means (every piece of a range shares its annotation). */
  private readonly annotations = new WeakMap<HTMLElement, Annotation>();
  /** Text nodes our splits created (the remainder after each wrapper). */
  private readonly created = new WeakSet<Text>();
  /** The page's text nodes we split: each keeps the text before a wrapper. */
  private readonly split = new WeakSet<Text>();
  /**
   * Per split text node: the remainder the last resolved point was in, and
   * how much text came before it. Unwrapping merges remainders away, so any
   * unwrap starts these afresh: a cursor left on a merged remainder would
   * send the next point into a node that is no longer in the document.
   */
  private cursors = new WeakMap<Text, { node: Text; skipped: number }>();
  /** What the text node before each wrapper held once we split it: the page's edits it made unseen show against it. */
  private readonly heldBefore = new WeakMap<HTMLElement, string>();
  /** The remainder each wrapper's split created. */
  private readonly remainders = new WeakMap<HTMLElement, Text>();
  /** The pieces of each wrapper's range, the first standing for the mention. */
  private readonly pieces = new WeakMap<HTMLElement, HTMLElement[]>();
  /** First wrappers (one per mention or value), kept in document order. */
  private readonly firsts = new DocumentOrderedList<HTMLElement>((m) => this.marks.isListed(m) && m.isConnected);
  /** Whether any text was ever wrapped here (wrappers the page removed are no longer listed, but may come back). */
  private wrappedAny = false;

  get size(): number {
    return this.marks.size;
  }

  /** Every wrapper of ours still in the document, any order. */
  all(): HTMLElement[] {
    return [...this.marks].filter((m) => m.isConnected);
  }

  /** What a wrapper of ours means; undefined for any other element, whatever its name and attributes. */
  annotationOf(target: unknown): Annotation | undefined {
    return target instanceof HTMLElement && this.marks.isOurs(target) ? this.annotations.get(target) : undefined;
  }

  /** The first wrapper of the range a wrapper of ours belongs to. */
  firstPieceOf(mark: HTMLElement): HTMLElement | undefined {
    return this.marks.isOurs(mark) ? this.pieces.get(mark)?.[0] : undefined;
  }

  /** One wrapper per mention of a name (right or wrong form), in document order. */
  names(): HTMLElement[] {
    return this.ordered((a) => a.kind !== 'value');
  }

  /** One wrapper per value the page states, in document order. */
  values(): HTMLElement[] {
    return this.ordered((a) => a.kind === 'value');
  }

  /** One wrapper per thing the page gets wrong (a wrong form of a name, a contradicted value), in document order. */
  contradictions(): HTMLElement[] {
    return this.ordered(isContradiction);
  }

  private ordered(select: (annotation: Annotation) => boolean): HTMLElement[] {
    return this.firsts.read().filter((m) => select(this.annotations.get(m)!));
  }

  /** Wraps one annotated range; returns the wrappers made (several when it spans inline elements). */
  wrap(range: PlacedRange, annotation: Annotation): HTMLElement[] {
    const { startOffset, endOffset } = range;
    const nodes = placeableNodes(range);
    if (nodes.length === 0) return [];
    // A range read before the page changed its text may now cover text we already wrapped: never nest.
    if (nodes.some((node) => this.marks.isOurs(node.parentElement))) return [];
    const made: HTMLElement[] = [];
    const last = nodes.length - 1;
    nodes.forEach((node, i) => {
      const from = i === 0 ? startOffset : 0;
      const to = i === last ? endOffset : node.length;
      // Empty pieces (an empty text node between, or a match starting at a node's end) are not wrapped.
      if (to <= from) return;
      made.push(this.wrapPiece(node, from, to, annotation));
    });
    // The first wrapper of each range stands for the mention, even when the range spans elements.
    if (made[0]) this.firsts.add(made[0]);
    for (const piece of made) this.pieces.set(piece, made);
    return made;
  }

  private wrapPiece(node: Text, from: number, to: number, annotation: Annotation): HTMLElement {
    const middle = node.splitText(from);
    const rest = middle.splitText(to - from);
    const element = node.ownerDocument.createElement(MARK_TAG);
    // Its attributes are set while it is out of the document (no style work for each), and it takes the
    // split-off node itself rather than a copy of its text.
    for (const [name, value] of outputAttributes(annotation)) element.setAttribute(name, value);
    middle.parentNode!.replaceChild(element, middle);
    element.appendChild(middle);
    if (!this.created.has(node)) this.split.add(node);
    this.created.add(rest);
    this.remainders.set(element, rest);
    this.heldBefore.set(element, node.data);
    this.wrappedAny = true;
    this.marks.add(element);
    this.annotations.set(element, annotation);
    return element;
  }

  /**
   * The page put `subtree` into the document. Wrappers of ours in it that were
   * pruned from the list while out of it are listed again. Returns the text
   * nodes before them that the page changed while they were away, where no
   * observer sees a change, each with what it held when we split it. A node
   * that holds the end of what it held was split by the page, which moves no
   * character, and is left alone. One query serves both.
   */
  inserted(subtree: Node): { node: Text; held: string }[] {
    if (!this.wrappedAny || subtree.nodeType !== Node.ELEMENT_NODE) return [];
    const element = subtree as HTMLElement;
    const found: ArrayLike<HTMLElement> =
      element.localName === MARK_TAG ? [element] : element.querySelectorAll<HTMLElement>(MARK_TAG);
    if (found.length === 0) return [];
    const back = this.marks.readopt(found);
    for (const mark of back) if (this.pieces.get(mark)?.[0] === mark) this.firsts.add(mark);
    if (back.length > 0) this.firsts.invalidate();
    const changed: { node: Text; held: string }[] = [];
    for (let i = 0; i < found.length; i += 1) {
      const mark = found[i]!;
      const held = this.marks.isOurs(mark) ? this.heldBefore.get(mark) : undefined;
      const node = mark.previousSibling;
      if (held === undefined || !(node instanceof Text) || held.endsWith(node.data)) continue;
      changed.push({ node, held });
    }
    return changed;
  }

  /** The page removed or moved nodes: the document order of the mentions must be read again. */
  orderMayHaveChanged(): void {
    this.firsts.invalidate();
  }

  /** Adds or removes the flash class (page-style.ts) that draws the eye to a wrapper. */
  flash(mention: Mention, on: boolean): void {
    if (!(mention instanceof HTMLElement)) return;
    if (!on) {
      mention.classList.remove(FLASH_CLASS);
      return;
    }
    // Restart the animation when the same mention is shown again.
    mention.classList.remove(FLASH_CLASS);
    void mention.offsetWidth;
    mention.classList.add(FLASH_CLASS);
  }

  /** Wrappers are elements: the pointer's own events find them. */
  mentionAt(): Mention | null {
    return null;
  }

  /** Wrapping reads a changed text node in the mutation watch (restoreFrom, discardAfterRewrite). */
  textChanged(): void {}

  /** Removes the wrappers `select` picks (all by default), merging text back. */
  unwrap(select: (annotation: Annotation, mark: HTMLElement) => boolean = () => true): number {
    // Newest first, so each wrapper's neighbours are the nodes its own split made.
    const chosen = [...this.marks].filter((m) => select(this.annotations.get(m)!, m)).reverse();
    if (chosen.length > 0) this.cursors = new WeakMap();
    for (const mark of chosen) this.unwrapOne(mark);
    return chosen.length;
  }

  private unwrapOne(mark: HTMLElement): void {
    this.marks.forget(mark);
    this.firsts.invalidate();
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
   * Merges back every wrapper and remainder that follows `source` (a text node
   * we split), so that it holds its whole text again, as the page wrote it.
   */
  restoreFrom(source: Text): void {
    // Whoever made `source` (we did, or the page split it off a node we split), it now holds the text
    // before our wrapper: the pieces are merged back into it, never put after it as a node of their own.
    this.split.add(source);
    const chain: HTMLElement[] = [];
    for (let node = source.nextSibling; node; node = node.nextSibling) {
      if (this.marks.isOurs(node)) chain.push(node);
      else if (!this.isCreatedText(node)) break;
    }
    // Newest first, as `unwrap` does; the other pieces of a match that spanned elements go with it.
    const partners = new Set(chain.flatMap((m) => this.pieces.get(m) ?? []));
    this.unwrap((_, mark) => partners.has(mark));
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
    this.cursors = new WeakMap();
    let current: Node | null = node;
    while (current && (this.isCreatedText(current) || this.marks.isOurs(current))) {
      const following: Node | null = current.nextSibling;
      if (this.marks.forget(current as HTMLElement)) {
        this.firsts.invalidate();
        partners.push(...(this.pieces.get(current as HTMLElement) ?? []));
      }
      (current as ChildNode).remove();
      current = following;
      removed = true;
    }
    // A match that spanned inline elements lost a piece: what remains of it no longer names anything.
    for (const piece of partners) if (this.marks.isOurs(piece)) this.unwrapOne(piece);
    return removed;
  }

  /**
   * Where a point the scan read (a text node and an offset in it) stands now
   * that wrapping may have split that node: past the node's new end, it is
   * in the remainder after our wrapper. A long run is annotated in stretches,
   * and each stretch is wrapped before the next is read.
   */
  resolve(node: Text, offset: number): { node: Text; offset: number } {
    let current = node;
    let rest = offset;
    // Stretches go forward: start from where the last point of this node was found, not from its start.
    const cursor = this.cursors.get(node);
    if (cursor && offset > cursor.skipped) {
      current = cursor.node;
      rest = offset - cursor.skipped;
    }
    while (rest > current.length) {
      const mark = current.nextSibling as HTMLElement | null;
      const remainder = this.marks.isOurs(mark) ? this.remainders.get(mark) : undefined;
      if (!remainder || mark!.nextSibling !== remainder) break;
      const past = current.length + (mark!.textContent?.length ?? 0);
      // A point read before the page changed this text can fall inside one of our wrappers: it stays past
      // the node's end, where no range can be placed, rather than at a negative offset in the remainder.
      if (rest < past) break;
      rest -= past;
      current = remainder;
    }
    if (current !== node) this.cursors.set(node, { node: current, skipped: offset - rest });
    return { node: current, offset: rest };
  }

  isCreatedText(node: Node): boolean {
    return node instanceof Text && this.created.has(node);
  }

  /** True when a wrapper of ours directly follows this text node. */
  isFollowedByMark(node: Text): boolean {
    return this.marks.isOurs(node.nextSibling);
  }
}
