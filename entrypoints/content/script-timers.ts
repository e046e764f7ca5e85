import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TimerOwner } from './scanner';

/**
 * Timers that do nothing once the extension has gone (updated, reloaded or
 * removed), for the timers a page can make Case Lens set without end: a
 * scan slice after each batch of the page's changes, the check for
 * `designMode` once a second. WXT's `ctx.setTimeout` adds one `abort`
 * listener per call to the context's signal and never removes it, so on a
 * page that re-renders all day that list (and whatever each listener held)
 * grew for as long as the page stayed open. Here one listener serves them all.
 */
export function scriptTimers(ctx: ContentScriptContext): TimerOwner {
  let gone = false;
  ctx.onInvalidated(() => {
    gone = true;
  });
  return {
    setTimeout: (handler, timeout) =>
      window.setTimeout(() => {
        if (!gone) handler();
      }, timeout),
  };
}
