import type { ClaimChecker, Finding } from '@/facts/claims';
import type { Hit } from '@/facts/lexicon';
import type { Matcher } from '@/facts/matcher/compile';
import type { Category } from '@/facts/schema';
import { CaseContext } from './case-context';
import { isDocumentEditable, isInlineElement, isSkippedElement, OWN_PREFIX } from './dom-rules';
import type { Highlighter, PlacedMatch } from './highlighter';
import { isInsideSkipped, locate, nearestBlock, walkTextRuns, type TextRun } from './text-runs';

/** Longest stretch of scanning work per task, so the page stays responsive. */
const SLICE_MS = 8;
/** Past this many queued subtrees a mutation storm is answered by one full rescan. */
const STORM_THRESHOLD = 500;
/** New content is scanned within this delay, in batches. */
const MUTATION_DELAY_MS = 100;

export interface ScannerOptions {
  matcher: Matcher<Hit>;
  highlighter: Highlighter;
  isCategoryShown(category: Category): boolean;
  /** Called after each slice that changed the highlights. */
  onChange?(): void;
  /** Called for each open shadow root the scan enters. */
  onShadowRoot?(shadow: ShadowRoot): void;
  /** Checks the values a run states against the record (years, amounts, titles). */
  claims?: ClaimChecker;
  /** The category of an entity, for claim markers. */
  categoryOf?(entityId: string): Category | undefined;
}

/** Runs with values but no case name, read before the page showed it is about the case. */
const MAX_PENDING_CLAIM_RUNS = 300;

/**
 * Finds case names in a document and hands them to the highlighter: one walk
 * over the text with one compiled matcher, in slices of at most ~8 ms, then
 * the same for whatever the page adds or changes later. Every slice is
 * recorded as a `case-lens:scan` performance measure.
 */
export class Scanner {
  private readonly queue: Node[] = [];
  /** The same subtrees as `queue`, so that a node changed a thousand times is queued once. */
  private readonly queued = new Set<Node>();
  /** A full walk is queued and not yet begun: it will read whatever changes meanwhile. */
  private fullScanQueued = false;
  private current: Generator<TextRun | null> | null = null;
  private scheduled = false;
  private stopped = true;
  private readonly observers = new Map<Node, MutationObserver>();
  /** Whether this document is about the case: ambiguous aliases are shown only then. */
  private readonly context = new CaseContext();
  /** The context as of the last time the scan caught up with the page. */
  private hadContext = false;
  private readonly pendingClaimRuns: { run: TextRun; text: string }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {}

  get caseContext(): boolean {
    return this.context.active;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.observe(this.doc);
    this.queueFullScan();
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.queue.length = 0;
    this.queued.clear();
    this.fullScanQueued = false;
    this.current = null;
    this.context.reset();
    this.hadContext = false;
    this.pendingClaimRuns.length = 0;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.scheduled = false;
  }

  /** Scans the whole document again (existing highlights are left as they are). */
  rescan(): void {
    if (this.stopped) return;
    this.queueFullScan();
    this.schedule(0);
  }

  /** Runs a change of ours to the DOM without our observers seeing it as page activity. */
  quietly<T>(change: () => T): T {
    this.collectMutations();
    try {
      return change();
    } finally {
      for (const observer of this.observers.values()) observer.takeRecords();
    }
  }

  /** True when no work is queued: the scan has caught up with the page. */
  get idle(): boolean {
    return this.queue.length === 0 && this.current === null && !this.scheduled;
  }

  private enqueue(node: Node | null): void {
    if (!node || this.fullScanQueued || this.queued.has(node)) return;
    if (this.queue.length >= STORM_THRESHOLD) {
      // A storm: one walk over everything costs less than thousands of small ones.
      this.queueFullScan();
      return;
    }
    this.queue.push(node);
    this.queued.add(node);
  }

  /** Replaces all queued work with one walk over the document and its known shadow roots. */
  private queueFullScan(): void {
    this.queue.length = 0;
    this.queued.clear();
    this.current = null;
    const roots: Node[] = [this.doc.body ?? this.doc.documentElement];
    for (const root of this.observers.keys()) if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) roots.push(root);
    for (const root of roots) {
      this.queue.push(root);
      this.queued.add(root);
    }
    this.fullScanQueued = true;
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observers.has(root)) return;
    const observer = new MutationObserver((records) => {
      if (this.stopped) return;
      // Reading the page's changes is scanning work too (a rewrite can discard many pieces): it is measured.
      const startedAt = performance.now();
      // Only the page's own changes count: a callback for our UI alone is not a scan.
      if (this.onMutations(records))
        performance.measure('case-lens:scan', { start: startedAt, end: performance.now() });
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.set(root, observer);
  }

  private addShadowRoot = (shadow: ShadowRoot): void => {
    if (this.observers.has(shadow) || this.stopped) return;
    if (shadow.host.tagName.startsWith('CASE-LENS-')) return;
    this.observe(shadow);
    this.options.onShadowRoot?.(shadow);
    this.enqueue(shadow);
  };

  /** The page attached an open shadow root to `host`, already in the document: scan and observe it too. */
  addShadowRootOf(host: Element): void {
    const shadow = host.shadowRoot;
    if (!shadow || this.stopped || this.observers.has(shadow)) return;
    if (isSkippedElement(host) || isInsideSkipped(host, this.doc.documentElement)) return;
    this.addShadowRoot(shadow);
    this.schedule(MUTATION_DELAY_MS);
  }

  private collectMutations(): void {
    for (const observer of this.observers.values()) {
      const records = observer.takeRecords();
      if (records.length > 0) this.onMutations(records);
    }
  }

  private isOurs(node: Node): boolean {
    if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).tagName.startsWith('CASE-LENS-');
    return node.parentElement?.tagName.startsWith('CASE-LENS-') ?? false;
  }

  /** The smallest subtree whose text must be read again after `node` changed. */
  private blockAround(node: Node): Node | null {
    let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) return node.parentNode;
    if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(el)) return el;
    while (el.parentElement && (isInlineElement(el) || el.tagName.startsWith(OWN_PREFIX.toUpperCase())))
      el = el.parentElement;
    return el;
  }

  /** Reads the page's changes; returns true when any of them was the page's own (not our UI). */
  private onMutations(records: MutationRecord[]): boolean {
    if (this.stopped) return false;
    const { highlighter } = this.options;
    let removedAny = false;
    let pageChanged = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        const target = record.target as Text;
        if (this.isOurs(target)) continue;
        pageChanged = true;
        if (highlighter.isFollowedByMark(target)) this.quietly(() => highlighter.discardAfterRewrite(target));
        this.enqueue(this.blockAround(target));
        continue;
      }
      // Moved or removed nodes may change the order of the mentions (read by the card and the popup).
      if (record.removedNodes.length > 0) highlighter.orderMayHaveChanged();
      for (const removed of record.removedNodes) {
        removedAny = true;
        if (!this.isOurs(removed)) pageChanged = true;
        // The page removed a text node we had split: the pieces we made after it must go too.
        if (removed.nodeType === Node.TEXT_NODE && record.nextSibling && this.isOurs(record.nextSibling)) {
          this.quietly(() => highlighter.discardFrom(record.nextSibling!));
        }
      }
      for (const added of record.addedNodes) {
        if (this.isOurs(added) || highlighter.isCreatedText(added)) continue;
        pageChanged = true;
        if (added.nodeType !== Node.ELEMENT_NODE && added.nodeType !== Node.TEXT_NODE) continue;
        this.enqueue(this.blockAround(added));
      }
    }
    // Removed content may have taken the page's case context with it: a slice checks.
    if (this.queue.length > 0 || (removedAny && this.hadContext)) this.schedule(MUTATION_DELAY_MS);
    return pageChanged;
  }

  private schedule(delay: number): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.scheduled = false;
      this.slice();
    }, delay);
  }

  private slice(): void {
    if (this.stopped) return;
    const startedAt = performance.now();
    this.collectMutations();
    let changed = false;
    if (isDocumentEditable(this.doc)) {
      // A rich-text editor's document (designMode): its text is the user's, never ours to wrap.
      this.queue.length = 0;
      this.queued.clear();
      this.fullScanQueued = false;
      this.current = null;
      if (this.options.highlighter.size > 0) this.quietly(() => this.options.highlighter.unwrap());
      return;
    }
    this.quietly(() => {
      while (performance.now() - startedAt < SLICE_MS) {
        if (!this.current) {
          const root = this.nextRoot();
          if (!root) break;
          this.current = walkTextRuns(root, this.addShadowRoot);
        }
        const step = this.current.next();
        if (step.done) {
          this.current = null;
          continue;
        }
        // A null step is the walk pausing inside a long run: the clock is read again.
        if (step.value && this.processRun(step.value)) changed = true;
      }
      if (!this.current && this.queue.length === 0 && this.reconcileContext()) changed = true;
    });
    // The change report (the page's mention count) is work of this slice too: it goes into the measure.
    if (changed) this.options.onChange?.();
    performance.measure('case-lens:scan', { start: startedAt, end: performance.now() });
    if (this.current || this.queue.length > 0) this.schedule(0);
  }

  private hasQueuedAncestor(node: Node): boolean {
    for (let up = node.parentNode; up; up = up.parentNode) if (this.queued.has(up)) return true;
    return false;
  }

  private nextRoot(): Node | null {
    while (this.queue.length > 0) {
      const root = this.queue.shift()!;
      this.queued.delete(root);
      if (root === (this.doc.body ?? this.doc.documentElement)) this.fullScanQueued = false;
      if (!root.isConnected) continue;
      // A subtree inside another queued subtree is read by the outer walk. (Its ancestors are
      // few; the queue may hold hundreds of subtrees.)
      if (this.hasQueuedAncestor(root)) continue;
      if (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element)) continue;
      if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && isInsideSkipped(root, this.doc.documentElement)) continue;
      return root;
    }
    return null;
  }

  /** Matches one run; returns true when it wrapped anything. */
  private processRun(run: TextRun): boolean {
    if (run.text.length < 2) return false;
    const found = this.options.matcher.findAll(run.text);
    const { context } = this;
    if (found.length === 0) {
      if (this.options.claims?.mayHold(run.text)) {
        if (context.active) return this.wrapAll(this.claimMatches(run, [], true));
        // A value in a sentence that names nobody can be judged only once the page is known to be about the case.
        if (this.pendingClaimRuns.length < MAX_PENDING_CLAIM_RUNS) this.pendingClaimRuns.push({ run, text: run.text });
      }
      return false;
    }
    let block: Node | null = null;
    for (const m of found) {
      if (m.entry.needsContext) continue;
      block ??= nearestBlock(run.nodes[0]!) ?? run.nodes[0]!;
      context.note(m.entry.entityId, block);
    }
    const hasContext = context.active;
    const toWrap: PlacedMatch[] = [];
    for (const m of found) {
      const placed = this.place(run, m.start, m.end, m.entry);
      // A known wrong form of a name is itself a contradicted claim.
      if (m.entry.wrongForm) placed.attributes = { 'data-claim': 'contradicted' };
      if (m.entry.needsContext && !hasContext) {
        context.defer(placed, run.text.slice(m.start, m.end));
      } else if (this.options.isCategoryShown(m.entry.category)) {
        toWrap.push(placed);
      }
    }
    const shownNames = found.filter((m) => !m.entry.needsContext || hasContext);
    toWrap.push(...this.claimMatches(run, shownNames, hasContext));
    const wrapped = this.wrapAll(toWrap);
    const flushed = hasContext && context.pending > 0 && this.flushDeferred();
    const judged = hasContext && this.pendingClaimRuns.length > 0 && this.flushPendingClaims();
    return wrapped || flushed || judged;
  }

  private place(run: TextRun, start: number, end: number, hit: Hit): PlacedMatch {
    const from = locate(run, start, false);
    const to = locate(run, end, true);
    return { hit, startNode: from.node, startOffset: from.offset, endNode: to.node, endOffset: to.offset };
  }

  /** Claim markers for a run, given the names shown in it; values inside a name are left to the name. */
  private claimMatches(
    run: TextRun,
    names: { start: number; end: number; entry: Hit }[],
    caseContext: boolean,
  ): PlacedMatch[] {
    const claims = this.options.claims;
    if (!claims) return [];
    const mentions = names.map((m) => ({
      entityId: m.entry.entityId,
      category: m.entry.category,
      start: m.start,
      end: m.end,
    }));
    const out: PlacedMatch[] = [];
    for (const f of claims.check(run.text, mentions, caseContext)) {
      if (names.some((n) => f.start < n.end && n.start < f.end)) continue;
      const category = this.options.categoryOf?.(f.entityId);
      if (!category || !this.options.isCategoryShown(category)) continue;
      const placed = this.place(run, f.start, f.end, {
        entityId: f.entityId,
        category,
        needsContext: false,
        aliasIndex: -1,
        wrongForm: false,
      });
      placed.attributes = claimAttributes(f);
      out.push(placed);
    }
    return out;
  }

  /** Wraps matches of one run, last first: splitting a text node later on keeps earlier offsets valid. */
  private wrapAll(matches: PlacedMatch[]): boolean {
    if (matches.length === 0) return false;
    const ordered = [...matches].sort(compareStart);
    for (let i = ordered.length - 1; i >= 0; i -= 1) this.options.highlighter.wrap(ordered[i]!);
    return true;
  }

  /** Judges the runs that waited for context; returns true when it marked anything. */
  private flushPendingClaims(): boolean {
    let wrapped = false;
    for (const { run, text } of this.pendingClaimRuns.splice(0)) {
      if (!run.nodes.every((n) => n.isConnected) || run.nodes.map((n) => n.data).join('') !== text) continue;
      if (this.wrapAll(this.claimMatches(run, [], true))) wrapped = true;
    }
    return wrapped;
  }

  /** Wraps the ambiguous matches that waited for context; returns true when it wrapped anything. */
  private flushDeferred(): boolean {
    let wrapped = false;
    for (const match of this.context.takeDeferred()) {
      if (!this.options.isCategoryShown(match.hit.category)) continue;
      if (this.options.highlighter.wrap(match).length > 0) wrapped = true;
    }
    if (this.context.overflowed) {
      // Some matches found no room in the list: a walk finds them again, now with context.
      this.context.overflowed = false;
      this.queueFullScan();
    }
    return wrapped;
  }

  /**
   * Once the scan has caught up with the page: gives ambiguous names their
   * highlights when the page has become about the case, and takes them away
   * when it no longer is (its case content is gone). Returns true on a change.
   */
  private reconcileContext(): boolean {
    const { context } = this;
    const { highlighter } = this.options;
    if (!context.active && (this.hadContext || context.pending > 0)) {
      // The evidence holds a few blocks per entity; the highlights on the page are the rest of it.
      for (const mark of highlighter.all()) {
        const hit = highlighter.hitOf(mark);
        const block = nearestBlock(mark);
        if (hit && !hit.needsContext && block) context.note(hit.entityId, block);
      }
    }
    let changed = false;
    if (context.active) {
      if (context.pending > 0) changed = this.flushDeferred();
      // Context regained from the highlights already on the page also settles the values that waited for it.
      if (this.pendingClaimRuns.length > 0 && this.flushPendingClaims()) changed = true;
    } else if (this.hadContext) {
      const ambiguous = new Set(highlighter.all().filter((m) => highlighter.hitOf(m)?.needsContext));
      const blocks = new Set([...ambiguous].map((m) => nearestBlock(m)));
      changed = highlighter.unwrap((m) => ambiguous.has(m)) > 0;
      // Read again, their names wait for context like every other ambiguous name.
      for (const block of blocks) this.enqueue(block);
    }
    this.hadContext = context.active;
    return changed;
  }
}

function claimAttributes(f: Finding): Record<string, string> {
  return { 'data-claim': f.verdict, 'data-claim-index': String(f.claimIndex), 'data-claim-kind': f.kind };
}

/** Document order of two matches' starts (nodes of one run are in document order). */
function compareStart(a: PlacedMatch, b: PlacedMatch): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
