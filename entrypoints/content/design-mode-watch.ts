import { isDocumentEditable } from './dom-rules';
import type { TimerOwner } from './scanner';

/** How often a document with highlights is asked whether it became an editor. */
const CHECK_MS = 1000;

/**
 * Turning `document.designMode` on changes no attribute and no node, so no
 * MutationObserver record tells of it: a page that makes its document an
 * editor and then saves it without changing anything would save our
 * highlights as the reader's own text. While the document holds highlights,
 * it is asked once a second; with none, nothing runs.
 *
 * Returns `arm`, to call whenever highlights may have appeared.
 */
export function watchDesignMode(
  timers: TimerOwner,
  doc: Document,
  hasHighlights: () => boolean,
  onEditable: () => void,
): () => void {
  let armed = false;
  const check = () => {
    armed = false;
    if (!hasHighlights()) return;
    if (isDocumentEditable(doc)) onEditable();
    else arm();
  };
  const arm = () => {
    if (armed) return;
    armed = true;
    timers.setTimeout(check, CHECK_MS);
  };
  return arm;
}
