import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error: a plain ES module shared with the scripts
import { serveDirectory } from '../../scripts/static-server.mjs';
// @ts-expect-error: a plain ES module shared with the scripts
import { chromiumArgs } from '../../scripts/browser.mjs';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const ROOT = resolve('.');

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  baseUrl: string;
  /** Requests the browser tried to send anywhere but our 127.0.0.1 server. */
  outsideRequests: string[];
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the built extension and a static server for
 * the repository (seeds, fixtures). Every request that would leave the machine
 * is aborted and recorded.
 */
export async function launch(options: { extra?: Record<string, string>; colorScheme?: 'light' | 'dark' } = {}): Promise<Harness> {
  const server = await serveDirectory(ROOT, options.extra ?? {});
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'case-lens-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: chromiumArgs(EXTENSION_DIR),
  });
  const outsideRequests: string[] = [];
  const base = new URL(server.url);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && url.host !== base.host) {
      outsideRequests.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    baseUrl: server.url,
    outsideRequests,
    async close() {
      await context.close();
      server.close();
    },
  };
}

/** Waits until the content script has finished scanning (no scan slice for a while). */
export async function waitForScan(page: Page, quietMs = 300): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const measures = performance.getEntriesByName('case-lens:scan');
      if (measures.length === 0) return false;
      const last = measures[measures.length - 1]!;
      return performance.now() - (last.startTime + last.duration) > quiet;
    },
    quietMs,
    { polling: 50 },
  );
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
