import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Pack } from '../../facts/packs/schema';
import { loadEntityFiles } from '../../scripts/fact-files';
import { importShared, THREAT_INTEL } from '../unit/threat-intel';
import { seriousViolations } from './axe';
import { card } from './card-view';
import { openPopup, type Harness } from './extension';
import { hoverHighlight } from './marks';
import { clearPacks } from './pack-store';
import { expect, test } from './fixtures';

/** The pack `npm run facts:import` makes from the shared DPRK STIX 2.1 bundle (MITRE ATT&CK's DPRK groups and tools). */
const made: Pack = importShared('dprk-stix21-bundle.json').pack;
const bundledNames = new Set(
  loadEntityFiles().flatMap(({ entity }) => entity.aliases.map((a) => a.text.toLowerCase())),
);
/** An entity of the pack whose name the bundled case does not have: only the pack can answer a search for it. */
const onlyInPack = made.entities.find(
  (e) => !bundledNames.has(e.name.toLowerCase()) && /^[A-Za-z][A-Za-z ]{5,}$/.test(e.name) && e.facts.length > 0,
)!;

const optionsUrl = (h: Harness) => `chrome-extension://${h.extensionId}/options.html`;

async function choose(options: Page, name: string, text: string): Promise<void> {
  await options
    .locator('input[data-action="load-pack"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The popup's results for `query`, as entity ids. */
async function resultsFor(popup: Page, query: string): Promise<string[]> {
  await popup.getByRole('searchbox', { name: 'Search the case record' }).fill(query);
  return popup.locator('.pl-result').evaluateAll((els) => els.map((el) => el.getAttribute('data-entity') ?? ''));
}

test('fact packs: a reader loads a pack on the options page, finds its entities in the popup with their pack, switches it off, updates it and removes it; bad files are refused with the reason', async ({
  harness: h,
}) => {
  expect(onlyInPack, 'the DPRK bundle has an entity the case does not name').toBeTruthy();
  const options = await h.context.newPage();
  try {
    await options.goto(optionsUrl(h));
    await expect(options.getByText('No pack loaded yet')).toBeVisible();

    // Bad files: nothing is stored, and the reader is told why, with the file named.
    await choose(options, 'broken.json', '{"id": "test", "entities": [');
    await expect(options.getByRole('alert')).toContainText('broken.json: not a fact pack: the file is not JSON');
    await choose(
      options,
      'dprk-stix21-bundle.json',
      readFileSync(join(THREAT_INTEL, 'dprk-stix21-bundle.json'), 'utf8'),
    );
    await expect(options.getByRole('alert')).toContainText(
      'dprk-stix21-bundle.json: a STIX bundle, not a fact pack yet: convert it first',
    );
    await choose(
      options,
      'wrong.json',
      JSON.stringify({ ...made, entities: [{ ...made.entities[0], category: 'insect' }] }),
    );
    await expect(options.getByRole('alert')).toContainText('wrong.json: invalid pack');
    await expect(options.getByRole('alert')).toContainText('entities.0.category');
    await expect(options.locator('.op-pack')).toHaveCount(1); // the built-in case alone

    // A good pack: listed with what it holds, and with what it shares with the case (ATT&CK ids such as G0032).
    await choose(options, `${made.id}.json`, JSON.stringify(made));
    await expect(options.getByRole('status')).toContainText(`Loaded “${made.title}”: ${made.entities.length} entities`);
    await expect(options.getByRole('alert')).toHaveCount(0);
    const item = options.locator(`.op-pack[data-pack="${made.id}"]`);
    await expect(item).toContainText(made.title);
    await expect(options.locator('.op-pack[data-pack="case"] .op-overlap')).toContainText(
      'also in another pack (the same catalogue id)',
    );

    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await seriousViolations(new AxeBuilder({ page: options })), `options page, ${colorScheme}`).toEqual([]);
    }

    // The popup finds the pack's entity, says which pack it comes from, and opens its sourced facts.
    const popup = await openPopup(h);
    await expect.poll(() => resultsFor(popup, onlyInPack.name)).toContain(onlyInPack.id);
    const result = popup.locator(`.pl-result[data-entity="${onlyInPack.id}"]`);
    await expect(result.locator('.pl-result-pack')).toHaveText(made.title);
    await result.click();
    await expect(popup.locator('#pl-detail-title')).toHaveText(onlyInPack.name);
    await expect(popup.locator('.pl-pack')).toContainText(`From the fact pack ${made.title}`);
    await expect(popup.locator('.cl-fact').first()).toBeVisible();
    expect(await seriousViolations(new AxeBuilder({ page: popup })), 'a pack entity in the popup').toEqual([]);
    await popup.getByRole('button', { name: '← Back' }).click();

    // Switched off on the options page: the open popup stops finding it at once.
    await item.getByRole('switch', { name: 'Use this pack' }).uncheck();
    await expect.poll(() => resultsFor(popup, onlyInPack.name)).not.toContain(onlyInPack.id);
    await item.getByRole('switch', { name: 'Use this pack' }).check();
    await expect.poll(() => resultsFor(popup, onlyInPack.name)).toContain(onlyInPack.id);

    // A newer version of the same pack replaces it.
    await choose(options, `${made.id}.json`, JSON.stringify({ ...made, version: `${made.version}-next` }));
    await expect(options.getByRole('status')).toContainText(
      `Updated “${made.title}” from version ${made.version} to ${made.version}-next`,
    );
    await expect(options.locator(`.op-pack[data-pack="${made.id}"]`)).toHaveCount(1);

    // Removed: gone from the list and from the popup's search.
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect(options.getByRole('status')).toContainText(`Removed “${made.title}”`);
    await expect(options.locator(`.op-pack[data-pack="${made.id}"]`)).toHaveCount(0);
    await expect.poll(() => resultsFor(popup, onlyInPack.name)).not.toContain(onlyInPack.id);
  } finally {
    // The packs' database outlives the test's tabs: the next test starts without any.
    await clearPacks(options);
  }
});

/** The full ATT&CK groups and software, as `npm run facts:import` makes them from ../shared. */
const attack: Pack = importShared('mitre-attack-enterprise-groups-software.json').pack;

/** Highlights of one pack on a page, as `data-entity` values in document order. */
function packHighlights(page: Page, pack: string): Promise<string[]> {
  return page
    .locator(`[data-pack="${pack}"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-entity') ?? ''));
}

test('fact packs on pages: a loaded pack’s names are highlighted with their pack in a tab already open and in new ones; the card names the pack and shows the same group from the case; switched off or removed, its highlights go without a reload', async ({
  harness: h,
  open,
}) => {
  const options = await h.context.newPage();
  try {
    // Open before the pack is loaded: the page names no case entity, so Case Lens never started in it.
    const before = await open('/tests/fixtures/packs/apt28-report.html');
    expect(await packHighlights(before, attack.id)).toEqual([]);
    // The seed article, open too, with WannaCry's card read once: the case's record alone.
    const seed = await open('/seeds/us-accuses-three-koreans.html');
    await hoverHighlight(seed, 'body', 'wannacry');
    await expect.poll(() => card(seed, '.cl-fact').count()).toBeGreaterThan(0);
    expect(await card(seed, '.cl-other').count()).toBe(0);
    await seed.keyboard.press('Escape');
    await seed.mouse.move(1, 1);

    await options.goto(optionsUrl(h));
    await choose(options, 'attack.json', JSON.stringify(attack));
    await expect(options.getByRole('status')).toContainText(`Loaded “${attack.title}”`);

    // The open tab shows the pack's names without a reload; the names that need context (Fancy Bear,
    // Cozy Bear, STRONTIUM) too, since the page names several groups unambiguously.
    await expect.poll(() => packHighlights(before, attack.id), { timeout: 15_000 }).toContain('attack-apt28');
    const shown = await packHighlights(before, attack.id);
    for (const id of ['attack-apt28', 'attack-apt29', 'attack-zebrocy', 'attack-mimikatz']) expect(shown).toContain(id);
    await expect(before.locator(`[data-pack="${attack.id}"]`, { hasText: 'Fancy Bear' })).toHaveCount(1);
    // Nothing of the case there: the case's highlights carry the pack "case" and there are none.
    await expect(before.locator('[data-pack="case"]')).toHaveCount(0);

    // A new tab, and its card: the pack is named where the bundled store was.
    const after = await open('/tests/fixtures/packs/apt28-report.html');
    await expect.poll(() => packHighlights(after, attack.id)).toEqual(shown);
    await hoverHighlight(after, 'article', 'attack-apt28');
    await expect.poll(() => card(after, '.cl-title').text()).toBe('APT28');
    await expect.poll(() => card(after, '.cl-footer').text()).toContain(`from the fact pack “${attack.title}”`);

    // The seed article, open since before the pack: the case's WannaCry keeps its highlight (ATT&CK spells
    // it the same), and its card, read again, shows ATT&CK's S0366 too, with its facts.
    await expect.poll(() => seed.locator('[data-entity="wannacry"][data-pack="case"]').count()).toBeGreaterThan(0);
    await expect(seed.locator('[data-entity="attack-wannacry"]')).toHaveCount(0);
    await hoverHighlight(seed, 'body', 'wannacry');
    await expect
      .poll(() => card(seed, '.cl-other[data-entity="attack-wannacry"] .cl-section').text())
      .toContain(`The same in ${attack.title} (S0366`);
    expect(await card(seed, '.cl-other .cl-fact').count()).toBeGreaterThan(0);

    // Switched off: its highlights go from the open tabs; on again, they come back; removed, they go.
    const item = options.locator(`.op-pack[data-pack="${attack.id}"]`);
    await item.getByRole('switch', { name: 'Use this pack' }).uncheck();
    await expect.poll(() => packHighlights(after, attack.id)).toEqual([]);
    await expect.poll(() => packHighlights(before, attack.id)).toEqual([]);
    await item.getByRole('switch', { name: 'Use this pack' }).check();
    await expect.poll(() => packHighlights(after, attack.id)).toEqual(shown);
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => packHighlights(after, attack.id)).toEqual([]);
    await expect(seed.locator('[data-entity="wannacry"][data-pack="case"]').first()).toBeVisible();
  } finally {
    await clearPacks(options);
  }
});
