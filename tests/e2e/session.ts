import { test, type Page } from '@playwright/test';
import { launch, waitForScan, type Harness } from './extension';

/**
 * One Chromium with the extension for the whole spec file, for a spec not yet
 * on the fixtures: new specs take `harness` from `./fixtures`, which shares one
 * browser among the worker's specs and cleans it between tests.
 */
export function launchForFile(ready: (h: Harness) => void): void {
  let harness: Harness | undefined;
  test.beforeAll(async () => {
    harness = await launch();
    ready(harness);
  });
  test.afterAll(async () => {
    await harness?.close();
  });
}

/** A new tab on one of the static server's pages, once the extension has finished scanning it. */
export async function openScanned(
  h: Harness,
  path: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await h.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(h.baseUrl + path);
  await waitForScan(page);
  return page;
}
