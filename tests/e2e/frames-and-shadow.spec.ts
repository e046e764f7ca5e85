import type { Frame, Page } from '@playwright/test';
import { scanWork, waitForScan } from './extension';
import { expect, test } from './fixtures';
import { readMentions } from './marks';

/**
 * Frames (same-origin, about:blank written by script, srcdoc, cross-origin and
 * cross-site, a designMode editor) and open shadow roots (declarative,
 * attached by script before and after load, nested, added with new hosts).
 * Each frame is a document of its own, with its own case context.
 */

test.use({ harnessOptions: { otherOrigin: true } });

function frameById(page: Page, id: string): Promise<Frame> {
  return page
    .locator(`iframe#${id}`)
    .elementHandle()
    .then(async (handle) => (await handle!.contentFrame())!);
}

const entities = async (frame: Page | Frame) => (await readMentions(frame)).map((m) => m.entity);

test('every kind of frame is scanned, each with its own case context', async ({ harness: h, page }) => {
  await page.goto(`${h.baseUrl}/tests/fixtures/live/frames.html?cross=${encodeURIComponent(h.otherOriginUrl!)}`);
  await waitForScan(page);
  // The host page names two case entities: its RGB is the bureau.
  expect(await entities(page)).toEqual(['park-jin-hyok', 'wannacry', 'reconnaissance-general-bureau']);

  const expected = ['ghaleb-alaumary', 'lazarus-group'];
  for (const id of ['same-origin', 'srcdoc', 'about-blank', 'cross-origin']) {
    const frame = await frameById(page, id);
    await waitForScan(frame);
    expect(await entities(frame), id).toEqual(
      id === 'same-origin' || id === 'cross-origin' ? [...expected, 'reconnaissance-general-bureau'] : expected,
    );
  }
  const cross = await frameById(page, 'cross-origin');
  expect(new URL(cross.url()).origin).toBe(h.otherOriginUrl);

  // An advertisement frame inside a case page is not about the case: its RGB is lighting.
  const ad = await frameById(page, 'keyboard-ad');
  await waitForScan(ad);
  expect(await entities(ad)).toEqual([]);

  // The user's draft in a designMode editor is never wrapped.
  const editor = await frameById(page, 'editor');
  await editor.evaluate(() => {
    document.body.append(
      Object.assign(document.createElement('p'), { textContent: 'More about WannaCry and Park Jin Hyok.' }),
    );
  });
  await page.waitForTimeout(500);
  expect(await editor.$$('[data-entity]')).toHaveLength(0);
  expect(await editor.evaluate(() => document.body.innerHTML)).toBe(
    '<p>Draft: Ghaleb Alaumary and the Lazarus Group.</p><p>More about WannaCry and Park Jin Hyok.</p>',
  );
});

test('frames added after load, and content added inside frames later, are scanned', async ({ harness: h, open }) => {
  const page = await open('/tests/fixtures/live/case-page.html');
  await page.evaluate((other) => {
    const blank = document.createElement('iframe');
    blank.id = 'late-blank';
    document.body.append(blank);
    blank.contentDocument!.body.innerHTML = '<p>Late frame: Ghaleb Alaumary and the Lazarus Group.</p>';
    const cross = document.createElement('iframe');
    cross.id = 'late-cross';
    cross.src = `${other}/tests/fixtures/live/frame-case.html`;
    document.body.append(cross);
  }, h.otherOriginUrl);
  for (const id of ['late-blank', 'late-cross']) {
    const frame = await frameById(page, id);
    await expect.poll(() => entities(frame), { message: id }).toContain('ghaleb-alaumary');
    const before = await scanWork(frame);
    await frame.evaluate(() => {
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Then WannaCry spread.' }));
    });
    await waitForScan(frame, 300, before.slices);
    expect(await entities(frame), id).toContain('wannacry');
  }
});

test('open shadow roots are scanned: declarative, scripted, nested, attached after load, and in new hosts', async ({
  open,
}) => {
  const page = await open('/tests/fixtures/live/shadow.html');
  const inShadow = (path: string) =>
    page.evaluate((p) => {
      let root: Document | ShadowRoot = document;
      for (const selector of p.split(' >> ')) root = root.querySelector(selector)!.shadowRoot!;
      return [...root.querySelectorAll('[data-entity]')].map((e) => e.getAttribute('data-entity'));
    }, path);

  expect(await inShadow('#declarative')).toEqual(['ghaleb-alaumary', 'lazarus-group']);
  expect(await inShadow('#scripted')).toEqual(['ghaleb-alaumary', 'lazarus-group']);
  expect(await inShadow('#nested')).toEqual(['lazarus-group']);
  expect(await inShadow('#nested >> .inner')).toEqual(['ghaleb-alaumary']);
  // The highlight colours reach into shadow roots as an adopted style sheet.
  expect(await page.evaluate(() => document.getElementById('scripted')!.shadowRoot!.adoptedStyleSheets.length)).toBe(1);

  // Attached after load to an element already in the page: no mutation tells anyone.
  await page.evaluate(() => {
    const root = document.getElementById('later')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Attached later: Ghaleb Alaumary.</p>';
    setTimeout(
      () => root.append(Object.assign(document.createElement('p'), { textContent: 'And later still: WannaCry.' })),
      300,
    );
  });
  await expect.poll(() => inShadow('#later')).toEqual(['ghaleb-alaumary', 'wannacry']);

  // A new host inserted with its root already attached and filled, and a custom element whose
  // constructor attaches one.
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'new-host';
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>New host: Park Jin Hyok.</p>';
    document.body.append(host);
    customElements.define(
      'case-widget',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Widget: the Lazarus Group.</p>';
        }
      },
    );
    document.body.append(Object.assign(document.createElement('case-widget'), { id: 'widget' }));
  });
  await expect.poll(() => inShadow('#new-host')).toEqual(['park-jin-hyok']);
  await expect.poll(() => inShadow('#widget')).toEqual(['lazarus-group']);

  // attachShadow still behaves as the native method for the page.
  expect(
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.attachShadow({ mode: 'open' });
      let error = '';
      try {
        el.attachShadow({ mode: 'open' });
      } catch (e) {
        error = (e as Error).name;
      }
      return [Element.prototype.attachShadow.toString().includes('[native code]'), error];
    }),
  ).toEqual([true, 'NotSupportedError']);
});
