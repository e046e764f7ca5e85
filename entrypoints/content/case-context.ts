import type { PlacedMatch } from './highlighter';

/**
 * How many different case entities a document must name unambiguously before
 * its ambiguous names (Lazarus, RGB, GOP, Swift) are shown. One is not enough:
 * an essay on Lazarus of Bethany may say once that the Lazarus Group borrowed
 * the name, and that aside does not make its saint a hacker.
 */
export const CONTEXT_ENTITIES = 2;
/** Blocks remembered per entity as evidence; the newest are kept, as pages drop old content first. */
const EVIDENCE_PER_ENTITY = 4;
/** Ambiguous matches kept while a document has no context; past this a rescan finds the rest once it has. */
export const MAX_DEFERRED = 1000;

interface Deferred {
  match: PlacedMatch;
  expected: string;
}

/** The text a match covers now, or null when its nodes no longer hold those offsets. */
function textNow(match: PlacedMatch): string | null {
  const { startNode, startOffset, endNode, endOffset } = match;
  if (!startNode.isConnected || !endNode.isConnected) return null;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  if (startNode === endNode) return startNode.data.slice(startOffset, endOffset);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range.toString();
}

/** Later in the document first: wrapping in that order keeps the offsets of earlier matches valid. */
function lastFirst(a: Deferred, b: Deferred): number {
  const x = a.match;
  const y = b.match;
  if (x.endNode === y.endNode) return y.endOffset - x.endOffset;
  return x.endNode.compareDocumentPosition(y.endNode) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1;
}

/**
 * Whether one document (a frame is a document of its own) is about the case,
 * and the ambiguous matches that wait for it to be. The answer follows the
 * page: evidence is the blocks that name case entities unambiguously, and it
 * counts only while those blocks are in the document, so a single-page app
 * that swaps a case article for a keyboard review loses its context.
 */
export class CaseContext {
  private readonly evidence = new Map<string, Node[]>();
  private deferred: Deferred[] = [];
  private deferredAt = new WeakMap<Text, Set<number>>();
  /** Set when matches were dropped for want of room: only a rescan can find them again. */
  overflowed = false;

  /** Records that `block` names `entityId` unambiguously. */
  note(entityId: string, block: Node): void {
    const blocks = this.evidence.get(entityId) ?? [];
    if (blocks.includes(block)) return;
    const kept = blocks.filter((b) => b.isConnected);
    if (kept.length >= EVIDENCE_PER_ENTITY) kept.shift();
    kept.push(block);
    this.evidence.set(entityId, kept);
  }

  /** True while the document names at least CONTEXT_ENTITIES case entities unambiguously. */
  get active(): boolean {
    let named = 0;
    for (const blocks of this.evidence.values()) {
      if (blocks.some((b) => b.isConnected)) named += 1;
      if (named >= CONTEXT_ENTITIES) return true;
    }
    return false;
  }

  get pending(): number {
    return this.deferred.length;
  }

  /** Keeps an ambiguous match until the document has context; the same match found again is kept once. */
  defer(match: PlacedMatch, expected: string): void {
    const offsets = this.deferredAt.get(match.startNode);
    if (offsets?.has(match.startOffset)) return;
    if (this.deferred.length >= MAX_DEFERRED) {
      this.keep((d) => d.match.startNode.isConnected && d.match.endNode.isConnected);
      if (this.deferred.length >= MAX_DEFERRED) {
        this.overflowed = true;
        return;
      }
    }
    this.push({ match, expected });
  }

  /** Empties the list and returns the matches still on the page as they were found, in a safe order to wrap. */
  takeDeferred(): PlacedMatch[] {
    const valid = this.deferred.filter((d) => textNow(d.match) === d.expected);
    this.clearDeferred();
    return valid.sort(lastFirst).map((d) => d.match);
  }

  clearDeferred(): void {
    this.deferred = [];
    this.deferredAt = new WeakMap();
  }

  reset(): void {
    this.evidence.clear();
    this.clearDeferred();
    this.overflowed = false;
  }

  private push(entry: Deferred): void {
    this.deferred.push(entry);
    const { startNode, startOffset } = entry.match;
    const offsets = this.deferredAt.get(startNode);
    if (offsets) offsets.add(startOffset);
    else this.deferredAt.set(startNode, new Set([startOffset]));
  }

  private keep(predicate: (d: Deferred) => boolean): void {
    const kept = this.deferred.filter(predicate);
    this.clearDeferred();
    for (const d of kept) this.push(d);
  }
}
