// Chromium with the unpacked extension, through Playwright: the one launch the
// tests, the benchmark, the demo and `npm start` share.
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from './browser.mjs';

/**
 * Opens Chromium in a fresh profile with the extension built in `extensionDir`
 * and waits for the extension's service worker, whose host is the extension's id.
 *
 * - `executablePath`: the Chromium to run (default: the one `findChromium` finds, without installing).
 * - `args`: switches added to `chromiumArgs(extensionDir)`.
 * - `profile`: the prefix of the temporary profile's folder, to tell the runs apart.
 * - `workerTimeout`: how long to wait for the service worker, in ms (Playwright's default when not given).
 * - anything else is an option of Playwright's `launchPersistentContext` (headless, viewport, colorScheme…).
 *
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, worker: import('@playwright/test').Worker, extensionId: string }>}
 */
export async function launchChromiumWithExtension({
  extensionDir,
  executablePath = findChromium({ install: false }) ?? undefined,
  args = [],
  profile = 'case-lens-',
  workerTimeout,
  ...options
}) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), profile)), {
    executablePath,
    headless: true,
    ...options,
    args: [...chromiumArgs(extensionDir), ...args],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', workerTimeout === undefined ? undefined : { timeout: workerTimeout }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}
