import { browser } from 'wxt/browser';
import { pageMessages, type StepDirection, topFrameOf } from './messages';

/** The manifest's keyboard commands (rebindable in the browser's shortcut settings) and what they do. */
export const HIGHLIGHT_COMMANDS: Readonly<Record<string, StepDirection>> = Object.freeze({
  'next-highlight': 'next',
  'previous-highlight': 'previous',
});

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

export type StepSender = (tabId: number, direction: StepDirection) => Promise<boolean>;

const stepInTab: StepSender = (tabId, direction) =>
  pageMessages.sendMessage('stepHighlight', direction, topFrameOf(tabId));

/**
 * Hands a keyboard command to the content script of the tab it was pressed
 * in. Returns true when that page moved to a highlight; false for unknown
 * commands and pages without Case Lens (browser pages, the web store).
 */
export async function relayCommand(
  command: string,
  tab?: { id?: number },
  send: StepSender = stepInTab,
): Promise<boolean> {
  const direction = HIGHLIGHT_COMMANDS[command];
  if (!direction) return false;
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId === undefined) return false;
  try {
    return (await send(tabId, direction)) === true;
  } catch {
    return false;
  }
}
