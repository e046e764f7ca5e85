import type { NameAnnotation } from '@/facts/annotator';
import { comparePoints } from './document-order';
import { inBounds, type PlacedRange } from './placed-range';

/**
 * How many different case entities a document must name unambiguously before
 * its ambiguous names (Lazarus, RGB, GOP, Swift) are shown. One is not enough:
 * an essay on Lazarus of Bethany may say once that the Lazarus Group borrowed
 * the name, and that aside does not make its saint a hacker.
 */
export const CONTEXT_ENTITIES = 2;
/**
 * The context an entity's names count for and wait for. The case is one
 * subject; the imported catalogues (ATT&CK, MISP's galaxies, a vendor's
 * names) describe one other, threat actors and their tools, and one report
 * cites names from several of them ("APT28" from one, "Fancy Bear" from
 * another): they share a context, so that a page naming two groups makes the
 * ambiguous names of every catalogue apply, while the case's stay apart.
 */
export const CATALOGUE_CONTEXT = 'catalogues';
export function contextOf(pack: string | undefined): string | undefined {
  return pack === undefined ? undefined : CATALOGUE_CONTEXT;
}

/** Blocks remembered per entity as evidence; the newest are kept, as pages drop old content first. */
const EVIDENCE_PER_ENTITY = 4;
/** Ambiguous matches kept while a document has no context; past this a rescan finds the rest once it has. */
export const MAX_DEFERRED = 1000;

/** An ambiguous name located in the DOM, waiting for the document to be about the case. */
export interface WaitingName {
  range: PlacedRange;
  annotation: NameAnnotation;
}

interface Deferred extends WaitingName {
  expected: string;
}

/** The text a range covers now, or null when its nodes no longer hold those offsets. */
function textNow(placed: PlacedRange): string | null {
  const { startNode, startOffset, endNode, endOffset } = placed;
  if (!startNode.isConnected || !endNode.isConnected) return null;
  if (!inBounds(placed)) return null;
  if (startNode === endNode) return startNode.data.slice(startOffset, endOffset);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range.toString();
}

/** Later in the document first: wrapping in that order keeps the offsets of earlier matches valid. */
function lastFirst(a: Deferred, b: Deferred): number {
  return comparePoints(
    { node: b.range.endNode, offset: b.range.endOffset },
    { node: a.range.endNode, offset: a.range.endOffset },
  );
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
  /** How many deferred names each pack (undefined: the case) has: asked after every stretch, so kept, not counted. */
  private readonly deferredPerPack = new Map<string | undefined, number>();
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

  /**
   * The packs whose yes is kept until the end of the current task: the scan
   * asks for every stretch of text it reads (thousands in a slice on a long
   * page), and only the page, whose scripts run between our tasks, can take
   * evidence away.
   */
  private readonly activeInThisTask = new Set<string | undefined>();

  /**
   * @param packOf The fact pack an entity comes from (undefined for the case):
   *   its names are evidence for its pack's context alone (contextOf).
   */
  constructor(private readonly packOf: (entityId: string) => string | undefined = () => undefined) {}

  /** True while the document names at least CONTEXT_ENTITIES case entities unambiguously. */
  get active(): boolean {
    return this.activeFor(undefined);
  }

  /** The same for the context of a fact pack's entities (undefined: the case's; see contextOf). */
  activeFor(pack: string | undefined): boolean {
    pack = contextOf(pack);
    if (this.activeInThisTask.has(pack)) return true;
    let named = 0;
    for (const [entityId, blocks] of this.evidence) {
      if (contextOf(this.packOf(entityId)) !== pack) continue;
      if (blocks.some((b) => b.isConnected)) named += 1;
      if (named >= CONTEXT_ENTITIES) {
        if (this.activeInThisTask.size === 0) queueMicrotask(() => this.activeInThisTask.clear());
        this.activeInThisTask.add(pack);
        return true;
      }
    }
    return false;
  }

  /** Every pack (undefined: the case) with evidence or a waiting name: those whose context can change. */
  packsInPlay(): Set<string | undefined> {
    const packs = new Set<string | undefined>(this.deferredPerPack.keys());
    for (const entityId of this.evidence.keys()) packs.add(contextOf(this.packOf(entityId)));
    return packs;
  }

  /** The packs (undefined: the case) with names waiting for their context. */
  pendingPacks(): (string | undefined)[] {
    return [...this.deferredPerPack.keys()];
  }

  /** True when names wait for a context that is there now. */
  pendingInContext(): boolean {
    for (const pack of this.deferredPerPack.keys()) if (this.activeFor(pack)) return true;
    return false;
  }

  get pending(): number {
    return this.deferred.length;
  }

  /** Keeps an ambiguous match until the document has context; the same match found again is kept once. */
  defer(waiting: WaitingName, expected: string): void {
    const offsets = this.deferredAt.get(waiting.range.startNode);
    if (offsets?.has(waiting.range.startOffset)) return;
    if (this.deferred.length >= MAX_DEFERRED) {
      this.keep((d) => d.range.startNode.isConnected && d.range.endNode.isConnected);
      if (this.deferred.length >= MAX_DEFERRED) {
        this.overflowed = true;
        return;
      }
    }
    this.push({ ...waiting, expected });
  }

  /**
   * Takes from the list the names of the packs `take` accepts (by default
   * all) and returns those still on the page as they were found, in a safe
   * order to wrap. `resolve` says where a point stands now (wrapping other
   * names of the same run may have split its text node).
   */
  takeDeferred(
    resolve: (node: Text, offset: number) => { node: Text; offset: number },
    take: (pack: string | undefined) => boolean = () => true,
  ): WaitingName[] {
    const taken = this.deferred.filter((d) => take(d.annotation.pack));
    if (taken.length < this.deferred.length) {
      const left = new Set(taken);
      this.keep((d) => !left.has(d));
    } else this.clearDeferred();
    for (const d of taken) {
      const start = resolve(d.range.startNode, d.range.startOffset);
      const end = resolve(d.range.endNode, d.range.endOffset);
      d.range = { startNode: start.node, startOffset: start.offset, endNode: end.node, endOffset: end.offset };
    }
    const valid = taken.filter((d) => textNow(d.range) === d.expected);
    return valid.sort(lastFirst).map(({ range, annotation }) => ({ range, annotation }));
  }

  clearDeferred(): void {
    this.deferred = [];
    this.deferredAt = new WeakMap();
    this.deferredPerPack.clear();
  }

  reset(): void {
    this.evidence.clear();
    this.activeInThisTask.clear();
    this.clearDeferred();
    this.overflowed = false;
  }

  private push(entry: Deferred): void {
    this.deferred.push(entry);
    const pack = contextOf(entry.annotation.pack);
    this.deferredPerPack.set(pack, (this.deferredPerPack.get(pack) ?? 0) + 1);
    const { startNode, startOffset } = entry.range;
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
