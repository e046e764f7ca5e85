// The text-run walk as it was before it walked the DOM by hand: a TreeWalker
// with a filter. Kept as the oracle that the faster walk must agree with
// (tests/unit/highlighter.test.ts).
// Its rules are written here from the contract (what is never scanned) and the
// HTML elements that flow inside a line, not imported from the production walk.
import type { TextRun } from '../../../entrypoints/content/text-runs';

const INLINE =
  'a, abbr, b, bdi, bdo, cite, code, data, del, dfn, em, font, i, ins, kbd, label, mark, q, ruby, s, samp, small, span, strike, strong, sub, sup, time, tt, u, var, wbr';
const SKIPPED =
  'input, textarea, select, option, optgroup, script, style, noscript, title, template, iframe, frame, object, embed, canvas, video, audio, head, meta, link, button, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

function isInlineElement(el: Element): boolean {
  return el.namespaceURI === 'http://www.w3.org/1999/xhtml' && el.matches(INLINE);
}

/** Never entered: the contract's excluded contexts, SVG and MathML, and our own UI (`case-lens-*`). */
function isSkippedElement(el: Element): boolean {
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  return el.localName.startsWith('case-lens-') || el.matches(SKIPPED);
}

function nearestBlock(text: Text): Node | null {
  let el = text.parentElement;
  let top: Element | null = null;
  while (el && isInlineElement(el)) {
    top = el;
    el = el.parentElement;
  }
  // Inline elements at the top of a shadow root share the root's flow.
  return el ?? top?.parentNode ?? text.parentNode;
}

/**
 * Walks `root` once in document order and yields its text runs. Skipped
 * subtrees are rejected whole (the walker never enters them) and end the
 * current run; open shadow roots met on the way are reported to
 * `onShadowRoot` for their own walk.
 */
export function* referenceTextRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun> {
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
