// `npm run bench`: what Case Lens costs a page, measured in real Chromium.
//
// For every page (committed samples, three 1 MB case pages built from the corpus,
// every page of ../shared/corpus/real-pages when present) it loads the page
// with the built extension and sums the extension's `case-lens:scan`
// measures; it loads the same page without the extension and times the floor
// (one TreeWalker pass and one regular expression of every alias over every
// text node) and the naive way (one mark.js `mark()` per alias). Then the
// alias-scaling run, the hover card and the budgets. Medians of several runs;
// the machine is shared, so single runs are noisy.
//
//   npm run bench                 everything (15-40 minutes with the corpus, by machine load)
//   npm run bench -- --quick      one run per corpus page, shorter time boxes
//   npm run bench -- --pages wiki only pages whose name contains "wiki" (and the budget pages; with
//                                 --outside-only, only the outside pages whose name contains it)
//   npm run bench -- --no-build   use the existing .output/chrome-mv3
//   npm run bench -- --outside-only   the outside measurement alone (a few minutes)
//   npm run bench -- --case-only  the inside measurement of the three case pages alone
//   npm run bench -- --pairs 9    pairs of traced loads per page in the outside measurement (7)
//   npm run bench -- --hover-only the hover card alone (its budget; a couple of minutes)
//   npm run bench -- --packs      every measurement with ATT&CK's groups and software and MISP's
//                                 threat actors loaded beside the case (imported from ../shared)
//   npm run bench -- --renderer paint  the inside measurements with highlights painted instead of
//                                 wrapped (settings.renderer; with --case-only or --hover-only)
//
// The outside measurement comes first, while no other browser runs: from a
// Chromium trace of the tab's renderer, the time of the events that run the
// extension's code and the JS heap it adds, against a twin build whose scripts
// are empty, on a page of 20 small frames, the largest no-match corpus page,
// the seed article and the case page (scripts/bench/outside.mjs).
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE } from './browser.mjs';
import { launchChromiumWithExtension } from './chromium-with-extension.mjs';
import { serveDirectory } from './static-server.mjs';
import * as probes from './bench/in-page.mjs';
import { measureOutside, outsideReport } from './bench/outside.mjs';
import { benchPages, buildFramesPage, CORPUS, FRAME_COUNT, NO_MATCH_PAGE, ROOT } from './bench/pages.mjs';
import { buildWithSyntheticAliases } from './bench/synthetic-lexicon.mjs';
import { importBenchPacks, loadBenchPacks, PACK_CATALOGUES } from './bench/packs.mjs';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'corpus-runs': { type: 'string', default: '3' },
    'naive-runs': { type: 'string', default: '3' },
    'naive-box': { type: 'string', default: '1000' },
    pages: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'outside-only': { type: 'boolean', default: false },
    'case-only': { type: 'boolean', default: false },
    pairs: { type: 'string', default: '7' },
    'hover-only': { type: 'boolean', default: false },
    renderer: { type: 'string', default: 'wrap' },
    packs: { type: 'boolean', default: false },
  },
});
const RUNS = opt.quick ? 3 : Number(opt.runs);
const OUTSIDE_ONLY = opt['outside-only'];
const CASE_ONLY = opt['case-only'] && !OUTSIDE_ONLY;
const HOVER_ONLY = opt['hover-only'] && !OUTSIDE_ONLY && !CASE_ONLY;
/** The outside measurement is skipped by the runs that measure one thing inside pages. */
const INSIDE_ONLY = CASE_ONLY || HOVER_ONLY;
const RENDERER = opt.renderer;
if (!['wrap', 'paint'].includes(RENDERER)) {
  console.error(`--renderer is wrap or paint, not "${RENDERER}".`);
  process.exit(1);
}
const PAIRS = Number(opt.pairs);
if (!Number.isInteger(PAIRS) || PAIRS < 1) {
  console.error(`--pairs wants a whole number of pairs, not "${opt.pairs}".`);
  process.exit(1);
}
const CORPUS_RUNS = opt.quick ? 1 : Number(opt['corpus-runs']);
const NAIVE_RUNS = opt.quick ? 1 : Number(opt['naive-runs']);
/** Time box for one naive run on a corpus page; the full alias list is run on the case page. */
const NAIVE_BOX_MS = opt.quick ? 300 : Number(opt['naive-box']);
const SCALING = [100, 1000, 10000];
const FRAME_MS = 1000 / 60;
const LONG_TASK_MS = 50;
const SIZE_BUDGET = 60 * 1024;
/** What every frame loads: a tenth of the full script's budget. */
const SCOUT_SIZE_BUDGET = 8 * 1024;
const OUT = join(ROOT, 'bench-results');
const EXTENSION = join(ROOT, '.output/chrome-mv3');

const log = (...parts) => console.error(...parts);
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const kib = (bytes) => `${Math.round(bytes / 1024)} KiB`;

// ---------------------------------------------------------------- setup

const executablePath = findChromium({ install: false });
if (!executablePath) {
  log(NO_BROWSER_MESSAGE);
  process.exit(1);
}
if (!opt['no-build']) {
  log('Building the extension (wxt build)…');
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) {
    log(built.stdout, built.stderr);
    process.exit(1);
  }
} else if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  log('No build in .output/chrome-mv3: run `npx wxt build` or drop --no-build.');
  process.exit(1);
}

/** The store's aliases, as the floor's regular expression and mark.js get them. */
const aliases = readdirSync(join(ROOT, 'facts/entities'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(ROOT, 'facts/entities', f), 'utf8')).aliases)
  .map((a) => ({ text: a.text, caseSensitive: a.caseSensitive === true }));

/** With --packs: the pack files every browser with Case Lens loads before it measures. */
const packFiles = opt.packs ? importBenchPacks(ROOT, join(OUT, 'packs')) : [];

const { pages: allPages, corpusPresent } = benchPages(join(OUT, 'pages'));
const casePage = allPages.find((p) => p.name === 'case-1mb.html');
const noMatchPage = allPages.find((p) => p.name === NO_MATCH_PAGE);
const isBudgetPage = (p) => p === casePage || p === noMatchPage;
const pages = HOVER_ONLY
  ? []
  : CASE_ONLY
    ? allPages.filter((p) => p.kind === 'generated')
    : allPages.filter((p) => p.kind !== 'corpus' || isBudgetPage(p) || !opt.pages || p.name.includes(opt.pages));

const server = await serveDirectory(ROOT, { corpus: CORPUS, generated: join(OUT, 'pages') });
const base = new URL(server.url);
const started = new Date();
const loadBefore = loadavg()[0];

// ---------------------------------------------------------------- outside: the trace

buildFramesPage(join(OUT, 'pages'));
const framesPage = { name: `frames-${FRAME_COUNT}.html`, path: `/__extra/generated/frames-${FRAME_COUNT}.html` };
const seedPage = allPages.find((p) => p.name === 'seed article');
// With --outside-only, --pages narrows the outside pages too (e.g. --pages frames): a quick check of one budget.
const outsidePages = [framesPage, noMatchPage, seedPage, casePage]
  .filter(Boolean)
  .filter((p) => !(OUTSIDE_ONLY && opt.pages) || p.name.includes(opt.pages));
if (!INSIDE_ONLY) log(`Outside measurement: ${outsidePages.map((p) => p.name).join(', ')}, ${PAIRS} pairs each…`);
const outside = INSIDE_ONLY
  ? { results: [] }
  : await measureOutside({
      executablePath,
      extensionDir: EXTENSION,
      twinDir: join(OUT, 'builds', 'empty-scripts'),
      serverUrl: server.url,
      pages: outsidePages,
      pairs: PAIRS,
      log,
      packFiles,
    });
const outsideLines = INSIDE_ONLY ? [] : outsideReport(outside, PAIRS);
const loadAfterOutside = loadavg()[0];

/** Budgets of the outside measurement, as { name, pass, figures }. */
function outsideBudgets() {
  const found = (name) => outside.results.find((r) => r.name === name && r.runs > 0);
  const list = [];
  if (INSIDE_ONLY) return list;
  const frames = found(framesPage.name);
  if (frames) {
    const perDoc = frames.lensMs / frames.documents;
    list.push({
      name: `${framesPage.name} (${frames.documents} documents): <= 1.5 ms of the extension's code per document`,
      pass: perDoc <= 1.5,
      figures: `${fmt(perDoc, 2)} ms per document (CPU ${fmt(frames.lensCpuMs / frames.documents, 2)}; ${fmt(frames.lensMs)} ms in all; empty scripts ${fmt(frames.emptyMs)} ms; added ${fmt(frames.addedMs / frames.documents, 2)} ms per document; main thread +${fmt(frames.totalAddedMs)} ms)`,
    });
    const mb = frames.heapAddedMB / frames.documents;
    list.push({
      name: `${framesPage.name}: <= 0.05 MB added heap per document`,
      pass: mb <= 0.05,
      figures: `${fmt(mb, 3)} MB per document (${fmt(frames.heapAddedMB, 2)} MB in all)`,
    });
  } else list.push({ name: `${framesPage.name}: outside budgets`, pass: false, figures: 'no run completed' });
  const noMatch = found(NO_MATCH_PAGE);
  if (noMatch) {
    list.push({
      name: `${NO_MATCH_PAGE}: <= 25 ms of the extension's code`,
      pass: noMatch.lensMs <= 25,
      figures: `${fmt(noMatch.lensMs)} ms in ${noMatch.documents} documents (CPU ${fmt(noMatch.lensCpuMs)} ms; empty scripts ${fmt(noMatch.emptyMs)} ms; main thread +${fmt(noMatch.totalAddedMs)} ms; own scan ${fmt(noMatch.scanMs)} ms)`,
    });
    list.push({
      name: `${NO_MATCH_PAGE}: <= 0.3 MB added heap`,
      pass: noMatch.heapAddedMB <= 0.3,
      figures: `${fmt(noMatch.heapAddedMB, 2)} MB`,
    });
  } else {
    const absent = !noMatchPage;
    list.push({
      name: `${NO_MATCH_PAGE}: outside budgets`,
      pass: absent ? null : false,
      figures: absent ? 'corpus absent' : 'no run completed',
    });
  }
  const traced = outside.results.filter((r) => r.runs > 0);
  if (traced.length > 0) {
    // Whole tasks, as the trace shows them: the script's evaluation, a scan slice with the page's work around it.
    const longest = Math.max(...traced.map((r) => r.longestTaskMs));
    list.push({
      name: `outside pages: no task over ${LONG_TASK_MS} ms in which the extension's code runs (median of the pairs, per page)`,
      pass: longest <= LONG_TASK_MS,
      figures: traced.map((r) => `${r.name} ${fmt(r.longestTaskMs)} ms (worst ${fmt(r.longestTaskMaxMs)})`).join(', '),
    });
  }
  return list;
}

function header() {
  return [
    `Case Lens benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      (RENDERER === 'paint' ? ', highlights painted (settings.renderer = paint)' : '') +
      (opt.packs ? `, with the packs ${PACK_CATALOGUES.join(' and ')} loaded beside the case` : ''),
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}, ` +
      `Chromium ${chromiumVersion} (headless), load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}` +
      (OUTSIDE_ONLY || INSIDE_ONLY ? '' : ` (${loadAfterOutside.toFixed(1)} after the outside measurement)`),
  ];
}

function writeReport(lines, data, budgets) {
  lines.push('Budgets:');
  for (const b of budgets)
    lines.push(`${b.pass === null ? 'SKIP' : b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.figures}`);
  const text = lines.join('\n');
  console.log(text);
  mkdirSync(OUT, { recursive: true });
  const stamp = `${started.toISOString().replace(/[:.]/g, '-').slice(0, 19)}${opt.packs ? '-packs' : ''}`;
  const name = OUTSIDE_ONLY
    ? `bench-outside-${stamp}`
    : CASE_ONLY
      ? `bench-case-${stamp}`
      : HOVER_ONLY
        ? `bench-hover-${stamp}`
        : `bench-${stamp}`;
  writeFileSync(join(OUT, `${name}.md`), `${text}\n`);
  writeFileSync(
    join(OUT, `${name}.json`),
    JSON.stringify({ started, chromiumVersion, outside, ...data, budgets }, null, 2),
  );
  log(`Written to bench-results/${name}.md and .json`);
  process.exit(budgets.some((b) => b.pass === false) ? 1 : 0);
}

const chromiumVersion = await chromium
  .launch({ executablePath, headless: true, args: chromiumArgs() })
  .then(async (b) => {
    const v = b.version();
    await b.close();
    return v;
  });
if (OUTSIDE_ONLY) writeReport([...header(), '', ...outsideLines, ''], {}, outsideBudgets());

const scalingBuilds = {};
for (const count of INSIDE_ONLY ? [] : SCALING) {
  log(`Building the extension with ${count} synthetic aliases…`);
  scalingBuilds[count] = await buildWithSyntheticAliases(ROOT, count, join(OUT, 'builds', `aliases-${count}`));
}
const keepLocal = (context) =>
  context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.protocol.startsWith('http') && url.host !== base.host ? route.abort() : route.continue();
  });

async function launchWithExtension(extensionDir) {
  const { context, worker, extensionId } = await launchChromiumWithExtension({
    extensionDir,
    executablePath,
    profile: 'case-lens-bench-',
    viewport: { width: 1200, height: 900 },
    // Up to five browsers are open at once here (the alias-scaling builds beside the measured ones), each
    // loading the packs with --packs: a service worker can take longer than Playwright's 30 s to show.
    workerTimeout: 90_000,
  });
  await keepLocal(context);
  if (packFiles.length > 0) await loadBenchPacks(context, worker, extensionId, packFiles);
  await context.addInitScript(probes.recordLongTasks);
  if (RENDERER !== 'wrap') {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate((renderer) => chrome.storage.local.set({ settings: { renderer } }), RENDERER);
  }
  return context;
}
const withExtension = await launchWithExtension(EXTENSION);
const plainBrowser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
const plain = await plainBrowser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
await keepLocal(plain);

/** Waits until the extension has been idle for a while (or gives up after `limitMs`, for pages that never stop changing). */
async function waitForScanEnd(page, limitMs = 20_000) {
  await page
    .waitForFunction(
      () => {
        const measures = performance.getEntriesByName('case-lens:scan');
        const last = measures[measures.length - 1];
        return last !== undefined && performance.now() - (last.startTime + last.duration) > 400;
      },
      null,
      { polling: 50, timeout: limitMs },
    )
    .catch(() => undefined);
}

/**
 * The long tasks the extension caused: tasks that overlap its measured work
 * and would have stayed under 50 ms without it, plus any measure of its own
 * over 50 ms.
 */
function blameLongTasks(report) {
  const ours = [...report.scans, ...report.compile];
  const blamed = [];
  for (const task of report.longTasks) {
    const end = task.start + task.duration;
    const share = ours.reduce(
      (sum, m) => sum + Math.max(0, Math.min(end, m.start + m.duration) - Math.max(task.start, m.start)),
      0,
    );
    if (share > 0 && task.duration - share < LONG_TASK_MS) blamed.push({ duration: task.duration, extension: share });
  }
  for (const m of ours) if (m.duration > LONG_TASK_MS) blamed.push({ duration: m.duration, extension: m.duration });
  return blamed;
}

/**
 * The in-page figures are those of the full script. Where the scout stays
 * quiet (a page that never names the case, or names only a synthetic
 * lexicon's aliases), the full script never starts on its own; the bench then
 * starts it in every frame through the background's own API, as the popup
 * does for its tab. What the quiet scout itself costs is the outside table's.
 */
async function ensureCaseLens(context, tab) {
  const started = await tab
    .waitForFunction(() => performance.getEntriesByName('case-lens:scan').length > 0, null, {
      polling: 50,
      timeout: 1500,
    })
    .then(() => true)
    .catch(() => false);
  if (started) return;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Not waited for past 5 s: the promise settles only once every frame is ready, and a frame of a saved
  // page whose resources are refused may never be (bbc-1.html kept the bench waiting for good).
  await worker.evaluate(async (url) => {
    const [target] = await chrome.tabs.query({ url });
    const injected = chrome.scripting.executeScript({
      target: { tabId: target.id, allFrames: true },
      files: ['/case-lens.js'],
    });
    await Promise.race([injected, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }, tab.url());
}

async function measureExtension(context, page) {
  const tab = await context.newPage();
  try {
    await tab.goto(server.url + page.path, { waitUntil: 'load', timeout: 60_000 });
    await ensureCaseLens(context, tab);
    await waitForScanEnd(tab);
    const report = await tab.evaluate(probes.extensionReport);
    const check = page.expectations ? await tab.evaluate(probes.checkCaseSentences, page.expectations) : null;
    return {
      scanMs: report.scans.reduce((sum, m) => sum + m.duration, 0),
      slices: report.scans.length,
      maxSliceMs: Math.max(0, ...report.scans.map((m) => m.duration)),
      compileMs: report.compile.reduce((sum, m) => sum + m.duration, 0),
      mentions: report.mentions,
      wrappers: report.wrappers,
      longTasks: report.longTasks.length,
      blamed: blameLongTasks(report),
      check,
    };
  } finally {
    await tab.close();
  }
}

async function measureFloor(page) {
  const tab = await plain.newPage();
  try {
    await tab.goto(server.url + page.path, { waitUntil: 'load', timeout: 60_000 });
    return await tab.evaluate(probes.floorScan, aliases);
  } finally {
    await tab.close();
  }
}

async function measureNaive(page, budgetMs) {
  const tab = await plain.newPage();
  try {
    await tab.goto(server.url + page.path, { waitUntil: 'load', timeout: 60_000 });
    await tab.addScriptTag({ url: `${server.url}/node_modules/mark.js/dist/mark.min.js` });
    const r = await tab.evaluate(probes.naiveMarkJs, { aliases, budgetMs });
    // A stopped run is extrapolated to the whole alias list.
    return { ms: (r.ms * r.total) / r.done, estimated: r.done < r.total, done: r.done, total: r.total };
  } finally {
    await tab.close();
  }
}

/**
 * Runs one measurement, once more if it fails (a corpus page's own script may
 * navigate away while it loads); null when both tries fail.
 */
async function attempt(measure, failures) {
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      return await measure();
    } catch (error) {
      if (tries === 1) failures.push(String(error?.message ?? error).split('\n')[0]);
    }
  }
  return null;
}

// ---------------------------------------------------------------- the pages

log(`Warming up both browsers…`);
await measureExtension(withExtension, allPages[0]);
await measureFloor(allPages[0]);

const results = [];
for (const [index, page] of pages.entries()) {
  const runs = page.kind === 'corpus' && !isBudgetPage(page) ? CORPUS_RUNS : RUNS;
  const ext = [];
  const floor = [];
  const failures = [];
  for (let r = 0; r < runs; r += 1) {
    // Side by side: each extension run is paired with a floor run of the same moment.
    const e = await attempt(() => measureExtension(withExtension, page), failures);
    const f = await attempt(() => measureFloor(page), failures);
    if (e && f) {
      ext.push(e);
      floor.push(f);
    }
  }
  const naive = [];
  const naiveRuns = page === casePage ? NAIVE_RUNS : 1;
  for (let r = 0; r < naiveRuns; r += 1) {
    const n = await attempt(() => measureNaive(page, page === casePage ? 0 : NAIVE_BOX_MS), failures);
    if (n) naive.push(n);
  }
  if (ext.length === 0) {
    log(`[${index + 1}/${pages.length}] ${page.name}: no run completed (${failures[0]})`);
    results.push({
      name: page.name,
      kind: page.kind,
      size: page.size,
      runs: 0,
      failures,
      blamed: [],
      blamedRuns: 0,
      maxSliceMs: 0,
    });
    continue;
  }
  const result = {
    name: page.name,
    kind: page.kind,
    size: page.size,
    runs: ext.length,
    failures,
    scanMs: median(ext.map((e) => e.scanMs)),
    floorMs: median(floor.map((f) => f.ms)),
    ratio: median(ext.map((e, i) => e.scanMs / floor[i].ms)),
    naiveMs: median(naive.map((n) => n.ms)),
    naiveEstimated: naive.some((n) => n.estimated),
    naiveRuns,
    mentions: median(ext.map((e) => e.mentions)),
    floorMatches: median(floor.map((f) => f.count)),
    maxSliceMs: Math.max(...ext.map((e) => e.maxSliceMs)),
    compileMs: median(ext.map((e) => e.compileMs)),
    blamed: ext.flatMap((e) => e.blamed),
    blamedRuns: ext.filter((e) => e.blamed.length > 0).length,
    check: ext.map((e) => e.check).find((c) => c && c.marked < c.expected) ?? ext[0].check,
  };
  results.push(result);
  log(
    `[${index + 1}/${pages.length}] ${page.name}: scan ${fmt(result.scanMs)} ms, floor ${fmt(result.floorMs)} ms, ` +
      `naive ${result.naiveEstimated ? '~' : ''}${fmt(result.naiveMs, 0)} ms, ${result.mentions} mentions`,
  );
}

/** The inside table: one row per page. */
function resultsTable() {
  const rows = [
    '| page | size | mentions | scan ms | floor ms | scan/floor | naive mark.js ms | naive/scan |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    if (r.runs === 0) {
      rows.push(`| ${r.name} | ${kib(r.size)} | – | – | – | – | – | – |`);
      continue;
    }
    const naive = `${r.naiveEstimated ? '~' : ''}${fmt(r.naiveMs, 0)}`;
    rows.push(
      `| ${r.name} | ${kib(r.size)} | ${r.mentions} | ${fmt(r.scanMs)} | ${fmt(r.floorMs)} | ${fmt(r.ratio, 2)} | ${naive} | ${fmt(r.naiveMs / r.scanMs, 0)}× |`,
    );
  }
  return rows;
}

/** The case pages' budgets: scan <= 5x floor and every inserted mention marked, on each. */
function caseBudgets() {
  const list = [];
  for (const r of results.filter((x) => x.kind === 'generated' && x.runs > 0)) {
    const spec = allPages.find((p) => p.name === r.name);
    list.push({
      name: `case page (${r.name}, ${kib(r.size)}, from ${spec.base}): scan <= 5x floor`,
      pass: r.ratio <= 5,
      figures: `scan ${fmt(r.scanMs)} ms, floor ${fmt(r.floorMs)} ms, ratio ${fmt(r.ratio, 2)}`,
    });
    const c = r.check;
    list.push({
      name: `case page (${r.name}): every inserted mention marked`,
      pass: c.marked === c.expected,
      figures: `${c.marked} of ${c.expected} in ${c.spans} sentences, ${r.mentions} mentions on the page${c.wrong.length ? `; ${c.wrong.join('; ')}` : ''}`,
    });
  }
  return list;
}

if (CASE_ONLY) {
  await withExtension.close();
  await plainBrowser.close();
  server.close();
  writeReport([...header(), '', ...resultsTable(), ''], { results }, caseBudgets());
}

// ---------------------------------------------------------------- alias scaling

const scalingPage = casePage ?? allPages[0];
const SCALED = HOVER_ONLY ? [] : SCALING;
if (!HOVER_ONLY) log(`Alias scaling on ${scalingPage.name}…`);
const scalingContexts = {};
for (const count of SCALED) scalingContexts[count] = await launchWithExtension(scalingBuilds[count]);
const scalingRuns = Object.fromEntries(SCALED.map((c) => [c, []]));
for (const count of SCALED) await measureExtension(scalingContexts[count], allPages[0]); // warm-up
const scalingFailures = [];
for (let r = 0; r < RUNS; r += 1) {
  for (const count of SCALED) {
    const run = await attempt(() => measureExtension(scalingContexts[count], scalingPage), scalingFailures);
    if (run) scalingRuns[count].push(run);
  }
}
const scaling = SCALED.map((count) => ({
  count,
  scanMs: median(scalingRuns[count].map((e) => e.scanMs)),
  compileMs: median(scalingRuns[count].map((e) => e.compileMs)),
  mentions: median(scalingRuns[count].map((e) => e.mentions)),
  contentKiB: readFileSync(join(scalingBuilds[count], 'case-lens.js')).length / 1024,
}));
for (const count of SCALED) await scalingContexts[count].close();

// ---------------------------------------------------------------- hover card

/** Whether the node (from DOM.getDocument with pierce) holds an element of class `name`. */
const holdsClass = (node, name) =>
  (node.attributes ?? []).some((v, i, a) => i % 2 === 1 && a[i - 1] === 'class' && v.split(' ').includes(name)) ||
  [...(node.shadowRoots ?? []), ...(node.children ?? [])].some((child) => holdsClass(child, name));

/**
 * Waits until no card is open. The card's shadow root is closed, so locators
 * cannot see into it; the DevTools protocol lists closed roots.
 */
async function cardClosed(tab, timeoutMs = 5000) {
  const cdp = await tab.context().newCDPSession(tab);
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      if (!holdsClass(root, 'cl-card')) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the card did not close');
  } finally {
    await cdp.detach();
  }
}

/** Hovers highlights one after another; returns each card's time from hover intent to its first painted frame. */
async function measureHover(page, hovers = 3) {
  const tab = await withExtension.newPage();
  try {
    await tab.goto(server.url + page.path, { waitUntil: 'load', timeout: 60_000 });
    await waitForScanEnd(tab);
    const entities = await tab.evaluate(() => [
      ...new Set([
        ...[...document.querySelectorAll('case-lens-mark[data-entity]')].map((m) => m.dataset.entity),
        ...[...CSS.highlights.keys()].filter((n) => n.startsWith('case-lens__')).map((n) => n.split('__')[1]),
      ]),
    ]);
    const out = [];
    for (const entity of entities.slice(0, hovers)) {
      const before = await tab.evaluate(() => performance.getEntriesByName('case-lens:card').length);
      await tab.mouse.move(1, 1);
      // The highlight's centre, scrolled into view first: a wrapper, or a painted range.
      const { x, y } = await tab.evaluate((id) => {
        let range = null;
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith(`case-lens__${id}__`)) continue;
          const [first] = highlight;
          range = document.createRange();
          range.setStart(first.startContainer, first.startOffset);
          range.setEnd(first.endContainer, first.endOffset);
          break;
        }
        const target = range ?? document.querySelector(`case-lens-mark[data-entity="${id}"]`);
        const element = range ? range.startContainer.parentElement : target;
        element.scrollIntoView({ block: 'center' });
        const box = target.getClientRects()[0] ?? target.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }, entity);
      await tab.mouse.move(x, y, { steps: 2 });
      await tab.waitForFunction((n) => performance.getEntriesByName('case-lens:card').length > n, before, {
        timeout: 5000,
      });
      out.push(
        await tab.evaluate(() => {
          const m = performance.getEntriesByName('case-lens:card').at(-1);
          return { ms: m.duration, frames: m.detail.frames, frameMs: m.detail.frameMs, renderMs: m.detail.renderMs };
        }),
      );
      await tab.mouse.move(1, 1);
      await cardClosed(tab);
    }
    return out;
  } finally {
    await tab.close();
  }
}
log('Hover card…');
const hoverPage = casePage ?? allPages[0];
const hoverRuns = [];
const hoverFailures = [];
for (let r = 0; r < RUNS; r += 1) {
  const run = await attempt(() => measureHover(hoverPage), hoverFailures);
  if (run) hoverRuns.push(run);
}
const firstHovers = hoverRuns.map((run) => run[0]).filter(Boolean);
const laterHovers = hoverRuns.flatMap((run) => run.slice(1));

const hoverLine = (label, hovers) =>
  `${label}: card rendered ${fmt(median(hovers.map((h) => h.renderMs)))} ms after the intent, the frame showing it began at ` +
  `${fmt(median(hovers.map((h) => h.frameMs)))} ms (worst ${fmt(Math.max(...hovers.map((h) => h.frameMs)))}; the first frame after the ` +
  `intent in ${hovers.filter((h) => h.frames === 1).length} of ${hovers.length}) and was painted by ${fmt(median(hovers.map((h) => h.ms)))} ms`;

// Visible within one frame: every card is painted in the first frame that begins after the intent fired, and the
// card's own work (from the intent to the card rendered and placed) leaves that frame on time (at most half a
// frame). How long that frame takes to come and to paint is the page's: frames follow the display's refresh, and
// a 1 MB page spends ~10 ms on its own style, layout and paint in any frame.
function hoverBudget() {
  const firstFrameOnly = (hovers) => hovers.every((h) => h.frames === 1);
  const renderBudget = FRAME_MS / 2;
  return {
    name: `hover card visible within one frame after the hover-intent delay`,
    pass:
      firstFrameOnly(firstHovers) &&
      firstFrameOnly(laterHovers) &&
      median(firstHovers.map((h) => h.renderMs)) <= renderBudget &&
      median(laterHovers.map((h) => h.renderMs)) <= renderBudget,
    figures:
      `painted in the first frame after the intent in ${[...firstHovers, ...laterHovers].filter((h) => h.frames === 1).length} of ` +
      `${firstHovers.length + laterHovers.length} hovers; the card's own work ${fmt(median(firstHovers.map((h) => h.renderMs)))} ms ` +
      `(first hover) and ${fmt(median(laterHovers.map((h) => h.renderMs)))} ms (later), medians, budget ${fmt(renderBudget)} ms; ` +
      `painted ${fmt(median(firstHovers.map((h) => h.ms)))} / ${fmt(median(laterHovers.map((h) => h.ms)))} ms after the intent`,
  };
}

if (HOVER_ONLY) {
  await withExtension.close();
  await plainBrowser.close();
  server.close();
  writeReport(
    [
      ...header(),
      '',
      `Hover card on ${hoverPage.name}, times from the hover-intent timer firing, medians:`,
      `- ${hoverLine('first hover of a page', firstHovers)}.`,
      `- ${hoverLine('later hovers', laterHovers)}.`,
      '',
    ],
    { hoverRuns },
    [hoverBudget()],
  );
}

await withExtension.close();
await plainBrowser.close();
server.close();

// ---------------------------------------------------------------- report

// The scout runs in every frame; case-lens.js only in frames that name the case (or where the popup is opened).
const scoutBytes = readFileSync(join(EXTENSION, 'scout.js'));
const scoutGzip = gzipSync(scoutBytes, { level: 9 }).length;
const contentBytes = readFileSync(join(EXTENSION, 'case-lens.js'));
const contentGzip = gzipSync(contentBytes, { level: 9 }).length;
const lines = [];
const out = (line = '') => lines.push(line);

for (const line of header()) out(line);
out(
  `Runs: medians of ${RUNS} runs for samples and budget pages, ${CORPUS_RUNS} per other corpus page; ` +
    `${aliases.length} aliases from the store.`,
);
out(
  corpusPresent
    ? `Corpus: ${CORPUS}`
    : `Corpus: not found at ${CORPUS}; corpus pages and the budgets measured on them are skipped.`,
);
out();
for (const line of resultsTable()) out(line);
const failed = results.filter((r) => r.failures.length > 0);
if (failed.length) {
  out();
  out(
    `Runs that failed twice and were left out: ${failed.map((r) => `${r.name} (${r.failures.length}: ${r.failures[0]})`).join('; ')}.`,
  );
}
out();
out(
  `scan: sum of the extension's case-lens:scan measures. floor: one TreeWalker pass over every text node of the body ` +
    `(script and style text included) and one regular expression of all ${aliases.length} aliases, in the page without the ` +
    `extension. scan/floor: median of the per-run ratios, each extension run paired with a floor run. naive: one mark.js ` +
    `mark() per alias on a clean copy of the page; ~ marks a figure extrapolated from a run stopped after ${NAIVE_BOX_MS} ms ` +
    `(aliases taken in a strided order); ${casePage ? `${casePage.name} runs the full list ${NAIVE_RUNS} time(s)` : ''}.`,
);
out();
out(
  `Alias scaling on ${scalingPage.name} (the store's ${aliases.length} aliases plus N synthetic ones, built into the extension):`,
);
out();
out('| synthetic aliases | scan ms | scan / scan at 100 | matcher compile ms | mentions | content script |');
out('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const s of scaling) {
  out(
    `| ${s.count.toLocaleString('en')} | ${fmt(s.scanMs)} | ${fmt(s.scanMs / scaling[0].scanMs, 2)} | ${fmt(s.compileMs)} | ${s.mentions} | ${Math.round(s.contentKiB)} KiB |`,
  );
}
out();
out(`Hover card on ${hoverPage.name}, times from the hover-intent timer firing, medians:`);
out(`- ${hoverLine('first hover of a page', firstHovers)}.`);
out(`- ${hoverLine('later hovers', laterHovers)}.`);
// A long task counts when it recurs in most runs of a page: on a shared machine a
// slice is sometimes stretched by another process taking the core.
const recurring = results.filter((r) => r.blamedRuns * 2 > r.runs);
const blamed = recurring.flatMap((r) => r.blamed.map((b) => ({ ...b, page: r.name })));
const sporadic = results.filter((r) => r.blamedRuns > 0 && r.blamedRuns * 2 <= r.runs);
const corpusResults = results.filter((r) => r.kind === 'corpus');
out(
  `Long tasks (over ${LONG_TASK_MS} ms) caused by the extension: on ${recurring.length} of ${results.length} pages in most runs` +
    (sporadic.length
      ? `; in a minority of runs on ${sporadic.map((r) => `${r.name} (${r.blamedRuns}/${r.runs}: ${r.blamed.map((b) => `${fmt(b.duration)} ms`).join(', ')})`).join(', ')}`
      : '') +
    `. Longest scan slice ${fmt(Math.max(...results.map((r) => r.maxSliceMs)))} ms.`,
);
out(
  `Case sentences marked exactly (every expected highlight, nothing else inside them): ` +
    results
      .filter((r) => r.check && r.check.spans > 0)
      .map((r) => `${r.name} ${r.check.marked}/${r.check.expected}`)
      .join(', ') +
    '.',
);
out(
  `Scout (every frame): ${kib(scoutBytes.length)}, ${(scoutGzip / 1024).toFixed(1)} KiB gzipped. ` +
    `Full script (frames that name the case): ${kib(contentBytes.length)}, ${(contentGzip / 1024).toFixed(1)} KiB gzipped.`,
);
out();
for (const line of outsideLines) out(line);
out();

// ---------------------------------------------------------------- budgets

const budgets = [];
const budget = (name, pass, figures) => budgets.push({ name, pass, figures });
const caseResult = results.find((r) => r.name === casePage?.name);
const noMatchResult = results.find((r) => r.name === NO_MATCH_PAGE);
if (noMatchResult) {
  budget(
    `no-match page (${NO_MATCH_PAGE}, ${kib(noMatchResult.size)}): scan <= 2x floor`,
    noMatchResult.ratio <= 2,
    `scan ${fmt(noMatchResult.scanMs)} ms, floor ${fmt(noMatchResult.floorMs)} ms, ratio ${fmt(noMatchResult.ratio, 2)}`,
  );
} else {
  budget(`no-match page (${NO_MATCH_PAGE}): scan <= 2x floor`, null, 'corpus absent');
}
budgets.push(...caseBudgets());
if (caseResult) {
  const speedup = caseResult.naiveMs / caseResult.scanMs;
  budget(
    `case page (${caseResult.name}): >= 20x faster than one mark() per alias`,
    speedup >= 20,
    `naive ${fmt(caseResult.naiveMs, 0)} ms / scan ${fmt(caseResult.scanMs)} ms = ${fmt(speedup, 0)}x`,
  );
} else {
  budget('case pages: scan <= 5x floor, >= 20x faster than mark.js, every mention marked', null, 'corpus absent');
}
const scaleRatio = scaling[2].scanMs / scaling[0].scanMs;
budget(
  `10,000 aliases cost <= 2x 100 aliases (${scalingPage.name})`,
  scaleRatio <= 2,
  `scan ${fmt(scaling[0].scanMs)} → ${fmt(scaling[2].scanMs)} ms, ratio ${fmt(scaleRatio, 2)}; compile ${fmt(scaling[0].compileMs)} → ${fmt(scaling[2].compileMs)} ms`,
);
budgets.push(hoverBudget());
budget(
  `no task over ${LONG_TASK_MS} ms caused by the extension (${corpusResults.length} corpus pages, ${results.length} in all)`,
  corpusPresent ? blamed.length === 0 : null,
  blamed.length
    ? blamed
        .slice(0, 5)
        .map((b) => `${b.page}: ${fmt(b.duration)} ms task, ${fmt(b.extension)} ms ours`)
        .join('; ')
    : `none; longest slice ${fmt(Math.max(...results.map((r) => r.maxSliceMs)))} ms`,
);
budget(
  `scout <= ${SCOUT_SIZE_BUDGET / 1024} KiB gzipped`,
  scoutGzip <= SCOUT_SIZE_BUDGET,
  `${(scoutGzip / 1024).toFixed(1)} KiB`,
);
budget(`full script <= 60 KiB gzipped`, contentGzip <= SIZE_BUDGET, `${(contentGzip / 1024).toFixed(1)} KiB`);

budgets.push(...outsideBudgets());
writeReport(lines, { results, scaling, hoverRuns }, budgets);
