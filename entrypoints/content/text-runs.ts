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

/** The element (or root) whose line of flow text directly inside `node` belongs to. */
function blockAround(node: Node): Node {
  if (node.nodeType !== Node.ELEMENT_NODE) return node;
  let el: Element | null = node as Element;
  while (el && isInlineElement(el)) el = el.parentElement;
  return el ?? node.parentNode ?? node;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Walks `root` once in document order and yields its text runs. Skipped
 * subtrees are never entered and end the current run; open shadow roots met
 * on the way are reported to `onShadowRoot` for their own walk.
 *
 * The walk follows firstChild/nextSibling itself instead of using a
 * TreeWalker with a filter: Blink calls a JavaScript filter through its
 * callback machinery for every node, which cost ~2 µs a node (50 ms on a 1 MB
 * encyclopedia page), while a property read costs a few nanoseconds. Walking
 * by hand also tells us when we leave an element, so the block that a text
 * node belongs to comes from a stack instead of a climb through its ancestors.
 */
export function* textRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun> {
  if (root.nodeType === TEXT_NODE) {
    const text = root as Text;
    yield { nodes: [text], starts: [0], text: text.data };
    return;
  }
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  /** The block of the run being gathered. */
  let runBlock: Node | null = null;
  /** A skipped element was passed since the last text: the run ends there. */
  let boundary = false;
  /** Block elements we are inside of, innermost last. */
  const blocks: Node[] = [blockAround(root)];
  const flush = (): TextRun => {
    const run: TextRun = { nodes, starts, text: parts.length === 1 ? parts[0]! : parts.join('') };
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    return run;
  };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend: Node | null = null;
    if (node.nodeType === TEXT_NODE) {
      let block = blocks[blocks.length - 1]!;
      // With no block element above it inside a shadow root, a text node's
      // block is its parent (as it always was; inline siblings at the top of a
      // shadow root are not joined).
      if (block.nodeType !== ELEMENT_NODE) block = node.parentNode!;
      if (boundary || (nodes.length > 0 && block !== runBlock)) {
        boundary = false;
        if (nodes.length > 0) yield flush();
      }
      runBlock = block;
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (onShadowRoot) {
        const shadow = el.shadowRoot;
        if (shadow) onShadowRoot(shadow);
      }
      if (isSkippedElement(el)) {
        boundary = true;
      } else if (isInlineElement(el)) {
        descend = el.firstChild;
      } else {
        // A block element begins: what came before is a finished run.
        if (nodes.length > 0) yield flush();
        descend = el.firstChild;
        if (descend) blocks.push(el);
      }
    }
    if (descend) {
      node = descend;
      continue;
    }
    // Next in document order: a sibling, or the sibling of the nearest ancestor that has one.
    while (node && node !== root) {
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentNode;
      if (node === blocks[blocks.length - 1] && blocks.length > 1) blocks.pop();
    }
    if (node === root) break;
  }
  if (nodes.length > 0) yield flush();
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
