import { compareMentions, type Mention } from './mention';

/** Focus and position helpers for highlight wrappers, shared by the card and keyboard navigation. */

const ADDED_TABINDEX = 'data-case-lens-tabindex';

/**
 * Focuses a highlight without putting highlights in the page's tab order:
 * the wrapper gets `tabindex="-1"` only while it holds focus.
 */
export function focusMark(mention: Mention): void {
  // A painted highlight is no element and takes no focus: the card it opens does.
  if (!(mention instanceof HTMLElement)) return;
  const mark = mention;
  if (!mark.hasAttribute('tabindex')) {
    mark.setAttribute('tabindex', '-1');
    mark.setAttribute(ADDED_TABINDEX, '');
    mark.addEventListener(
      'blur',
      () => {
        if (!mark.hasAttribute(ADDED_TABINDEX)) return;
        mark.removeAttribute('tabindex');
        mark.removeAttribute(ADDED_TABINDEX);
      },
      { once: true },
    );
  }
  mark.focus({ preventScroll: true });
}

/**
 * The position of a highlight among mentions (first wrappers, in document
 * order). A later piece of a match that spans elements counts as the mention
 * it belongs to: the nearest first wrapper before it.
 */
export function mentionIndexOf(mentions: readonly Mention[], mark: Mention): number {
  const exact = mentions.indexOf(mark);
  if (exact >= 0 || !mark.isConnected) return exact;
  let found = -1;
  for (let i = 0; i < mentions.length; i += 1) {
    if (compareMentions(mentions[i]!, mark) < 0) found = i;
    else break;
  }
  return found;
}

export function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
