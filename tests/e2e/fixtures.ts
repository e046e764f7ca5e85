import { test as base } from '@playwright/test';
import { launchDriver, type Driver, type Engine, type LaunchOptions } from './driver';
import { launch, type Harness } from './extension';

type LaunchHarnessOptions = Parameters<typeof launch>[0];

/**
 * The browsers the specs use, one per worker (launching is the slow part):
 * - `driver`: the browser-neutral layer, in the project's engine (chromium or firefox);
 * - `harness`: Chromium through Playwright, for what only Chromium exposes
 *   (the service worker, the toolbar badge, request routing).
 * A spec that needs other launch options sets them with `test.use()`, which gives it a worker of its own.
 */
export const test = base.extend<
  object,
  {
    engine: Engine;
    driverOptions: LaunchOptions;
    harnessOptions: LaunchHarnessOptions;
    driver: Driver;
    harness: Harness;
  }
>({
  engine: ['chromium', { option: true, scope: 'worker' }],
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
  harness: [
    async ({ harnessOptions }, use) => {
      const harness = await launch(harnessOptions);
      await use(harness);
      await harness.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect } from '@playwright/test';
