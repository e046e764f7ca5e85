/** A stretch of the DOM to wrap: the text nodes it starts and ends in. */
export interface PlacedRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * Whether both offsets fall within their nodes. A range read before the page
 * changed its text may not: a DOM Range given such an offset throws.
 */
export function inBounds({ startNode, startOffset, endNode, endOffset }: PlacedRange): boolean {
  return startOffset >= 0 && endOffset >= 0 && startOffset <= startNode.length && endOffset <= endNode.length;
}

/**
 * The text nodes a range covers, in document order: its start node, every
 * text node between, its end node. Empty when the end does not follow the start.
 */
export function coveredTextNodes(range: PlacedRange): Text[] {
  const { startNode, endNode } = range;
  if (startNode === endNode) return [startNode];
  const walker = startNode.ownerDocument.createTreeWalker(startNode.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = startNode;
  const nodes = [startNode];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    if (node === endNode) return nodes;
  }
  return [];
}

/**
 * The text nodes a range read earlier may still be placed on, in document
 * order; empty when it may not: a node left the document, an offset falls
 * outside its node, the end no longer follows the start, or nothing is
 * covered. Both renderers open with this before they place anything.
 */
export function placeableNodes(range: PlacedRange): Text[] {
  const { startNode, endNode, startOffset, endOffset } = range;
  if (!startNode.isConnected || !endNode.isConnected || !inBounds(range)) return [];
  const nodes = coveredTextNodes(range);
  if (nodes.length === 1 && endOffset <= startOffset) return [];
  return nodes;
}
