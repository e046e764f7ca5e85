import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TimerOwner } from './scanner';

/**
 * Timers for what a page can make Case Lens do without end: a scan slice
 * after each batch of the page's changes, the check for `designMode` once a
 * second. As WXT's `ctx.setTimeout` does, each asks the context when it
 * fires whether the extension is still there (in Chrome, asking is how an
 * extension that was updated, reloaded or removed is noticed, and the page
 * side then takes itself down) and does nothing if not. Unlike it, none adds
 * an `abort` listener to the context's signal: WXT's adds one per call and
 * never removes it, so on a page that re-renders all day that list, and
 * what each listener held, grew for as long as the page stayed open.
 */
export function scriptTimers(ctx: ContentScriptContext): TimerOwner {
  return {
    setTimeout: (handler, timeout) =>
      window.setTimeout(() => {
        if (!ctx.isInvalid) handler();
      }, timeout),
  };
}
