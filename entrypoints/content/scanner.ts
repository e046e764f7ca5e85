import type { Hit } from '@/facts/lexicon';
import type { Matcher } from '@/facts/matcher/compile';
import type { Category } from '@/facts/schema';
import { isInlineElement, isSkippedElement, OWN_PREFIX } from './dom-rules';
import type { Highlighter, PlacedMatch } from './highlighter';
import { isInsideSkipped, locate, walkTextRuns, type TextRun } from './text-runs';

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
}

interface Deferred {
  match: PlacedMatch;
  expected: string;
}

function textBetween(match: PlacedMatch): string | null {
  if (match.startNode !== match.endNode) return null;
  return match.startNode.data.slice(match.startOffset, match.endOffset);
}

/**
 * Finds case names in a document and hands them to the highlighter: one walk
 * over the text with one compiled matcher, in slices of at most ~8 ms, then
 * the same for whatever the page adds or changes later. Every slice is
 * recorded as a `case-lens:scan` performance measure.
 */
export class Scanner {
  private readonly queue: Node[] = [];
  private current: Generator<TextRun | null> | null = null;
  private scheduled = false;
  private stopped = true;
  private readonly observers = new Map<Node, MutationObserver>();
  private readonly deferred: Deferred[] = [];
  /** True once the page names the case unambiguously: ambiguous aliases may then be shown. */
  private hasCaseContext = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {}

  get caseContext(): boolean {
    return this.hasCaseContext;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.observe(this.doc);
    this.enqueue(this.doc.body ?? this.doc.documentElement);
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.queue.length = 0;
    this.current = null;
    this.deferred.length = 0;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.scheduled = false;
  }

  /** Scans the whole document again (existing highlights are left as they are). */
  rescan(): void {
    if (this.stopped) return;
    this.queue.length = 0;
    this.current = null;
    this.enqueue(this.doc.body ?? this.doc.documentElement);
    for (const root of this.observers.keys()) if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.enqueue(root);
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
    if (!node) return;
    if (this.queue.length >= STORM_THRESHOLD) {
      // A storm: one walk over everything costs less than thousands of small ones.
      this.queue.length = 0;
      this.queue.push(this.doc.body ?? this.doc.documentElement);
      for (const root of this.observers.keys()) if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.queue.push(root);
      return;
    }
    this.queue.push(node);
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observers.has(root)) return;
    const observer = new MutationObserver((records) => this.onMutations(records));
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
    while (el.parentElement && (isInlineElement(el) || el.tagName.startsWith(OWN_PREFIX.toUpperCase()))) el = el.parentElement;
    return el;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    const { highlighter } = this.options;
    for (const record of records) {
      if (record.type === 'characterData') {
        const target = record.target as Text;
        if (this.isOurs(target)) continue;
        if (highlighter.isFollowedByMark(target)) this.quietly(() => highlighter.discardAfterRewrite(target));
        this.enqueue(this.blockAround(target));
        continue;
      }
      // Moved or removed nodes may change the order of the mentions (read by the card and the popup).
      if (record.removedNodes.length > 0) highlighter.orderMayHaveChanged();
      for (const removed of record.removedNodes) {
        // The page removed a text node we had split: the pieces we made after it must go too.
        if (removed.nodeType === Node.TEXT_NODE && record.nextSibling && this.isOurs(record.nextSibling)) {
          this.quietly(() => highlighter.discardFrom(record.nextSibling!));
        }
      }
      for (const added of record.addedNodes) {
        if (this.isOurs(added) || highlighter.isCreatedText(added)) continue;
        if (added.nodeType !== Node.ELEMENT_NODE && added.nodeType !== Node.TEXT_NODE) continue;
        this.enqueue(this.blockAround(added));
      }
    }
    if (this.queue.length > 0) this.schedule(MUTATION_DELAY_MS);
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
    this.collectMutations();
    const startedAt = performance.now();
    let changed = false;
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
    });
    // The change report (the page's mention count) is work of this slice too: it goes into the measure.
    if (changed) this.options.onChange?.();
    performance.measure('case-lens:scan', { start: startedAt, end: performance.now() });
    if (this.current || this.queue.length > 0) this.schedule(0);
  }

  private nextRoot(): Node | null {
    while (this.queue.length > 0) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      // A subtree already queued inside another queued subtree is read by the outer walk.
      // Climbing the root's ancestors costs its depth; asking every queued node
      // whether it contains the root cost the queue's length, squared over a
      // mutation storm of hundreds of subtrees.
      if (this.hasQueuedAncestor(root)) continue;
      if (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element)) continue;
      if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && isInsideSkipped(root, this.doc.documentElement)) continue;
      return root;
    }
    return null;
  }

  private hasQueuedAncestor(node: Node): boolean {
    if (this.queue.length === 0) return false;
    for (let up = node.parentNode; up; up = up.parentNode) if (this.queue.includes(up)) return true;
    return false;
  }

  /** Matches one run; returns true when it wrapped anything. */
  private processRun(run: TextRun): boolean {
    if (run.text.length < 2) return false;
    const found = this.options.matcher.findAll(run.text);
    if (found.length === 0) return false;
    let becameContext = false;
    if (!this.hasCaseContext && found.some((m) => !m.entry.needsContext)) {
      this.hasCaseContext = true;
      becameContext = true;
    }
    const toWrap: PlacedMatch[] = [];
    for (const m of found) {
      const start = locate(run, m.start, false);
      const end = locate(run, m.end, true);
      const placed: PlacedMatch = {
        hit: m.entry,
        startNode: start.node,
        startOffset: start.offset,
        endNode: end.node,
        endOffset: end.offset,
      };
      if (m.entry.needsContext && !this.hasCaseContext) {
        this.deferred.push({ match: placed, expected: run.text.slice(m.start, m.end) });
      } else if (this.options.isCategoryShown(m.entry.category)) {
        toWrap.push(placed);
      }
    }
    // Last match first: splitting a text node later on keeps earlier offsets valid.
    for (let i = toWrap.length - 1; i >= 0; i -= 1) this.options.highlighter.wrap(toWrap[i]!);
    if (becameContext) this.flushDeferred();
    return toWrap.length > 0 || becameContext;
  }

  private flushDeferred(): void {
    const pending = this.deferred.splice(0).reverse();
    for (const { match, expected } of pending) {
      if (!match.startNode.isConnected || !match.endNode.isConnected) continue;
      const now = textBetween(match);
      if (now !== null && now !== expected) continue;
      if (!this.options.isCategoryShown(match.hit.category)) continue;
      this.options.highlighter.wrap(match);
    }
  }
}
