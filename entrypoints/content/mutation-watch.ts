import { isInlineElement, isSkippedElement, MARK_TAG, OWN_PREFIX, SKIPPED_SELECTOR } from './dom-rules';
import type { Renderer } from './renderer';
import { mentionNode } from './mention';
import { isInsideSkipped } from './text-runs';

/** Past this many queued subtrees a mutation storm is answered by one full rescan. */
const STORM_THRESHOLD = 500;

function isOurs(node: Node): boolean {
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).tagName.startsWith('CASE-LENS-');
  return node.parentElement?.tagName.startsWith('CASE-LENS-') ?? false;
}

/** The smallest subtree whose text must be read again after `node` changed. */
function blockAround(node: Node): Node | null {
  let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return node.parentNode;
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(el)) return el;
  while (el.parentElement && (isInlineElement(el) || el.tagName.startsWith(OWN_PREFIX.toUpperCase())))
    el = el.parentElement;
  return el;
}

/** What each observer hears. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // What a split text node held: an append to it is told apart from a rewrite.
  characterDataOldValue: true,
  // A block that becomes an editor must lose its highlights before the editor reads them.
  attributes: true,
  attributeFilter: ['contenteditable', 'role'],
};

/**
 * Watches a document and its open shadow roots (one MutationObserver per
 * root) and keeps the queue of subtrees whose text must be read: each subtree
 * once, nested ones dropped, and past STORM_THRESHOLD one walk over everything
 * instead. Our own changes are made with the observers disconnected.
 */
export class MutationWatch {
  private readonly queue: Node[] = [];
  /** The same subtrees as `queue`, so that a node changed a thousand times is queued once. */
  private readonly queued = new Set<Node>();
  /** The root of a full walk that is queued and not yet begun: it will read whatever changes meanwhile. */
  private fullScanRoot: Node | null = null;
  private readonly observers = new Map<Document | ShadowRoot, MutationObserver>();
  /** Set when the page removed nodes (which may take the case context with them); the scanner clears it. */
  removedAny = false;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Renderer,
  ) {}

  get hasWork(): boolean {
    return this.queue.length > 0;
  }

  /** Inside `quietly`: the observers are disconnected. */
  private quietDepth = 0;

  isObserved(root: Document | ShadowRoot): boolean {
    return this.observers.has(root);
  }

  /** The open shadow roots observed (and scanned) so far. */
  shadowRoots(): ShadowRoot[] {
    return [...this.observers.keys()].filter((root): root is ShadowRoot => root instanceof ShadowRoot);
  }

  observe(root: Document | ShadowRoot, onRecords: (records: MutationRecord[]) => void): void {
    if (this.observers.has(root)) return;
    const observer = new MutationObserver(onRecords);
    observer.observe(root, OBSERVED);
    this.observers.set(root, observer);
  }

  disconnect(): void {
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.clear();
  }

  clear(): void {
    this.queue.length = 0;
    this.queued.clear();
    this.fullScanRoot = null;
  }

  enqueue(node: Node | null): void {
    if (!node || this.queued.has(node)) return;
    // A queued full walk reads everything, unless the page has since replaced the root it would walk;
    // except a shadow root observed after it was queued: the walk takes the roots it passes for
    // observed, and so read, and this one it does not list.
    if (this.fullScanRoot?.isConnected && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (this.queue.length >= STORM_THRESHOLD) {
      // A storm: one walk over everything costs less than thousands of small ones.
      this.queueFullScan();
      return;
    }
    this.queue.push(node);
    this.queued.add(node);
  }

  /** Replaces all queued work with one walk over the document and its known shadow roots. */
  queueFullScan(): void {
    this.clear();
    const top = this.doc.body ?? this.doc.documentElement;
    const roots: Node[] = [top];
    for (const root of this.observers.keys()) if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) roots.push(root);
    for (const root of roots) {
      this.queue.push(root);
      this.queued.add(root);
    }
    this.fullScanRoot = top;
  }

  /** The next queued subtree still worth walking, or null. */
  nextRoot(): Node | null {
    while (this.queue.length > 0) {
      const root = this.queue.shift()!;
      this.queued.delete(root);
      if (root === this.fullScanRoot) this.fullScanRoot = null;
      if (!root.isConnected) continue;
      // A subtree inside another queued subtree is read by the outer walk.
      if (this.hasQueuedAncestor(root)) continue;
      if (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element)) continue;
      if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && isInsideSkipped(root, this.doc.documentElement)) continue;
      return root;
    }
    return null;
  }

  /** Reads the records the observers hold now. */
  collect(): void {
    for (const observer of this.observers.values()) {
      const records = observer.takeRecords();
      if (records.length > 0) this.read(records);
    }
  }

  /**
   * Runs a change of ours to the DOM without the observers seeing it as page
   * activity. The page's changes so far are read first; then the observers
   * are disconnected for the change and connected again after it. Taking the
   * records of our own change and dropping them cost more: each wrapper's
   * splits made records, each with a copy of what the split node held, and
   * taking them built an object for every one. (Page code that runs inside
   * the change, a custom element's callbacks, went unheard before as well:
   * its records were dropped with ours.)
   */
  quietly<T>(change: () => T): T {
    if (this.quietDepth > 0) return change();
    this.collect();
    this.quietDepth += 1;
    for (const observer of this.observers.values()) observer.disconnect();
    try {
      return change();
    } finally {
      this.quietDepth -= 1;
      for (const [root, observer] of this.observers) {
        // An observer made during the change (a shadow root found by the walk) has heard it: that goes too.
        observer.takeRecords();
        observer.observe(root, OBSERVED);
      }
    }
  }

  /** Reads the page's changes; returns true when any of them was the page's own (not our UI). */
  read(records: MutationRecord[]): boolean {
    const { highlighter } = this;
    let pageChanged = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        const target = record.target as Element;
        if (isOurs(target)) continue;
        pageChanged = true;
        if (isSkippedElement(target)) {
          this.quietly(() => highlighter.unwrap((_, mark) => target.contains(mentionNode(mark))));
        } else this.enqueue(target);
        continue;
      }
      if (record.type === 'characterData') {
        const target = record.target as Text;
        if (isOurs(target)) continue;
        pageChanged = true;
        highlighter.textChanged(target);
        if (highlighter.isFollowedByMark(target)) this.quietly(() => this.readSplitNodeChange(target, record.oldValue));
        this.enqueue(blockAround(target));
        continue;
      }
      // Moved or removed nodes may change the order of the mentions (read by the card and the popup).
      if (record.removedNodes.length > 0) highlighter.orderMayHaveChanged();
      for (const removed of record.removedNodes) {
        this.removedAny = true;
        if (!isOurs(removed)) pageChanged = true;
        if (removed.nodeType === Node.TEXT_NODE) highlighter.textChanged(removed as Text);
        // The page removed a text node we had split: the pieces we made after it must go too.
        if (removed.nodeType === Node.TEXT_NODE && record.nextSibling && isOurs(record.nextSibling)) {
          this.quietly(() => highlighter.discardFrom(record.nextSibling!));
        }
      }
      for (const added of record.addedNodes) {
        // Edits the page made to our split nodes while they were out of the document reached no observer.
        for (const { node, held } of highlighter.inserted(added))
          this.quietly(() => this.readSplitNodeChange(node, held));
        if (isOurs(added) || highlighter.isCreatedText(added)) continue;
        pageChanged = true;
        if (added.nodeType !== Node.ELEMENT_NODE && added.nodeType !== Node.TEXT_NODE) continue;
        this.enqueue(blockAround(added));
      }
      // Nodes the page moves into an editor (or any context we never wrap) take no highlight there. Asked
      // once their highlights are ours again: those out of the document long enough were let go (`inserted`).
      if (record.addedNodes.length > 0 && highlighter.size > 0) this.unwrapInSkippedAdded(record);
    }
    return pageChanged;
  }

  /**
   * One rule for highlights the page moves: those an added subtree carries
   * into a context we never wrap (an editor, a form field...) go, whether the
   * place it was added to is such a context or the subtree is or holds one
   * (made editable while out of the document, where no observer heard it: found
   * by the page-mutation fuzzer).
   */
  private unwrapInSkippedAdded(record: MutationRecord): void {
    const root = this.doc.documentElement;
    const intoSkipped = isInsideSkipped(record.target, root);
    const carriers: Node[] = [];
    for (const node of record.addedNodes) {
      if (intoSkipped) {
        carriers.push(node);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || isOurs(node)) continue;
      const element = node as Element;
      // Only a subtree that brings wrappers back (painted ranges do not travel: taking their text out of
      // the document collapses them), and of those only one that is or holds such a context.
      if (element.querySelector(MARK_TAG) === null) continue;
      if (isSkippedElement(element) || element.querySelector(SKIPPED_SELECTOR) !== null) carriers.push(element);
    }
    if (carriers.length === 0) return;
    this.quietly(() =>
      this.highlighter.unwrap((_, mark) => {
        const node = mentionNode(mark);
        // From the highlight's parent: our own wrapper is a skipped element too.
        return carriers.some((added) => added.contains(node)) && isInsideSkipped(node.parentNode!, root);
      }),
    );
  }

  /**
   * The page changed a text node we had split (it holds only the text before
   * our first wrapper). A page that appends to a node it holds (chat logs,
   * tickers) means the whole text it wrote plus the new words: the pieces are
   * merged back and the words appended to the end. A rewrite (React sets the
   * whole value) makes the pieces after it stale: they go. The two can look
   * alike (a rewrite may keep the text before our wrapper), so an append is
   * taken only when the new words start with white space, as appended words
   * do and rendered text rarely does, and do not repeat our pieces' own text.
   */
  private readSplitNodeChange(target: Text, oldValue: string | null): void {
    const data = target.data;
    const appended = oldValue !== null && data.startsWith(oldValue) ? data.slice(oldValue.length) : '';
    const kept = target.nextSibling?.textContent ?? '';
    const isAppend = /^\s/.test(appended) && !(kept.length > 0 && appended.startsWith(kept));
    if (isAppend && oldValue !== null) {
      target.data = oldValue;
      this.highlighter.restoreFrom(target);
      target.appendData(appended);
      return;
    }
    this.highlighter.discardAfterRewrite(target);
  }

  private hasQueuedAncestor(node: Node): boolean {
    for (let up = node.parentNode; up; up = up.parentNode) if (this.queued.has(up)) return true;
    return false;
  }
}
