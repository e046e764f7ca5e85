import type { Annotation } from '@/facts/annotator';
import { compareNodes, comparePoints } from './document-order';

/**
 * One highlight as the rest of the page side sees it, whichever renderer made
 * it: a wrapper element (wrap mode), or a painted range (paint mode). The
 * card places itself beside it, the navigator scrolls to it, the summary
 * reads its text. An HTMLElement is one as it is.
 */
export interface Mention {
  readonly textContent: string | null;
  readonly isConnected: boolean;
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  scrollIntoView(options?: ScrollIntoViewOptions): void;
}

/**
 * A highlight painted over a live range (CSS Custom Highlight API): the page's
 * DOM is not changed at all, and the range follows the page's edits. What it
 * covered when painted is kept, so that an edit that changed its text shows.
 */
export class PaintedMention implements Mention {
  /** The scan pass that last found this mention where it is (see Painter.wrap). */
  constructor(
    readonly range: Range,
    readonly annotation: Annotation,
    readonly text: string,
  ) {}

  /** For Floating UI: the element whose scroll containers move the card with the range. */
  get contextElement(): Element | undefined {
    const node = this.range.startContainer;
    return (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement) ?? undefined;
  }

  get textContent(): string {
    return this.range.toString();
  }

  /** Still in the document and still covering the text it was painted on. */
  get isConnected(): boolean {
    const { range } = this;
    return !range.collapsed && range.startContainer.isConnected && range.toString() === this.text;
  }

  getBoundingClientRect(): DOMRect {
    return this.range.getBoundingClientRect();
  }

  getClientRects(): DOMRectList {
    return this.range.getClientRects();
  }

  /**
   * Scrolls the range's element into view (a range has no scrollIntoView);
   * where that element is taller than the viewport, the window is scrolled
   * to the range itself.
   */
  scrollIntoView(options: ScrollIntoViewOptions = {}): void {
    const element = this.contextElement;
    if (!element) return;
    if (element.getBoundingClientRect().height <= innerHeight) {
      element.scrollIntoView(options);
      return;
    }
    const rect = this.range.getBoundingClientRect();
    const top = options.block === 'center' ? rect.top + rect.height / 2 - innerHeight / 2 : rect.top;
    scrollBy({ top, behavior: options.behavior });
  }
}

/** The node a mention stands at: the wrapper itself, or the text node a painted range starts in. */
export function mentionNode(mention: Mention): Node {
  return mention instanceof PaintedMention ? mention.range.startContainer : (mention as unknown as Node);
}

/** Document order of two mentions: negative when `a` comes first. */
export function compareMentions(a: Mention, b: Mention): number {
  if (a instanceof PaintedMention && b instanceof PaintedMention) {
    return comparePoints(
      { node: a.range.startContainer, offset: a.range.startOffset },
      { node: b.range.startContainer, offset: b.range.startOffset },
    );
  }
  return compareNodes(mentionNode(a), mentionNode(b));
}
