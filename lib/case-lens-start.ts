/**
 * How a frame's scout asks for the rest of Case Lens, and how it is given:
 * the background (or the popup, for the tab it was opened on) injects
 * case-lens.js into that one frame. Injection needs `scripting` and host
 * permissions equal to the content scripts' match patterns, which add no
 * install warning.
 */
import { browser } from 'wxt/browser';

export { CANDIDATE_REPORT, isCandidateReport } from './candidate-report';

/** The bundle that runs Case Lens in a page (entrypoints/case-lens.ts). */
export const CASE_LENS_SCRIPT = '/case-lens.js';

/** Starts Case Lens in one frame of a tab; false when the browser refuses (a closed tab, a browser page). */
export async function startCaseLensIn(tabId: number, frameId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CASE_LENS_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks a tab's top frame through `ask`; when nothing answers there (its scout
 * saw no case name, so Case Lens never started), starts Case Lens in it and
 * asks again until it answers or `waitMs` passes. For the popup: a reader who
 * opens it on a page is asking about that page.
 */
export async function askStartingCaseLens<T>(tabId: number, ask: () => Promise<T>, waitMs = 3000): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!(await startCaseLensIn(tabId, 0))) throw error;
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
