import type { Pack } from '../../../facts/packs/schema';
import { importShared } from '../../unit/threat-intel';
import { poll } from '../driver/page';
import type { Tab } from '../driver/types';
import { expect, test } from '../fixtures';
import { choosePackFile, clearPacks } from '../pack-store';

/**
 * A fact pack from the same spec in every browser: loaded on the options
 * page, its names reach a tab open before it (Case Lens had not started
 * there: the page names nothing of the case) and a new one, with their pack;
 * switched off and removed, they go without a reload. In Firefox this is the
 * registration of packs-on.js, the scout's question to the background and its
 * answer, and the full script's compile of the packs, in that engine.
 */

const attack: Pack = importShared('mitre-attack-enterprise-groups-software.json').pack;
const REPORT = '/tests/fixtures/packs/apt28-report.html';

const packHighlights = (tab: Tab) =>
  tab.evaluate(
    (pack) => [...document.querySelectorAll(`[data-pack="${pack}"]`)].map((el) => el.getAttribute('data-entity')),
    attack.id,
  );
const status = (options: Tab) => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');

/** Clicks an element of the options page with the real pointer. */
async function clickOn(options: Tab, selector: string): Promise<void> {
  const point = await options.evaluate((sel) => {
    const target = document.querySelector(sel)!;
    const box = (target.closest('label') ?? target).getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, selector);
  await options.mouseClick(point.x, point.y);
}

test('a fact pack loaded on the options page: its names are highlighted with their pack in open and new tabs, and go when it is switched off or removed', async ({
  driver,
}) => {
  const options = await driver.newTab();
  await options.goto(driver.popupUrl.replace('popup.html', 'options.html'));
  try {
    const before = await driver.newTab();
    await before.goto(REPORT);
    expect(await packHighlights(before)).toEqual([]);

    await choosePackFile(options, 'attack.json', JSON.stringify(attack));
    await poll(
      () => status(options),
      (text) => text.includes(`Loaded “${attack.title}”`),
      30_000,
    );

    const shown = await poll(
      () => packHighlights(before),
      (ids) => ids.includes('attack-apt28'),
      15_000,
    );
    for (const id of ['attack-apt28', 'attack-apt29', 'attack-zebrocy', 'attack-mimikatz']) expect(shown).toContain(id);
    expect(await before.evaluate(() => document.querySelectorAll('[data-pack="case"]').length)).toBe(0);

    const after = await driver.newTab();
    await after.goto(REPORT);
    await poll(
      () => packHighlights(after),
      (ids) => ids.join() === shown.join(),
    );

    const item = `.op-pack[data-pack="${attack.id}"]`;
    await clickOn(options, `${item} input[data-action="switch-pack"]`);
    await poll(
      () => packHighlights(after),
      (ids) => ids.length === 0,
    );
    await clickOn(options, `${item} input[data-action="switch-pack"]`);
    await poll(
      () => packHighlights(after),
      (ids) => ids.join() === shown.join(),
    );
    await clickOn(options, `${item} button[data-action="remove-pack"]`);
    await poll(
      () => packHighlights(after),
      (ids) => ids.length === 0,
    );
    await poll(
      () => packHighlights(before),
      (ids) => ids.length === 0,
    );
  } finally {
    await clearPacks(options);
  }
});
