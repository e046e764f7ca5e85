import type { Annotation, Annotator, ContextDecision, RunAnnotations } from '@/facts/annotator';
import type { Category } from '@/facts/constants';
import { CaseContext, contextOf } from './case-context';
import { mentionNode } from './mention';
import type { Renderer } from './renderer';
import type { PlacedRange } from './placed-range';
import { nearestBlock, type TextRun } from './text-runs';

/** Runs with values but no case name, read before the page showed it is about the case. */
const MAX_WAITING_VALUE_RUNS = 300;

export interface ContextGateOptions {
  annotator: Annotator;
  highlighter: Renderer;
  isCategoryShown(category: Category): boolean;
  /** Where an annotation of a run is in the DOM now. */
  place(run: TextRun, annotation: Annotation): PlacedRange;
  /** Wraps annotations of one run; true when it wrapped anything. */
  wrapRun(run: TextRun, annotations: Annotation[]): boolean;
  /** Queues a walk of the whole document. */
  rereadAll(): void;
  /** Queues one subtree to be read again. */
  reread(node: Node | null): void;
  /** The fact pack an entity comes from; undefined for the case. */
  packOf?(entityId: string): string | undefined;
}

/**
 * Whether one document is about the case, and what waits for it to be:
 * ambiguous names (Lazarus, RGB) and values stated in runs that name nobody.
 * When the document becomes about the case they are marked; when it stops
 * being (its case content is gone), the ambiguous highlights go.
 */
export class ContextGate {
  private readonly context: CaseContext;
  /** The packs (undefined: the case) the document was about, as of the last time the scan caught up with the page. */
  private hadContext = new Set<string | undefined>();
  /** Runs whose values wait for the document to be about the case. */
  private readonly waitingValueRuns: { run: TextRun; text: string }[] = [];

  constructor(private readonly options: ContextGateOptions) {
    this.context = new CaseContext(options.packOf);
  }

  /** Whether the document is about the case. */
  get active(): boolean {
    return this.context.active;
  }

  /** Whether it was about the case or a pack's subject when the scan last caught up: a removal may change that. */
  get hadAnyContext(): boolean {
    return this.hadContext.size > 0;
  }

  reset(): void {
    this.context.reset();
    this.hadContext.clear();
    this.waitingValueRuns.length = 0;
  }

  /** The annotator's question for one run: its unambiguous names become evidence, then the answer. */
  decider(run: TextRun): ContextDecision {
    let block: Node | null = null;
    return (named, pack) => {
      if (named.length > 0) {
        block ??= nearestBlock(run.nodes[0]!) ?? run.nodes[0]!;
        for (const id of named) this.context.note(id, block);
      }
      return this.context.activeFor(pack);
    };
  }

  /** Keeps what a stretch of a run left waiting for context. */
  hold(run: TextRun, result: RunAnnotations): void {
    for (const name of result.waiting) {
      this.context.defer(
        { range: this.options.place(run, name), annotation: name },
        run.text.slice(name.start, name.end),
      );
    }
    if (result.valuesWait && this.waitingValueRuns.length < MAX_WAITING_VALUE_RUNS) {
      this.waitingValueRuns.push({ run, text: run.text });
    }
  }

  /** With context, marks what waited for it; true when it marked anything. */
  settle(): boolean {
    const names = this.context.pending > 0 && this.context.pendingInContext() && this.flushWaitingNames();
    const values = this.waitingValueRuns.length > 0 && this.context.active && this.flushWaitingValues();
    return names || values;
  }

  /** Judges the runs whose values waited for context; returns true when it marked anything. */
  private flushWaitingValues(): boolean {
    let wrapped = false;
    for (const { run, text } of this.waitingValueRuns.splice(0)) {
      if (!run.nodes.every((n) => n.isConnected) || run.nodes.map((n) => n.data).join('') !== text) continue;
      for (const result of this.options.annotator.annotate(text, () => true)) {
        const values = result.marks.filter((a) => a.kind === 'value' && this.options.isCategoryShown(a.category));
        if (this.options.wrapRun(run, values)) wrapped = true;
      }
    }
    return wrapped;
  }

  /** Wraps the ambiguous names that waited for context; returns true when it wrapped anything. */
  private flushWaitingNames(): boolean {
    let wrapped = false;
    const { context, options } = this;
    for (const { range, annotation } of context.takeDeferred(
      (node, offset) => options.highlighter.resolve(node, offset),
      (pack) => context.activeFor(pack),
    )) {
      if (!this.options.isCategoryShown(annotation.category)) continue;
      if (this.options.highlighter.wrap(range, annotation).length > 0) wrapped = true;
    }
    if (this.context.overflowed) {
      // Some names found no room in the list: a walk finds them again, now with context.
      this.context.overflowed = false;
      this.options.rereadAll();
    }
    return wrapped;
  }

  /**
   * Once the scan has caught up with the page: gives ambiguous names their
   * highlights when the page has become about the case, and takes them away
   * when it no longer is (its case content is gone). Returns true on a change.
   */
  reconcile(): boolean {
    const { context } = this;
    const { highlighter } = this.options;
    // Only a context that was there, or that names wait for, is worth looking for among the highlights.
    const watched = [...this.hadContext, ...context.pendingPacks()];
    if (watched.some((pack) => !context.activeFor(pack))) {
      // The evidence holds a few blocks per entity; the highlights on the page are the rest of it.
      for (const mark of highlighter.all()) {
        const annotation = highlighter.annotationOf(mark);
        if (!annotation || (annotation.kind !== 'value' && annotation.needsContext)) continue;
        const block = nearestBlock(mentionNode(mark));
        if (block) context.note(annotation.entityId, block);
      }
    }
    let changed = false;
    if (context.pending > 0 && context.pendingInContext()) changed = this.flushWaitingNames();
    // Context regained from the highlights already on the page also settles the values that waited for it.
    if (context.active && this.waitingValueRuns.length > 0 && this.flushWaitingValues()) changed = true;
    const lost = new Set([...this.hadContext].filter((pack) => !context.activeFor(pack)));
    if (lost.size > 0) {
      const blocks = new Set<Node | null>();
      const unwrapped = highlighter.unwrap((annotation, mark) => {
        const ambiguous =
          annotation.kind !== 'value' && annotation.needsContext && lost.has(contextOf(annotation.pack));
        if (ambiguous) blocks.add(nearestBlock(mentionNode(mark)));
        return ambiguous;
      });
      if (unwrapped > 0) changed = true;
      // Read again, their names wait for context like every other ambiguous name.
      for (const block of blocks) this.options.reread(block);
    }
    const inPlay = context.packsInPlay();
    for (const pack of this.hadContext) inPlay.add(pack);
    this.hadContext = new Set([...inPlay].filter((pack) => context.activeFor(pack)));
    return changed;
  }
}
