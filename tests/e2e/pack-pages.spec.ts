import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { foldString } from '../../facts/matcher/fold';
import type { Pack } from '../../facts/packs/schema';
import { haveThreatIntel, importShared } from '../unit/threat-intel';
import { waitForScan, type Harness } from './extension';
import { expect, test } from './fixtures';
import { readStorage } from './worker';
import { CORPUS, corpusPresent, corpusSample, fullCorpus } from './page-safety-checks';

/**
 * The loaded packs' names in the built extension, on real pages: ATT&CK's
 * groups and software and MISP's threat actors, loaded through the options
 * page, on the corpus pages (which name no threat actor: every highlight of a
 * pack there is a false one) and on the positive pages of
 * tests/fixtures/packs/ (threat reports and news about other groups, each name
 * a reader expects labelled by hand). `npm test` reads every fifth corpus
 * page; `npm run test:corpus` every page.
 */

test.use({ harnessOptions: { extra: corpusPresent ? { corpus: CORPUS } : {}, recordOutside: false } });

const CATALOGUES = ['mitre-attack-enterprise-groups-software.json', 'misp-galaxy-threat-actor.json'];
const POSITIVES = 'tests/fixtures/packs';

/** Loads packs through the options page, and waits until the background has given them to pages. */
async function loadPacks(h: Harness, packs: Pack[]): Promise<void> {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  for (const pack of packs) {
    await options.locator('input[data-action="load-pack"]').setInputFiles({
      name: `${pack.id}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    await expect(options.getByRole('status')).toContainText(`Loaded “${pack.title}”`, { timeout: 30_000 });
  }
  await expect
    .poll(
      async () =>
        ((await readStorage(h, ['packLexicon'])).packLexicon as { packs?: unknown[] } | undefined)?.packs?.length ?? 0,
      { timeout: 30_000 },
    )
    .toBe(packs.length);
  await options.close();
}

/** The packs' highlights in a page and its frames: the text of each, and its entity. */
async function packHighlights(page: Page): Promise<{ text: string; entity: string }[]> {
  const found: { text: string; entity: string }[] = [];
  for (const frame of page.frames()) {
    const marks = await frame
      .evaluate(() => {
        const out: { text: string; entity: string; start: boolean }[] = [];
        for (const el of document.querySelectorAll('[data-pack]:not([data-pack="case"])')) {
          // A name split over inline elements is one highlight in several pieces: counted once, from its first.
          const previous = el.previousSibling;
          const continued =
            previous instanceof Element && previous.getAttribute('data-entity') === el.getAttribute('data-entity');
          out.push({ text: el.textContent ?? '', entity: el.getAttribute('data-entity') ?? '', start: !continued });
        }
        return out;
      })
      .catch(() => []);
    for (const m of marks) if (m.start) found.push({ text: m.text, entity: m.entity });
  }
  return found;
}

test(`catalogue packs on pages: recall on positive pages, and no highlight on the corpus (${fullCorpus ? 'every page' : 'every fifth page'})`, async ({
  harness: h,
}) => {
  // The catalogues are the test's input; CI has ../shared beside the project, as this machine does.
  expect(haveThreatIntel, 'the threat-intelligence catalogues in ../shared/research/threat-intel').toBe(true);
  const packs = CATALOGUES.map((file) => importShared(file).pack);
  const sample = corpusSample(5);
  test.setTimeout(120_000 + sample.length * 6_000);
  await loadPacks(h, packs);
  const page = await h.context.newPage();
  page.setDefaultTimeout(20_000);

  let expectedTotal = 0;
  let foundTotal = 0;
  const missed: string[] = [];
  for (const file of readdirSync(POSITIVES).filter((f) => f.endsWith('.html'))) {
    const { expected } = JSON.parse(readFileSync(join(POSITIVES, file.replace(/\.html$/, '.json')), 'utf8')) as {
      expected: Record<string, number>;
    };
    await page.goto(`${h.baseUrl}/${POSITIVES}/${file}`);
    await waitForScan(page, 300, 0, null);
    const seen = new Map<string, number>();
    for (const m of await packHighlights(page)) seen.set(foldString(m.text), (seen.get(foldString(m.text)) ?? 0) + 1);
    for (const [name, count] of Object.entries(expected)) {
      const found = Math.min(count, seen.get(foldString(name)) ?? 0);
      expectedTotal += count;
      foundTotal += found;
      if (found < count) missed.push(`${file}: ${name} (${found}/${count})`);
    }
  }
  const recall = foundTotal / expectedTotal;

  const shown = new Map<string, number>();
  const startedAt = Date.now();
  for (const { name, path } of sample) {
    await page.goto(h.baseUrl + path, { waitUntil: 'load' });
    // Most corpus pages name nothing: neither scout wakes, and no scan ever starts.
    await waitForScan(page, 150, 0, 500);
    for (const m of await packHighlights(page)) {
      const key = `${name}: "${m.text}" → ${m.entity}`;
      shown.set(key, (shown.get(key) ?? 0) + 1);
    }
  }
  const list = [...shown].map(([k, n]) => `${n}× ${k}`);
  console.log(
    [
      `pack pages: recall on positive pages ${foundTotal}/${expectedTotal} = ${recall.toFixed(3)}; missed: ${missed.join('; ') || 'none'}`,
      `pack pages: ${sample.length} corpus pages in ${((Date.now() - startedAt) / 1000).toFixed(0)} s, catalogue highlights: ${list.length === 0 ? 'none' : list.join('; ')}`,
    ].join('\n'),
  );
  expect(expectedTotal).toBeGreaterThanOrEqual(40);
  expect(recall).toBeGreaterThanOrEqual(0.9);
  expect(list).toEqual([]);
});
