import { isInlineElement, isSkippedElement } from './dom-rules';

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
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el === root) break;
  }
  return false;
}

/** The element whose flow a node belongs to: its closest ancestor that is not inline. */
export function nearestBlock(node: Node): Node | null {
  let el = node.parentElement;
  while (el && isInlineElement(el)) el = el.parentElement;
  return el ?? node.parentNode;
}

/**
 * Walks `root` once in document order and yields its text runs. Skipped
 * subtrees are rejected whole (the walker never enters them) and end the
 * current run; open shadow roots met on the way are reported to
 * `onShadowRoot` for their own walk.
 */
export function* textRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun> {
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  let boundary = false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (isSkippedElement(el)) {
        boundary = true;
        return NodeFilter.FILTER_REJECT;
      }
      if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
      return isInlineElement(el) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
    },
  });
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    yield { nodes: [text], starts: [0], text: text.data };
    return;
  }
  // The walker never shows its root to the filter: a host added with its shadow root already attached.
  const rootShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow && onShadowRoot) onShadowRoot(rootShadow);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let block: Node | null = null;
  const flush = (): TextRun | null => {
    if (nodes.length === 0) return null;
    const run: TextRun = { nodes, starts, text: parts.length === 1 ? parts[0]! : parts.join('') };
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    return run;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      // A block element begins: what came before is a finished run.
      const run = flush();
      if (run) yield run;
      continue;
    }
    const text = node as Text;
    const nodeBlock = nearestBlock(text);
    if (boundary || (nodes.length > 0 && nodeBlock !== block)) {
      boundary = false;
      const run = flush();
      if (run) yield run;
    }
    block = nodeBlock;
    nodes.push(text);
    starts.push(length);
    parts.push(text.data);
    length += text.data.length;
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
