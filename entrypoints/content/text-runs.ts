import {
  FLOW_INLINE,
  FLOW_SKIPPED,
  flowOf,
  isInlineElement,
  isSkippedElement,
  SKIPPED_BY_ATTRIBUTE,
} from './dom-rules';

/**
 * The text of one line of flow: consecutive text nodes joined by inline
 * elements only. Names are matched inside a run, never across runs.
 */
export interface TextRun {
  nodes: Text[];
  /** Where each node's data starts in `text`. */
  starts: number[];
  text: string;
}

/** True when `node` sits inside something we never scan (an input, an editor, our UI). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (
    let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    if (isSkippedElement(el)) return true;
    if (el === root) break;
  }
  return false;
}

/**
 * The closest element at or above `el` that is not inline. With none (inline
 * elements at the top of a shadow root), the flow is the root's own: text there
 * and text inside its inline elements read as one line.
 */
function flowRoot(el: Element): Node {
  let top = el;
  for (let up: Element | null = el; up; up = up.parentElement) {
    if (!isInlineElement(up)) return up;
    top = up;
  }
  return top.parentNode ?? top;
}

/** The element whose flow a node belongs to (see `flowRoot`). */
export function nearestBlock(node: Node): Node | null {
  return node.parentElement ? flowRoot(node.parentElement) : node.parentNode;
}

const TEXT_NODE = 3;
/** Anything but white space (as `String.prototype.trim` sees it). */
const NOT_BLANK = /[^\s\ufeff\u00a0]/;

/**
 * True when `data` holds anything but white space. Most text nodes are either
 * prose, whose first character answers, or indentation between blocks (tabs,
 * spaces, line breaks), which a loop over a few character codes answers
 * without running the expression; anything else asks it.
 */
function hasNonBlank(data: string): boolean {
  for (let i = 0; i < data.length; i += 1) {
    const code = data.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    if (code > 32 && code < 127) return true;
    return NOT_BLANK.test(data.slice(i));
  }
  return false;
}

/**
 * Walks `root` once in document order and yields its text runs. Skipped
 * subtrees are never entered and end the current run; open shadow roots met
 * on the way are reported to `onShadowRoot` for their own walk.
 *
 * The walk is a TreeWalker without a filter, which steps through the DOM in
 * native code: with a JavaScript filter Blink calls back into the script for
 * every node (the README's performance notes give the cost), and stepping
 * by hand (firstChild, nextSibling, parentNode) costs a property read per step
 * that, from a content script's isolated world, looks the node's wrapper up in
 * a hash table. For the same reason a text node's block is remembered per
 * parent, and editors are found with one query instead of two attribute reads
 * per element.
 */
export function* textRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun> {
  for (const run of walkTextRuns(root, onShadowRoot)) if (run) yield run;
}

/** Nodes visited between two chances for the caller to stop (~1 ms of walking). */
const PAUSE_EVERY = 512;

/**
 * The walk behind `textRuns`, which also yields null every PAUSE_EVERY nodes,
 * so that a caller with a time budget can stop inside a long run: one page of
 * the corpus holds a single run of thousands of text nodes between inline
 * elements, too long to gather in one slice. A run gathered across such a pause is handed out only
 * if its text nodes still hold what was read; otherwise the page changed it,
 * and the mutation observers have queued it to be read again.
 */
export function* walkTextRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun | null> {
  if (root.nodeType === TEXT_NODE) {
    const text = root as Text;
    yield { nodes: [text], starts: [0], text: text.data };
    return;
  }
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  // The walker never shows its root: a host added with its shadow root already attached.
  const rootShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow && onShadowRoot) onShadowRoot(rootShadow);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const skippedByAttribute = new Set((root as ParentNode).querySelectorAll(SKIPPED_BY_ATTRIBUTE));
  /**
   * The block (nearest non-inline ancestor) of text inside `parent`. Text
   * nodes come in a row under one parent, and siblings of inline elements
   * under one block: the last answer is kept, and asked for again only for
   * another parent. (A Map keyed by node cost more than the walk: a DOM
   * wrapper gets an identity hash on first use.) Forgotten at every pause,
   * when the page may move elements.
   */
  let lastParent: Node | null = null;
  let lastParentBlock: Node | null = null;
  const blockOf = (parent: Node): Node => {
    if (parent === lastParent) return lastParentBlock!;
    lastParent = parent;
    lastParentBlock = parent instanceof Element && flowOf(parent) === FLOW_INLINE ? flowRoot(parent) : parent;
    return lastParentBlock;
  };

  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  /**
   * The run has more than white space. Runs of white space alone (the
   * indentation between blocks: three runs in four on large news and
   * encyclopedia pages) can hold no name and no claim, so they are dropped
   * here instead of being handed out.
   */
  let hasContent = false;
  /** The block of the run being gathered. */
  let runBlock: Node | null = null;
  /** A skipped element was passed since the last text: the run ends there. */
  let boundary = false;
  /** The current run was gathered across a pause. */
  let paused = false;
  /** Ends the current run: returns it, or null when it is white space only or changed during a pause. */
  const flush = (): TextRun | null => {
    length = 0;
    if (paused) {
      paused = false;
      if (nodes.some((n, i) => !n.isConnected || n.data !== parts[i])) hasContent = false;
    }
    if (!hasContent) {
      nodes.length = 0;
      starts.length = 0;
      parts.length = 0;
      return null;
    }
    hasContent = false;
    const run: TextRun = { nodes, starts, text: parts.length === 1 ? parts[0]! : parts.join('') };
    nodes = [];
    starts = [];
    parts = [];
    return run;
  };

  let node = walker.nextNode();
  let visited = 0;
  while (node) {
    if (++visited % PAUSE_EVERY === 0) {
      paused ||= nodes.length > 0;
      yield null;
      lastParent = null;
    }
    // `instanceof` is answered by the script engine; `nodeType` would be one more DOM call per node.
    if (node instanceof Text) {
      const block = blockOf(node.parentNode!);
      if (boundary || (nodes.length > 0 && block !== runBlock)) {
        boundary = false;
        const run = flush();
        if (run) yield run;
      }
      runBlock = block;
      const data = (node as Text).data;
      if (!hasContent) hasContent = hasNonBlank(data);
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    const flow = flowOf(el);
    if (flow === FLOW_SKIPPED || (skippedByAttribute.size > 0 && skippedByAttribute.has(el))) {
      boundary = true;
      // Past the skipped subtree: the next sibling, or that of the nearest ancestor that has one.
      node = walker.nextSibling();
      while (!node && walker.parentNode()) node = walker.nextSibling();
      continue;
    }
    // The shadow roots of skipped elements (editors, our own UI) are left alone too.
    if (onShadowRoot) {
      const shadow = el.shadowRoot;
      if (shadow) onShadowRoot(shadow);
    }
    // A block element begins: what came before is a finished run.
    if (flow !== FLOW_INLINE && nodes.length > 0) {
      const run = flush();
      if (run) yield run;
    }
    node = walker.nextNode();
  }
  const run = flush();
  if (run) yield run;
}

/** The text node and offset that hold character `index` of a run. */
export function locate(run: TextRun, index: number, isEnd: boolean): { node: Text; offset: number } {
  let lo = 0;
  let hi = run.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = run.starts[mid]!;
    // An end offset belongs to the node it closes, not to the next one.
    if (isEnd ? start < index : start <= index) lo = mid;
    else hi = mid - 1;
  }
  return { node: run.nodes[lo]!, offset: index - run.starts[lo]! };
}
