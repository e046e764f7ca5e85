import { poll, waitFor } from './page';
import type { Driver, ExtensionApi, Tab } from './types';

/** The stored settings, read in an extension page. */
export function storedSettings(driver: Driver): Promise<string> {
  return driver.inExtension(async () => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    return JSON.stringify((await (g.browser ?? g.chrome)!.storage.local.get(['settings'])).settings ?? null);
  });
}

/** The popup as a page, speaking about the tab `tabId` when given, as it does when opened from the toolbar. */
export async function openPopup(driver: Driver, tabId?: number): Promise<Tab> {
  const popup = await driver.newTab({ width: 400, height: 600 });
  await popup.goto(`${driver.popupUrl}${tabId === undefined ? '' : `?tab=${tabId}`}`);
  // Keys go to the tab in front.
  await popup.bringToFront();
  return popup;
}

const checked = (popup: Tab, selector: string) =>
  popup.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked ?? null, selector);

/**
 * Turns one checkbox of the popup (`input[data-setting="enabled"]`,
 * `input[data-setting="site"]`, `input[data-category="<c>"]`) to `on` with the
 * real pointer, as a reader would; returns once the new value is stored.
 */
export async function setInPopup(driver: Driver, selector: string, on: boolean, tabId?: number): Promise<void> {
  const popup = await openPopup(driver, tabId);
  // The popup first renders defaults, then the stored settings: click only once it shows the stored value.
  await poll(
    () => checked(popup, selector),
    (v) => v === !on,
  );
  const before = await storedSettings(driver);
  // The popup's page summary arrives a moment after it opens and can push the settings down between
  // reading the label's place and the click: a click that changed nothing is made again, at the place
  // read anew (only while the box still shows the old value, so a click is never undone).
  for (let attempt = 1; ; attempt += 1) {
    const point = await popup.evaluate((sel) => {
      const box = document.querySelector(sel)!;
      // A switch may be drawn over its (visually hidden) input: click its label.
      const target = box.closest('label') ?? box;
      target.scrollIntoView({ block: 'center' });
      const r = target.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, selector);
    await popup.mouseClick(point.x, point.y);
    try {
      await poll(
        () => checked(popup, selector),
        (v) => v === on,
        2_000,
      );
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
  // The popup shows the change before its write lands; closing it in between would lose the change.
  await poll(
    () => storedSettings(driver),
    (v) => v !== before,
  );
  await popup.close();
}

/** Waits for the number of highlights (name and value wrappers) in `tab` to satisfy `ok`. */
export function waitForMarkCount(tab: Tab, ok: (count: number) => boolean): Promise<number> {
  return poll(() => tab.evaluate(() => document.querySelectorAll('[data-entity]').length), ok);
}

export { waitFor };
