// The fact packs the benchmark can load beside the case (`npm run bench -- --packs`): ATT&CK's groups
// and software and MISP's threat-actor galaxy, imported from ../shared with `facts:import` and loaded
// through the options page, as a reader loads them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PACK_CATALOGUES = ['mitre-attack-enterprise-groups-software.json', 'misp-galaxy-threat-actor.json'];
const THREAT_INTEL = resolve(process.cwd(), '../shared/research/threat-intel');

/** Imports the catalogues into pack files under `outDir`; returns their paths. */
export function importBenchPacks(root, outDir) {
  mkdirSync(outDir, { recursive: true });
  return PACK_CATALOGUES.map((file) => {
    const source = join(THREAT_INTEL, file);
    if (!existsSync(source)) throw new Error(`--packs needs ${source}`);
    const out = join(outDir, file.replace(/\.json$/, '.pack.json'));
    const run = spawnSync('npx', ['tsx', 'scripts/facts-import.ts', source, '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`facts:import ${file} failed:\n${run.stderr}`);
    return out;
  });
}

/**
 * Loads pack files into the extension of `context` through its options page,
 * then waits until the background has given them to pages: packs-on.js
 * registered and the page lexicon stored.
 */
export async function loadBenchPacks(context, worker, extensionId, files) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const file of files) {
    await options.locator('input[data-action="load-pack"]').setInputFiles(file);
    const { title } = JSON.parse(readFileSync(file, 'utf8'));
    await options
      .getByRole('status')
      .filter({ hasText: `Loaded “${title}”` })
      .waitFor({ timeout: 60_000 });
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await worker.evaluate(async () => {
      const scripts = await chrome.scripting.getRegisteredContentScripts({ ids: ['case-lens-packs-on'] });
      const stored = await chrome.storage.local.get(['packLexicon', 'packScout']);
      return (
        scripts.length === 1 && stored.packLexicon?.packs?.length > 0 && typeof stored.packScout?.words === 'string'
      );
    });
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the loaded packs did not reach pages within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  await options.close();
}
