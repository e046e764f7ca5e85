import type { Page } from '@playwright/test';
import type { Harness } from './extension';

/**
 * What the tests ask of the extension's own service worker: the browser API
 * as the background sees it. The functions below run inside the worker.
 */
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  storage: {
    local: {
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      clear(): Promise<void>;
    };
    onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

/**
 * The browser's tab id of a page. The extension holds no `tabs` permission, so
 * tabs carry no URLs: bring the page to the front and ask for the active tab.
 */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await h.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/**
 * Asks a tab's top frame what the popup and the keyboard commands ask (lib/messages.ts), in
 * @webext-core/messaging's envelope, and returns the answer.
 */
export async function askPage(h: Harness, tabId: number, type: string, data?: unknown): Promise<unknown> {
  const message = { id: 1, type, data, timestamp: Date.now() };
  return ((await sendToTab(h, tabId, message)) as { res?: unknown } | undefined)?.res;
}

/** Sends a message to a tab's top frame exactly as the background does. */
export function sendToTab(h: Harness, tabId: number, message: unknown): Promise<unknown> {
  return h.worker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m, { frameId: 0 }), [tabId, message] as const);
}

export function readStorage(h: Harness, keys: string[]): Promise<Record<string, unknown>> {
  return h.worker.evaluate((k) => chrome.storage.local.get(k), keys);
}

export function writeStorage(h: Harness, items: Record<string, unknown>): Promise<void> {
  return h.worker.evaluate((i) => chrome.storage.local.set(i), items);
}

/** Empties the extension's storage: a fresh install's settings. */
export function clearStorage(h: Harness): Promise<void> {
  return h.worker.evaluate(() => chrome.storage.local.clear());
}

export function badgeText(h: Harness, tabId: number): Promise<string> {
  return h.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/**
 * Stores `count` settings values one after another, a few milliseconds apart, the nth naming the site
 * `s<n>.example` as switched off; returns the numbers the storage's change events reported, in order.
 */
export function storeNumberedSettings(h: Harness, base: object, count: number): Promise<number[]> {
  return h.worker.evaluate(
    async ([settings, n]) => {
      const numbers: number[] = [];
      chrome.storage.onChanged.addListener((changes) => {
        const site = (changes.settings?.newValue as { disabledSites?: string[] } | undefined)?.disabledSites?.[0];
        if (site) numbers.push(Number(site.slice(1, site.indexOf('.'))));
      });
      for (let i = 1; i <= n; i++) {
        await chrome.storage.local.set({ settings: { ...settings, disabledSites: [`s${i}.example`] } });
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return numbers;
    },
    [base, count] as const,
  );
}
