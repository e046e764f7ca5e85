import { test, type Page } from '@playwright/test';
import type { RendererKind } from '../../lib/settings';
import { launch, waitForScan, type Harness } from './extension';
import { writeStorage } from './worker';

/**
 * One Chromium with the extension for the whole spec file, for a spec not yet
 * on the fixtures: new specs take `harness` from `./fixtures`, which shares one
 * browser among the worker's specs and cleans it between tests.
 */
export function launchForFile(ready: (h: Harness, renderer: RendererKind) => void): void {
  let harness: Harness | undefined;
  test.beforeAll(async ({ browserName: _ }, info) => {
    harness = await launch();
    // The renderer of the project (playwright.config.ts): the safety suites run with each.
    const renderer = (info.project.use as { renderer?: RendererKind }).renderer ?? 'wrap';
    if (renderer !== 'wrap') await writeStorage(harness, { settings: { renderer } });
    ready(harness, renderer);
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
