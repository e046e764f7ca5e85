// Wrapping as it was done with mark.js (markRanges on the match's parent
// element). Kept as the oracle for the DOM the hand-written wrapping must
// produce (tests/unit/highlighter.test.ts).
import Mark from 'mark.js';
import { MARK_TAG } from '../../../entrypoints/content/dom-rules';
import type { PlacedRange } from '../../../entrypoints/content/placed-range';
import type { Annotation } from '../../../facts/annotator';

interface MarkJsRange {
  start: number;
  length: number;
}

// mark.js leaves out text under these parents; offsets must be counted the same way.
const MARKJS_IGNORED_PARENTS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

function textOffsetWithin(context: Element, target: Text): number {
  const doc = context.ownerDocument;
  const it = doc.createNodeIterator(context, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = it.nextNode(); node; node = it.nextNode()) {
    if (node === target) return offset;
    const parent = node.parentNode as Element | null;
    if (parent && MARKJS_IGNORED_PARENTS.has(parent.nodeName)) continue;
    offset += (node as Text).data.length;
  }
  return -1;
}

function contextOf(match: PlacedRange): Element | null {
  if (match.startNode === match.endNode) return match.startNode.parentElement;
  const range = match.startNode.ownerDocument.createRange();
  range.setStart(match.startNode, 0);
  range.setEnd(match.endNode, 0);
  const common = range.commonAncestorContainer;
  return common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
}

/**
 * Wraps matches with mark.js and undoes the wrapping exactly.
 *
 * mark.js is handed one small context per match (the match's parent element),
 * never the whole page: its cost grows with the text it walks. It splits text
 * nodes so that the original node keeps the text before the match, a wrapper
 * holds the match and a new node holds the rest. Unwrapping reverses exactly
 * that (mark.js's own `unmark()` calls `normalize()`, which would also merge
 * the page's own adjacent text nodes), so the page gets back the same text
 * node objects with the same data.
 */
export class ReferenceHighlighter {
  /** Every wrapper we made, in creation order. */
  private readonly marks = new Set<HTMLElement>();
  /** The first wrapper of each match: one per mention, even when a match spans elements. */
  private readonly firsts = new WeakSet<HTMLElement>();
  /** Text nodes our splits created (the remainder after each wrapper). */
  private readonly created = new WeakSet<Text>();

  /** Wraps one match; returns the wrappers made (several when it spans inline elements). */
  wrap(match: PlacedRange, annotation: Annotation): HTMLElement[] {
    const context = contextOf(match);
    if (!context || !match.startNode.isConnected || !match.endNode.isConnected) return [];
    const start = textOffsetWithin(context, match.startNode);
    const endBase = textOffsetWithin(context, match.endNode);
    if (start < 0 || endBase < 0) return [];
    const from = start + match.startOffset;
    const to = endBase + match.endOffset;
    if (to <= from) return [];
    const made: HTMLElement[] = [];
    new Mark(context).markRanges<MarkJsRange>([{ start: from, length: to - from }], {
      element: MARK_TAG,
      exclude: [],
      each: (element) => {
        element.removeAttribute('data-markjs');
        // The attributes CONTRACT.md names, written here independently of the production code.
        element.setAttribute('data-entity', annotation.entityId);
        element.setAttribute('data-category', annotation.category);
        element.setAttribute('data-pack', (annotation.kind !== 'value' && annotation.pack) || 'case');
        if (annotation.kind === 'wrong-form') {
          element.setAttribute('data-wrong-form', String(annotation.aliasIndex));
          element.setAttribute('data-claim', 'contradicted');
        }
        const next = element.nextSibling;
        if (next instanceof Text) this.created.add(next);
        this.marks.add(element);
        made.push(element);
      },
    });
    if (made[0]) this.firsts.add(made[0]);
    return made;
  }
}
