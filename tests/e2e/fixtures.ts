import { test as base, type Page } from '@playwright/test';
import { launchDriver, type Driver, type Engine, type LaunchOptions } from './driver';
import { launch, type Harness } from './extension';
import { openScanned } from './session';
import type { RendererKind } from '../../lib/settings';
import { clearStorage, writeStorage } from './worker';

type LaunchHarnessOptions = Parameters<typeof launch>[0];

interface WorkerFixtures {
  engine: Engine;
  /**
   * How highlights are shown in this project's runs (settings.renderer): the
   * safety suites run once with each (playwright.config.ts). The harness
   * stores it before each test; a test that stores settings of its own adds it.
   */
  renderer: RendererKind;
  driverOptions: LaunchOptions;
  harnessOptions: LaunchHarnessOptions;
  /** The browser-neutral layer, in the project's engine (chromium or firefox). */
  driver: Driver;
  /** Chromium through Playwright, shared by the worker's tests: take it as `harness`, which cleans it first. */
  sharedHarness: Harness;
}

interface TestFixtures {
  /**
   * Chromium with the extension, for what only Chromium exposes (the service
   * worker, the toolbar badge, request routing), as the test before left it
   * minus its traces: no tab open, nothing in the extension's storage (so
   * settings never pass from one test to the next), no outside request recorded.
   */
  harness: Harness;
  /** A new tab in that Chromium. */
  page: Page;
  /** A new tab on a page of the static server (a path such as `/seeds/…`), once the extension has scanned it. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * The browsers the specs use, one per worker (launching is the slow part); tabs are the test's own.
 * A spec that needs other launch options sets them with `test.use()`, which gives it a worker of its own.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  renderer: ['wrap', { option: true, scope: 'worker' }],
  driverOptions: [{}, { option: true, scope: 'worker' }],
  harnessOptions: [{}, { option: true, scope: 'worker' }],
  driver: [
    async ({ engine, driverOptions }, use) => {
      const driver = await launchDriver(engine, driverOptions);
      await use(driver);
      await driver.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  sharedHarness: [
    async ({ harnessOptions }, use) => {
      const harness = await launch(harnessOptions);
      await use(harness);
      await harness.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  harness: async ({ sharedHarness: h, renderer }, use) => {
    const closeTabs = () => Promise.all(h.context.pages().map((tab) => tab.close()));
    // Tabs first: no content script is left to see the storage being cleared.
    await closeTabs();
    await clearStorage(h);
    if (renderer !== 'wrap') await writeStorage(h, { settings: { renderer } });
    h.outsideRequests.length = 0;
    await use(h);
    await closeTabs();
  },
  page: async ({ harness }, use) => use(await harness.context.newPage()),
  open: async ({ harness }, use) => use((path, viewport) => openScanned(harness, path, viewport)),
});

export { expect } from '@playwright/test';
