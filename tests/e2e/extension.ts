import { expect, type BrowserContext, type Frame, type Page, type Worker } from '@playwright/test';
import { resolve } from 'node:path';
// @ts-expect-error: a plain ES module shared with the scripts
import { serveDirectory } from '../../scripts/static-server.mjs';
// @ts-expect-error: a plain ES module shared with the scripts
import { launchChromiumWithExtension } from '../../scripts/chromium-with-extension.mjs';
import { readStorage } from './worker';
import { scanFinished } from './driver/page';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const ROOT = resolve('.');

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  baseUrl: string;
  /** The same files from another origin (`localhost` and another port), when asked for. */
  otherOriginUrl: string | null;
  /** Requests the browser tried to send anywhere but our servers. */
  outsideRequests: string[];
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the built extension and a static server for
 * the repository (seeds, fixtures). Every request that would leave the machine
 * is aborted and recorded.
 */
export async function launch(
  options: {
    extra?: Record<string, string>;
    colorScheme?: 'light' | 'dark';
    otherOrigin?: boolean;
    /**
     * false: block other hosts in the browser itself (a dead proxy; loopback is never proxied)
     * instead of routing every request through the test: much faster for saved pages with
     * hundreds of remote resources, but nothing is recorded in `outsideRequests`.
     */
    recordOutside?: boolean;
    /** Lets the test load the extension again over the DevTools protocol, as an update does (lifecycle.spec.ts). */
    reloadable?: boolean;
  } = {},
): Promise<Harness> {
  const recordOutside = options.recordOutside ?? true;
  const server = await serveDirectory(ROOT, options.extra ?? {});
  // A second server gives cross-origin (and, as `localhost`, cross-site: out-of-process) frames.
  const other = options.otherOrigin ? await serveDirectory(ROOT, options.extra ?? {}) : null;
  const otherOriginUrl = other ? `http://localhost:${new URL(other.url).port}` : null;
  const { context, worker, extensionId } = (await launchChromiumWithExtension({
    extensionDir: EXTENSION_DIR,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    profile: 'case-lens-e2e-',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [
      ...(recordOutside ? [] : ['--proxy-server=http://127.0.0.1:9']),
      ...(options.reloadable ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  })) as { context: BrowserContext; worker: Worker; extensionId: string };
  const outsideRequests: string[] = [];
  const ours = new Set([new URL(server.url).host, ...(otherOriginUrl ? [new URL(otherOriginUrl).host] : [])]);
  if (recordOutside) {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol.startsWith('http') && !ours.has(url.host)) {
        outsideRequests.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
  }
  return {
    context,
    worker,
    extensionId,
    baseUrl: server.url,
    otherOriginUrl,
    outsideRequests,
    async close() {
      await context.close();
      server.close();
      other?.close();
    },
  };
}

/**
 * Waits until the content script has finished scanning (no scan slice for a
 * while). After a change to the page, pass the slice count from before it:
 * the wait then also needs a slice newer than that, since the scanner reacts
 * after a short delay. A document with no slice at all (its scout saw no case
 * name) counts as finished `quietPageMs` after its load event (null: a slice is required).
 */
export async function waitForScan(
  page: Page | Frame,
  quietMs = 300,
  afterSlices = 0,
  quietPageMs: number | null = 1000,
): Promise<void> {
  await page.waitForFunction(scanFinished, [quietMs, afterSlices, quietPageMs] as const, { polling: 50 });
}

/** How many `case-lens:scan` slices a document has recorded, and their total time in ms. */
export function scanWork(target: Page | Frame): Promise<{ slices: number; ms: number }> {
  return target.evaluate(() => {
    const measures = performance.getEntriesByName('case-lens:scan');
    return { slices: measures.length, ms: measures.reduce((sum, m) => sum + m.duration, 0) };
  });
}

/** The page's text, node by node, for exact before/after comparisons. */
export function textNodesSnapshot(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
    return out;
  });
}

/** The popup's address: speaking of the tab `tabId` when given, as it does when opened from the toolbar over that tab. */
export function popupUrl(h: Harness, tabId?: number): string {
  return `chrome-extension://${h.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`;
}

/** The popup opened as a page (see `popupUrl`). */
export async function openPopup(h: Harness, tabId?: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(popupUrl(h, tabId));
  return popup;
}

/**
 * Turns one checkbox of the popup (`input[data-setting="enabled"]`,
 * `input[data-setting="site"]`, `input[data-category="<c>"]`) to `on`, as a
 * reader would: the popup opened as a page, for the tab `tabId` when given.
 * Returns once the new value is stored.
 */
export async function setInPopup(h: Harness, selector: string, on: boolean, tabId?: number): Promise<void> {
  const popup = await openPopup(h, tabId);
  const box = popup.locator(selector);
  // The popup first renders defaults, then the stored settings: click only once it shows the stored value.
  await expect(box).toBeChecked({ checked: !on });
  const stored = async () => JSON.stringify((await readStorage(h, ['settings'])).settings ?? null);
  const before = await stored();
  await box.click();
  await expect(box).toBeChecked({ checked: on });
  // The popup shows the change before its write lands; closing it in between would lose the change.
  await expect.poll(stored).not.toBe(before);
  await popup.close();
}
