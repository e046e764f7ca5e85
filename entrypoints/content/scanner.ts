import type { Annotation, Annotator, RunAnnotations } from '@/facts/annotator';
import type { Category } from '@/facts/constants';
import { ContextGate } from './context-gate';
import { isDocumentEditable, isSkippedElement } from './dom-rules';
import type { Renderer } from './renderer';
import type { PlacedRange } from './placed-range';
import { MutationWatch } from './mutation-watch';
import { isInsideSkipped, locate, type TextRun, walkTextRuns } from './text-runs';
import { caseLensTimeline } from './timeline';

/** Longest stretch of scanning work per task, so the page stays responsive. */
const SLICE_MS = 8;
/** New content is scanned within this delay, in batches. */
const MUTATION_DELAY_MS = 100;
/**
 * While a long scan goes on, what it changed is reported at most this often;
 * the rest is reported when it catches up with the page. Each report counts
 * every highlight and may message the background (the toolbar badge): after
 * every slice of a large page, that was a tenth of the scan.
 */
const REPORT_EVERY_MS = 500;

/** Who sets the scanner's timers: script-timers.ts, whose timers do nothing once the extension has gone. */
export interface TimerOwner {
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface ScannerOptions {
  timers: TimerOwner;
  annotator: Annotator;
  highlighter: Renderer;
  isCategoryShown(category: Category): boolean;
  /** Called when the highlights changed: once the scan has caught up, and every REPORT_EVERY_MS while it goes on. */
  onChange?(): void;
  /** Called for each open shadow root the scan enters. */
  onShadowRoot?(shadow: ShadowRoot): void;
  /** The fact pack an entity comes from (undefined for the case): each pack is its own context. */
  packOf?(entityId: string): string | undefined;
}

/** A run being annotated, stretch by stretch. */
interface RunInProgress {
  run: TextRun;
  stretches: Generator<RunAnnotations, void, void>;
}

/**
 * Schedules the reading of a document: walks its text once, then whatever the
 * page adds or changes, in slices of at most SLICE_MS (each recorded as a
 * `case-lens:scan` measure), hands each run of text to the annotator, and
 * wraps what it returns. What to mark is the annotator's decision; whether the
 * document is about the case (for ambiguous names and case-wide values) is
 * kept here, from the blocks that name the case.
 */
export class Scanner {
  private readonly watch: MutationWatch;
  private walk: Generator<TextRun | null> | null = null;
  private inProgress: RunInProgress | null = null;
  private scheduled = false;
  private stopped = true;
  private timer: number | null = null;
  /** Highlights changed since the last report, and when that was. */
  private unreported = false;
  private reportedAt = 0;
  /** Whether this document is about the case, and what waits for it to be. */
  private readonly gate: ContextGate;

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {
    this.watch = new MutationWatch(doc, options.highlighter);
    this.gate = new ContextGate({
      ...options,
      place: (run, annotation) => this.place(run, annotation),
      wrapRun: (run, annotations) => this.wrapAll(run, annotations),
      rereadAll: () => this.watch.queueFullScan(),
      reread: (node) => this.watch.enqueue(node),
    });
  }

  get caseContext(): boolean {
    return this.gate.active;
  }

  /** True when no work is queued: the scan has caught up with the page. */
  get idle(): boolean {
    return !this.watch.hasWork && this.walk === null && this.inProgress === null && !this.scheduled;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.observe(this.doc);
    this.rescan();
  }

  stop(): void {
    this.stopped = true;
    this.unreported = false;
    this.watch.disconnect();
    this.walk = null;
    this.inProgress = null;
    this.gate.reset();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.scheduled = false;
  }

  destroy(): void {
    this.stop();
  }

  /** Scans the whole document again (existing highlights are left as they are). */
  rescan(): void {
    if (this.stopped) return;
    this.walk = null;
    this.inProgress = null;
    this.watch.queueFullScan();
    this.schedule(0);
  }

  /** The open shadow roots scanned so far: where painted highlights may be hit-tested too. */
  shadowRoots(): ShadowRoot[] {
    return this.watch.shadowRoots();
  }

  /** Runs a change of ours to the DOM without our observers seeing it as page activity. */
  quietly<T>(change: () => T): T {
    return this.watch.quietly(change);
  }

  /** The page attached an open shadow root to `host`, already in the document: scan and observe it too. */
  addShadowRootOf(host: Element): void {
    const shadow = host.shadowRoot;
    if (!shadow || this.stopped || this.watch.isObserved(shadow)) return;
    if (isSkippedElement(host) || isInsideSkipped(host, this.doc.documentElement)) return;
    this.addShadowRoot(shadow);
    this.schedule(MUTATION_DELAY_MS);
  }

  private readonly addShadowRoot = (shadow: ShadowRoot): void => {
    if (this.watch.isObserved(shadow) || this.stopped) return;
    if (shadow.host.tagName.startsWith('CASE-LENS-')) return;
    this.observe(shadow);
    this.options.onShadowRoot?.(shadow);
    this.watch.enqueue(shadow);
  };

  private observe(root: Document | ShadowRoot): void {
    this.watch.observe(root, (records) => {
      if (this.stopped) return;
      // Reading the page's changes is scanning work too (a rewrite can discard many pieces): it is measured,
      // but only the page's own changes count: a callback for our UI alone is not a scan.
      const startedAt = performance.now();
      // The page's changes are read first: an append to a text node we split is put at the end of its
      // whole text only while the pieces after it are still there to tell where that end is.
      const pageChanged = this.watch.read(records);
      // A document that became an editor (designMode) keeps none of our elements for its editor to save.
      if (isDocumentEditable(this.doc) && this.options.highlighter.size > 0) {
        this.quietly(() => this.options.highlighter.unwrap());
      }
      if (this.watch.hasWork || (this.watch.removedAny && this.gate.hadAnyContext)) this.schedule(MUTATION_DELAY_MS);
      if (pageChanged) caseLensTimeline.measure('case-lens:scan', startedAt, performance.now());
    });
  }

  private schedule(delay: number): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      this.scheduled = false;
      this.slice();
    }, delay);
  }

  private slice(): void {
    if (this.stopped) return;
    const startedAt = performance.now();
    this.watch.collect();
    if (isDocumentEditable(this.doc)) {
      // A rich-text editor's document (designMode): its text is the user's, never ours to wrap.
      this.watch.clear();
      this.walk = null;
      this.inProgress = null;
      if (this.options.highlighter.size > 0) this.quietly(() => this.options.highlighter.unwrap());
      return;
    }
    let changed = false;
    this.quietly(() => {
      while (performance.now() - startedAt < SLICE_MS) {
        if (this.inProgress) {
          if (this.continueRun(this.inProgress)) changed = true;
          continue;
        }
        if (!this.walk) {
          const root = this.watch.nextRoot();
          if (!root) break;
          this.walk = walkTextRuns(root, this.addShadowRoot);
        }
        const step = this.walk.next();
        if (step.done) this.walk = null;
        // A null step is the walk pausing inside a long run: the clock is read again.
        else if (step.value && step.value.text.length >= 2) this.beginRun(step.value);
      }
      if (!this.busy) {
        this.watch.removedAny = false;
        if (this.gate.reconcile()) changed = true;
      }
    });
    // The change report (the page's mention count) is work of this slice too: it goes into the measure.
    if (changed) this.unreported = true;
    const busy = this.busy;
    if (this.unreported && (!busy || startedAt - this.reportedAt >= REPORT_EVERY_MS)) {
      this.unreported = false;
      this.reportedAt = startedAt;
      this.options.onChange?.();
    }
    caseLensTimeline.measure('case-lens:scan', startedAt, performance.now());
    if (busy) this.schedule(0);
  }

  private get busy(): boolean {
    return this.inProgress !== null || this.walk !== null || this.watch.hasWork;
  }

  private beginRun(run: TextRun): void {
    this.inProgress = { run, stretches: this.options.annotator.annotate(run.text, this.gate.decider(run)) };
  }

  /** Annotates and wraps the next stretch of the run in progress; returns true when it wrapped anything. */
  private continueRun(progress: RunInProgress): boolean {
    const step = progress.stretches.next();
    if (step.done) {
      this.inProgress = null;
      return false;
    }
    const { run } = progress;
    const result = step.value;
    this.gate.hold(run, result);
    const wrapped = this.wrapAll(
      run,
      result.marks.filter((a) => this.options.isCategoryShown(a.category)),
    );
    const settled = this.gate.settle();
    return wrapped || settled;
  }

  private place(run: TextRun, annotation: Annotation): PlacedRange {
    const { highlighter } = this.options;
    const from = locate(run, annotation.start, false);
    const to = locate(run, annotation.end, true);
    // Earlier stretches of the run may have split these nodes already.
    const start = highlighter.resolve(from.node, from.offset);
    const end = highlighter.resolve(to.node, to.offset);
    return { startNode: start.node, startOffset: start.offset, endNode: end.node, endOffset: end.offset };
  }

  /** Wraps annotations of one run, last first: splitting a text node later on keeps earlier offsets valid. */
  private wrapAll(run: TextRun, annotations: Annotation[]): boolean {
    if (annotations.length === 0) return false;
    for (let i = annotations.length - 1; i >= 0; i -= 1) {
      this.options.highlighter.wrap(this.place(run, annotations[i]!), annotations[i]!);
    }
    return true;
  }
}
