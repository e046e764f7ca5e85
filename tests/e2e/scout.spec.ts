import { expect, test } from './fixtures';

/**
 * The scout: in a document that never names the case, Case Lens leaves
 * nothing a page can read, and starts its full script only once a case name
 * appears; a frame of zero size that names the case starts it only once it
 * is given a size.
 */

const QUIET = '/tests/fixtures/quiet';

/** Everything of Case Lens a page's own script could find in a document. */
const traces = () => ({
  entries: performance.getEntries().filter((e) => e.name.startsWith('case-lens')).length,
  own: [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('case-lens')).length,
  attributes: document.querySelectorAll('[data-entity], [data-category], [data-claim]').length,
});

test('a page that never names the case: no entry, element or attribute; a name it adds later is highlighted', async ({
  open,
}) => {
  const page = await open(`${QUIET}/plain.html`);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  await page.waitForTimeout(500);
  expect(await page.evaluate(traces)).toEqual({ entries: 0, own: 0, attributes: 0 });
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('p')).toHaveText('Sow beans after the last frost.');
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);

  await page.evaluate(() => {
    document.getElementById('later')!.textContent = 'Prosecutors say Park Jin Hyok worked for the Lazarus Group.';
  });
  await expect(page.locator('#later case-lens-mark[data-entity="park-jin-hyok"]')).toHaveCount(1, { timeout: 10_000 });
});

test('a zero-size frame that names the case starts Case Lens only once it is given a size', async ({ open }) => {
  const page = await open(`${QUIET}/zero-size-frame.html`);
  const widget = page.frames().find((f) => f !== page.mainFrame())!;
  await page.waitForTimeout(1000);
  expect(await widget.evaluate(() => document.querySelectorAll('case-lens-mark').length)).toBe(0);
  expect(await widget.evaluate(() => performance.getEntriesByName('case-lens:scan').length)).toBe(0);

  await page.evaluate(() => {
    const frame = document.getElementById('widget') as HTMLIFrameElement;
    frame.style.width = '500px';
    frame.style.height = '120px';
  });
  await expect
    .poll(
      () => widget.evaluate(() => document.querySelectorAll('case-lens-mark[data-entity="park-jin-hyok"]').length),
      {
        timeout: 10_000,
      },
    )
    .toBe(1);
});

test('names that appear only inside open shadow roots wake Case Lens, however the roots were made', async ({
  open,
}) => {
  const page = await open(`${QUIET}/shadow-frames.html`);
  const marksIn = (id: string) => {
    const frame = page.frames().find((f) => f.url().endsWith(`/shadow/${id}.html`))!;
    return () =>
      frame.evaluate(() =>
        [...document.querySelectorAll('*')]
          .flatMap((el) => [...(el.shadowRoot?.querySelectorAll('case-lens-mark') ?? [])])
          .map((mark) => mark.getAttribute('data-entity')),
      );
  };
  // Each frame holds one way of making a root, and nothing else names the case: each must wake on its own.
  await expect.poll(marksIn('scripted'), { timeout: 10_000 }).toEqual(['park-jin-hyok', 'lazarus-group']);
  await expect.poll(marksIn('created'), { timeout: 10_000 }).toEqual(['wannacry']);
  await expect.poll(marksIn('declarative'), { timeout: 10_000 }).toEqual(['ghaleb-alaumary']);
  expect(await page.evaluate(() => document.querySelectorAll('case-lens-mark').length)).toBe(0);

  // A root attached after load to an element already in a quiet document.
  const quiet = await open(`${QUIET}/plain.html`);
  await quiet.waitForTimeout(500);
  await quiet.evaluate(() => {
    const host = document.createElement('div');
    document.body.append(host);
    setTimeout(() => {
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>Later: the Lazarus Group.</p>';
    }, 100);
    (window as unknown as { laterHost: Element }).laterHost = host;
  });
  await expect
    .poll(
      () =>
        quiet.evaluate(() =>
          [
            ...((window as unknown as { laterHost: Element }).laterHost.shadowRoot?.querySelectorAll(
              'case-lens-mark',
            ) ?? []),
          ].map((mark) => mark.getAttribute('data-entity')),
        ),
      { timeout: 10_000 },
    )
    .toEqual(['lazarus-group']);
});
