/** A position in the DOM: a node, and an offset inside it when it is text. */
export interface Point {
  node: Node;
  offset: number;
}

/**
 * Document order of two points: negative when `a` comes first. The one
 * comparator the page side uses (mentions, matches of a run, deferred matches).
 */
export function comparePoints(a: Point, b: Point): number {
  if (a.node === b.node) return a.offset - b.offset;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Document order of two nodes. */
export function compareNodes(a: Node, b: Node): number {
  return a === b ? 0 : comparePoints({ node: a, offset: 0 }, { node: b, offset: 0 });
}

/** The list is never compacted below this size: compacting a few nodes would cost more than it frees. */
const COMPACT_FLOOR = 256;

/**
 * Nodes kept in document order as they come, instead of sorting them all on
 * every read: the page's mentions are read after every scan slice, and a full
 * sort by compareDocumentPosition each time cost more than the scan itself on
 * pages with hundreds of mentions.
 */
export class DocumentOrderedList<T> {
  private ordered: T[] = [];
  /** Added since `ordered` was last brought up to date. */
  private unordered: T[] = [];
  /** Nodes were removed, or the page moved nodes: `ordered` must be rebuilt. */
  private stale = false;
  /** Past this many nodes held, those `keep` rejects are dropped. */
  private compactAt = COMPACT_FLOOR;

  /**
   * `keep` says which nodes still belong in the list. Without being read,
   * the list would hold every node ever added: on a page that replaces its
   * content all day, every removed subtree (one highlight holds its whole
   * paragraph), until a card or the popup asked for the order.
   */
  constructor(
    private readonly keep: (node: T) => boolean,
    /** Document order of two items (nodes by default; painted ranges compare their starts). */
    private readonly compare: (a: T, b: T) => number = compareNodes as (a: T, b: T) => number,
  ) {}

  add(node: T): void {
    this.unordered.push(node);
    if (this.ordered.length + this.unordered.length >= this.compactAt) this.compact();
  }

  /** The page removed or moved nodes: the order must be read again. */
  invalidate(): void {
    this.stale = true;
  }

  /** The nodes `keep` accepts, in document order. */
  read(): T[] {
    this.update(this.keep);
    return this.ordered.filter(this.keep);
  }

  clear(): void {
    this.ordered = [];
    this.unordered = [];
    this.stale = false;
  }

  /** Drops what `keep` rejects, order kept; the next compaction comes at twice what is left. */
  private compact(): void {
    this.ordered = this.ordered.filter(this.keep);
    this.unordered = this.unordered.filter(this.keep);
    this.compactAt = Math.max(COMPACT_FLOOR, 2 * (this.ordered.length + this.unordered.length));
  }

  private update(keep: (node: T) => boolean): void {
    if (this.stale) {
      // A node may have come back after it left (a wrapper the page put back): listed once.
      this.ordered = [...new Set([...this.ordered, ...this.unordered])].filter(keep).sort(this.compare);
      this.unordered = [];
      this.stale = false;
      return;
    }
    if (this.unordered.length === 0) return;
    const fresh = this.unordered.sort(this.compare);
    this.unordered = [];
    // The scan goes in document order, so new nodes usually follow all earlier ones.
    const lastKnown = this.ordered[this.ordered.length - 1];
    if (!lastKnown || this.compare(lastKnown, fresh[0]!) < 0) {
      this.ordered.push(...fresh);
      return;
    }
    for (const node of fresh) {
      let lo = 0;
      let hi = this.ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.compare(this.ordered[mid]!, node) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.ordered.splice(lo, 0, node);
    }
  }
}
