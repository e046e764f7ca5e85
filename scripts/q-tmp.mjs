import AxeBuilder from '@axe-core/playwright';
import { launch, waitForScan } from '../tests/e2e/extension.ts';
import { tabIdOf } from '../tests/e2e/worker.ts';
const h = await launch();
const page = await h.context.newPage();
await page.goto(h.baseUrl + '/seeds/us-accuses-three-koreans.html');
await waitForScan(page);
const show = (label, r) => console.log(label, r.violations.map((v) => `${v.id}/${v.impact}: ${v.nodes.length} ${v.nodes.slice(0,3).map(n=>n.target.join(' ')+ ' ' + (n.failureSummary||'').slice(0,200).replace(/\n/g,' ')).join(' || ')}`), 'incomplete:', r.incomplete.map(v=>v.id+':'+v.nodes.length));
for (const scheme of ['light','dark']) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.locator('[data-entity="lazarus-group"], [data-entity="park-jin-hyok"]').first().hover();
  await page.locator('case-lens-card .cl-fact').first().waitFor();
  show('card '+scheme, await new AxeBuilder({ page }).include('case-lens-card').analyze());
  await page.keyboard.press('Escape'); await page.mouse.move(1,1);
}
const tabId = await tabIdOf(h, page);
const popup = await h.context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
for (const scheme of ['light','dark']) {
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.pl-mention').first().waitFor();
  show('popup '+scheme, await new AxeBuilder({ page: popup }).analyze());
  await popup.getByRole('searchbox').fill('Hidden Cobra');
  await popup.locator('.pl-result').first().waitFor();
  show('search '+scheme, await new AxeBuilder({ page: popup }).analyze());
  await popup.keyboard.press('Enter');
  await popup.locator('#pl-detail-title').waitFor();
  show('detail '+scheme, await new AxeBuilder({ page: popup }).analyze());
}
await h.close();
