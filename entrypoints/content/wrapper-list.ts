/** The list is never pruned below this size: pruning a few wrappers would cost more than it frees. */
export const PRUNE_FLOOR = 256;

/**
 * The wrappers a highlighter made. Which elements are ours is kept apart from
 * the list of those to unwrap (in creation order): the page can remove
 * wrappers, and a list holding every one it ever removed would keep each
 * removed subtree alive for the life of the page, which on a page that
 * replaces its content all day grows without end. So the list drops the
 * wrappers no longer in the document once it reaches twice the size it kept
 * the last time; they stay ours, and are listed again if the page puts them back.
 */
export class WrapperList {
  private readonly listed = new Set<HTMLElement>();
  private readonly ours = new WeakSet<HTMLElement>();
  private pruneAt = PRUNE_FLOOR;
  private prunedAny = false;

  get size(): number {
    return this.listed.size;
  }

  /** The listed wrappers, in creation order. */
  [Symbol.iterator](): IterableIterator<HTMLElement> {
    return this.listed.values();
  }

  add(mark: HTMLElement): void {
    this.listed.add(mark);
    this.ours.add(mark);
    if (this.listed.size >= this.pruneAt) this.prune();
  }

  /** Whether an element is a wrapper we made and have not forgotten, listed or not. */
  isOurs(element: Node | null): element is HTMLElement {
    return element !== null && this.ours.has(element as HTMLElement);
  }

  isListed(mark: HTMLElement): boolean {
    return this.listed.has(mark);
  }

  /** Forgets a wrapper that was unwrapped or discarded; true when it was ours. */
  forget(mark: HTMLElement): boolean {
    this.listed.delete(mark);
    return this.ours.delete(mark);
  }

  /** Of the wrappers the page just put back into the document, those pruned are listed again, and returned. */
  readopt(found: ArrayLike<HTMLElement>): HTMLElement[] {
    if (!this.prunedAny) return [];
    const back: HTMLElement[] = [];
    for (let i = 0; i < found.length; i += 1) {
      const mark = found[i]!;
      if (this.ours.has(mark) && !this.listed.has(mark)) back.push(mark);
    }
    for (const mark of back) this.listed.add(mark);
    return back;
  }

  private prune(): void {
    for (const mark of this.listed) {
      if (mark.isConnected) continue;
      this.listed.delete(mark);
      this.prunedAny = true;
    }
    this.pruneAt = Math.max(PRUNE_FLOOR, this.listed.size * 2);
  }
}
