import type { ClaimChecker, Finding } from '@/facts/claims';
import type { Hit } from '@/facts/lexicon';
import type { Matcher } from '@/facts/matcher/compile';
import type { Category } from '@/facts/schema';
import { isInlineElement, isSkippedElement, OWN_PREFIX } from './dom-rules';
import type { Highlighter, PlacedMatch } from './highlighter';
import { isInsideSkipped, locate, textRuns, type TextRun } from './text-runs';

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
  private current: Generator<TextRun> | null = null;
  private scheduled = false;
  private stopped = true;
  private readonly observers = new Map<Node, MutationObserver>();
  private readonly deferred: Deferred[] = [];
  private readonly pendingClaimRuns: { run: TextRun; text: string }[] = [];
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
    this.pendingClaimRuns.length = 0;
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
          this.current = textRuns(root, this.addShadowRoot);
        }
        const step = this.current.next();
        if (step.done) {
          this.current = null;
          continue;
        }
        if (this.processRun(step.value)) changed = true;
      }
    });
    performance.measure('case-lens:scan', { start: startedAt, end: performance.now() });
    if (this.current || this.queue.length > 0) this.schedule(0);
    if (changed) this.options.onChange?.();
  }

  private nextRoot(): Node | null {
    while (this.queue.length > 0) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      // A subtree already queued inside another queued subtree is read by the outer walk.
      if (this.queue.some((other) => other !== root && other.contains(root))) continue;
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
    const claims = this.options.claims;
    if (found.length === 0) {
      if (claims?.mayHold(run.text)) {
        if (this.hasCaseContext) return this.wrapAll(this.claimMatches(run, []));
        // A value in a sentence that names nobody can only be judged once the page is known to be about the case.
        if (this.pendingClaimRuns.length < MAX_PENDING_CLAIM_RUNS) this.pendingClaimRuns.push({ run, text: run.text });
      }
      return false;
    }
    let becameContext = false;
    if (!this.hasCaseContext && found.some((m) => !m.entry.needsContext)) {
      this.hasCaseContext = true;
      becameContext = true;
    }
    const toWrap: PlacedMatch[] = [];
    for (const m of found) {
      const placed = this.place(run, m.start, m.end, m.entry);
      // A known wrong form of a name is itself a contradicted claim.
      if (m.entry.wrongForm) placed.attributes = { 'data-claim': 'contradicted' };
      if (m.entry.needsContext && !this.hasCaseContext) {
        this.deferred.push({ match: placed, expected: run.text.slice(m.start, m.end) });
      } else if (this.options.isCategoryShown(m.entry.category)) {
        toWrap.push(placed);
      }
    }
    const shownNames = found.filter((m) => !m.entry.needsContext || this.hasCaseContext);
    toWrap.push(...this.claimMatches(run, shownNames));
    const wrapped = this.wrapAll(toWrap);
    if (becameContext) {
      this.flushDeferred();
      this.flushPendingClaims();
    }
    return wrapped || becameContext;
  }

  private place(run: TextRun, start: number, end: number, hit: Hit): PlacedMatch {
    const from = locate(run, start, false);
    const to = locate(run, end, true);
    return { hit, startNode: from.node, startOffset: from.offset, endNode: to.node, endOffset: to.offset };
  }

  /** Claim markers for a run, given the names shown in it; values inside a name are left to the name. */
  private claimMatches(run: TextRun, names: { start: number; end: number; entry: Hit }[]): PlacedMatch[] {
    const claims = this.options.claims;
    if (!claims) return [];
    const mentions = names.map((m) => ({ entityId: m.entry.entityId, category: m.entry.category, start: m.start, end: m.end }));
    const findings = claims.check(run.text, mentions, this.hasCaseContext);
    const out: PlacedMatch[] = [];
    for (const f of findings) {
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
    const ordered = [...matches].sort((a, b) => compareStart(a, b));
    for (let i = ordered.length - 1; i >= 0; i -= 1) this.options.highlighter.wrap(ordered[i]!);
    return true;
  }

  private flushPendingClaims(): void {
    for (const { run, text } of this.pendingClaimRuns.splice(0)) {
      if (!run.nodes.every((n) => n.isConnected) || run.nodes.map((n) => n.data).join('') !== text) continue;
      this.wrapAll(this.claimMatches(run, []));
    }
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

function claimAttributes(f: Finding): Record<string, string> {
  return { 'data-claim': f.verdict, 'data-claim-index': String(f.claimIndex), 'data-claim-kind': f.kind };
}

/** Document order of two matches' starts (nodes of one run are in document order). */
function compareStart(a: PlacedMatch, b: PlacedMatch): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
