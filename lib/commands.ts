import { browser } from 'wxt/browser';
import { askTab, type ContentRequest, type StepDirection } from './messages';

/** The manifest's keyboard commands (rebindable in the browser's shortcut settings) and what they do. */
export const HIGHLIGHT_COMMANDS: Readonly<Record<string, StepDirection>> = Object.freeze({
  'next-highlight': 'next',
  'previous-highlight': 'previous',
});

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

export type StepSender = (
  tabId: number,
  request: Extract<ContentRequest, { type: 'step-highlight' }>,
) => Promise<unknown>;

/**
 * Hands a keyboard command to the content script of the tab it was pressed
 * in. Returns true when that page moved to a highlight; false for unknown
 * commands and pages without Case Lens (browser pages, the web store).
 */
export async function relayCommand(
  command: string,
  tab?: { id?: number },
  send: StepSender = askTab,
): Promise<boolean> {
  const direction = HIGHLIGHT_COMMANDS[command];
  if (!direction) return false;
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId === undefined) return false;
  try {
    return (await send(tabId, { type: 'step-highlight', direction })) === true;
  } catch {
    return false;
  }
}
