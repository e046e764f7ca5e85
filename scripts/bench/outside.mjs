// The outside measurement: what Case Lens costs a page's renderer, read from
// a Chromium trace rather than from the extension's own measures, against a
// twin of the build whose scripts are empty, in the same run.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromiumWithExtension } from '../chromium-with-extension.mjs';
import { loadBenchPacks } from './packs.mjs';
import { analyseTrace, TRACE_CATEGORIES } from './trace-analysis.mjs';

const MAX_WINDOW_MS = 10_000;
const AFTER_LAST_MS = 2_000;
const FIRST_WINDOW_MS = 4_000;
/** The page-world patch's file, registered by the background (lib/page-world.ts). */
const PATCH_FILE = 'shadow-watch.js';

/**
 * A copy of the build at `extensionDir` whose content scripts (every world,
 * every file, CSS included) and background are empty files: the same manifest,
 * so the same matches, frames, run-at, about:blank and worlds, and no code.
 * The page-world patch, which Case Lens's background registers at start
 * (lib/page-world.ts) where this twin's empty background registers nothing, is
 * declared in the twin's manifest the way it is registered, as an empty file.
 */
export function buildEmptyTwin(extensionDir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(extensionDir, outDir, { recursive: true });
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const declared = manifest.content_scripts ?? [];
  if (existsSync(join(outDir, PATCH_FILE)) && !declared.some((entry) => entry.js?.includes(PATCH_FILE))) {
    const { matches } = declared[0];
    declared.push({
      matches,
      js: [PATCH_FILE],
      all_frames: true,
      match_origin_as_fallback: true,
      run_at: 'document_start',
      world: 'MAIN',
    });
    manifest.content_scripts = declared;
    writeFileSync(manifestPath, JSON.stringify(manifest));
  }
  const files = new Set();
  for (const entry of manifest.content_scripts ?? [])
    for (const f of [...(entry.js ?? []), ...(entry.css ?? [])]) files.add(f);
  if (manifest.background?.service_worker) files.add(manifest.background.service_worker);
  for (const f of manifest.background?.scripts ?? []) files.add(f);
  for (const f of files) writeFileSync(join(outDir, f), '');
  return { dir: outDir, emptied: [...files] };
}

async function launch(executablePath, extensionDir, packFiles = []) {
  const { context, worker, extensionId } = await launchChromiumWithExtension({
    extensionDir,
    executablePath,
    profile: 'case-lens-trace-',
    viewport: { width: 1200, height: 900 },
    // Other hosts are refused by a dead proxy (loopback is never proxied): nothing in the page waits on the
    // test runner, as it would with request interception.
    args: ['--proxy-server=http://127.0.0.1:9'],
    workerTimeout: 20_000,
  });
  // Case Lens's background registers the page-world patch as it starts: no page is traced before that.
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const declared = (manifest.content_scripts ?? []).some((entry) => entry.js?.includes(PATCH_FILE));
  if (!declared && existsSync(join(extensionDir, PATCH_FILE))) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const registered = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
      if (registered.length > 0) break;
      if (Date.now() > deadline) throw new Error('the page-world patch was not registered within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (packFiles.length > 0) await loadBenchPacks(context, worker, extensionId, packFiles);
  return { context, extensionId };
}

/**
 * Loads `url` in a new tab of `browser` while tracing, until `windowMs` after
 * the navigation began; then forces a garbage collection and reads the JS heap
 * of the tab's renderer (one V8 isolate for every world and every same-process
 * frame), and the extension's own scan measures from every frame.
 */
async function traceLoad(browser, url, windowMs) {
  const tab = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: TRACE_CATEGORIES },
    });
    const started = Date.now();
    await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const rest = windowMs - (Date.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    let scanMs = 0;
    for (const frame of tab.frames()) {
      scanMs += await frame
        .evaluate(() => performance.getEntriesByName('case-lens:scan').reduce((sum, m) => sum + m.duration, 0))
        .catch(() => 0);
    }
    return { ...analyseTrace(events, browser.extensionId), heapBytes: heap, scanMs, loadMs: Date.now() - started };
  } finally {
    await tab.close();
  }
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Whether a traced run went on long enough after the extension's last event. */
const longEnough = (run, windowMs) => run.spanMs - run.lastEventMs >= AFTER_LAST_MS || windowMs >= MAX_WINDOW_MS;

/**
 * Runs the outside measurement on `pages` ({ name, path, documents? }):
 * `pairs` pairs per page, Case Lens and the empty twin loaded alternately
 * (the order swapped every pair). Each page's trace window starts at 4 s
 * from the navigation and grows (to at most 10 s) whenever a run's last
 * extension event came less than 2 s before its end; that pair is run again.
 */
export async function measureOutside({
  executablePath,
  extensionDir,
  twinDir,
  serverUrl,
  pages,
  pairs,
  log,
  packFiles = [],
}) {
  const twin = buildEmptyTwin(extensionDir, twinDir);
  const lens = await launch(executablePath, extensionDir, packFiles);
  const empty = await launch(executablePath, twin.dir);
  const results = [];
  try {
    // Warm-up: the first load of a browser pays for starting its renderer and caches.
    for (const b of [lens, empty]) await traceLoad(b, serverUrl + pages[0].path, 1000).catch(() => undefined);
    for (const page of pages) {
      let windowMs = FIRST_WINDOW_MS;
      const runs = [];
      const failures = [];
      const load = [];
      let retries = 0;
      while (runs.length < pairs && retries < pairs * 2) {
        load.push(loadavg()[0]);
        const order = runs.length % 2 === 0 ? [lens, empty] : [empty, lens];
        const got = {};
        try {
          for (const b of order)
            got[b === lens ? 'lens' : 'empty'] = await traceLoad(b, serverUrl + page.path, windowMs);
        } catch (error) {
          failures.push(String(error?.message ?? error).split('\n')[0]);
          retries += 1;
          continue;
        }
        if (!longEnough(got.lens, windowMs) || !longEnough(got.empty, windowMs)) {
          const last = Math.max(got.lens.lastEventMs, got.empty.lastEventMs);
          windowMs = Math.min(MAX_WINDOW_MS, Math.ceil((last + AFTER_LAST_MS + 500) / 500) * 500);
          log(`  ${page.name}: the extension ran until ${last.toFixed(0)} ms; tracing ${windowMs} ms from now on`);
          // Not a failure: the window only grows, and at 10 s every run is long enough.
          continue;
        }
        runs.push(got);
        log(
          `  ${page.name} pair ${runs.length}/${pairs}: Case Lens ${got.lens.extensionMs.toFixed(1)} ms in ` +
            `${got.lens.documents} documents (CPU ${got.lens.extensionCpuMs.toFixed(1)} ms; total ${got.lens.totalMs.toFixed(0)} ms), empty ${got.empty.extensionMs.toFixed(1)} ms ` +
            `(total ${got.empty.totalMs.toFixed(0)} ms), heap +${((got.lens.heapBytes - got.empty.heapBytes) / 2 ** 20).toFixed(2)} MB`,
        );
      }
      if (runs.length === 0) {
        results.push({ name: page.name, runs: 0, failures });
        continue;
      }
      const documents = median(runs.map((r) => r.lens.documents));
      const diff = (pick) => median(runs.map((r) => pick(r.lens) - pick(r.empty)));
      results.push({
        name: page.name,
        runs: runs.length,
        failures,
        windowMs,
        documents,
        emptyDocuments: median(runs.map((r) => r.empty.documents)),
        frames: median(runs.map((r) => r.lens.frames)),
        otherProcessFrames: median(runs.map((r) => r.lens.otherProcessFrames)),
        otherProcessDocuments: Math.max(...runs.map((r) => r.lens.otherProcessDocuments)),
        lensMs: median(runs.map((r) => r.lens.extensionMs)),
        emptyMs: median(runs.map((r) => r.empty.extensionMs)),
        addedMs: diff((r) => r.extensionMs),
        lensCpuMs: median(runs.map((r) => r.lens.extensionCpuMs)),
        emptyCpuMs: median(runs.map((r) => r.empty.extensionCpuMs)),
        addedCpuMs: diff((r) => r.extensionCpuMs),
        totalAddedCpuMs: diff((r) => r.totalCpuMs),
        byKind: Object.fromEntries(
          Object.keys(runs[0].lens.byKind).map((k) => [k, median(runs.map((r) => r.lens.byKind[k]))]),
        ),
        totalAddedMs: diff((r) => r.totalMs),
        heapAddedMB: diff((r) => r.heapBytes) / 2 ** 20,
        scanMs: median(runs.map((r) => r.lens.scanMs)),
        lastEventMs: Math.max(...runs.map((r) => r.lens.lastEventMs)),
        longestTaskMs: median(runs.map((r) => r.lens.longestTaskMs)),
        longestTaskMaxMs: Math.max(...runs.map((r) => r.lens.longestTaskMs)),
        load: [Math.min(...load), Math.max(...load)],
        pairs: runs.map((r) => ({
          lensMs: r.lens.extensionMs,
          emptyMs: r.empty.extensionMs,
          lensTotalMs: r.lens.totalMs,
          emptyTotalMs: r.empty.totalMs,
          lensCpuMs: r.lens.extensionCpuMs,
          emptyCpuMs: r.empty.extensionCpuMs,
          lensTotalCpuMs: r.lens.totalCpuMs,
          emptyTotalCpuMs: r.empty.totalCpuMs,
          lensHeap: r.lens.heapBytes,
          emptyHeap: r.empty.heapBytes,
          byKind: r.lens.byKind,
        })),
      });
    }
  } finally {
    await lens.context.close();
    await empty.context.close();
  }
  return { results, twin, extensionId: lens.extensionId, twinId: empty.extensionId };
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** The outside table and its notes, as Markdown lines. */
export function outsideReport(outside, pairs) {
  const lines = [];
  const out = (line = '') => lines.push(line);
  out(
    `Outside (Chromium trace of the tab's renderer main threads; Case Lens against a twin build with empty ` +
      `scripts, ${pairs} pairs loaded alternately, medians):`,
  );
  out();
  out(
    '| page | documents | Case Lens code ms (CPU) | empty ms (CPU) | added ms / doc (CPU) | main thread added ms (CPU) | heap added MB | MB / doc | own scan ms | load avg |',
  );
  out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of outside.results) {
    if (r.runs === 0) {
      out(`| ${r.name} | – | – | – | – | – | – | – | – | – |`);
      continue;
    }
    out(
      `| ${r.name} | ${r.documents} | ${fmt(r.lensMs)} (${fmt(r.lensCpuMs)}) | ${fmt(r.emptyMs)} (${fmt(r.emptyCpuMs)}) | ` +
        `${fmt(r.addedMs / r.documents, 2)} (${fmt(r.addedCpuMs / r.documents, 2)}) | ` +
        `${fmt(r.totalAddedMs)} (${fmt(r.totalAddedCpuMs)}) | ${fmt(r.heapAddedMB, 2)} | ${fmt(r.heapAddedMB / r.documents, 3)} | ${fmt(r.scanMs)} | ` +
        `${fmt(r.load[0])}-${fmt(r.load[1])} |`,
    );
  }
  out();
  out(
    `Case Lens's code by kind, medians (ms): ` +
      outside.results
        .filter((r) => r.runs > 0)
        .map(
          (r) =>
            `${r.name}: ${Object.entries(r.byKind)
              .map(([k, v]) => `${k} ${fmt(v)}`)
              .join(', ')}`,
        )
        .join('; ') +
      '.',
  );
  out(
    `Longest task in which Case Lens's code ran (all of the task, as the trace shows it; a long task is over ` +
      `50 ms), median and worst of the pairs: ` +
      outside.results
        .filter((r) => r.runs > 0)
        .map((r) => `${r.name} ${fmt(r.longestTaskMs)} (${fmt(r.longestTaskMaxMs)}) ms`)
        .join(', ') +
      '.',
  );
  const elsewhere = outside.results.filter((r) => r.otherProcessFrames > 0);
  out(
    elsewhere.length
      ? `Frames in another renderer process (cross-site; traced too, but the heap is the top document's renderer only): ` +
          elsewhere
            .map(
              (r) =>
                `${r.name} ${r.otherProcessFrames} of ${r.frames} (the extension ran in ${r.otherProcessDocuments})`,
            )
            .join(', ') +
          '.'
      : 'Every frame of these pages was in the top document’s renderer process.',
  );
  out(
    `Trace windows: ${outside.results
      .filter((r) => r.runs > 0)
      .map((r) => `${r.name} ${r.windowMs / 1000} s (last extension event at ${fmt(r.lastEventMs / 1000, 1)} s)`)
      .join(', ')}.`,
  );
  const failed = outside.results.filter((r) => r.failures?.length);
  if (failed.length)
    out(
      `Runs that failed and were run again: ${failed.map((r) => `${r.name} (${r.failures.length}: ${r.failures[0]})`).join('; ')}.`,
    );
  out();
  out(
    `Case Lens code: the union of the top-level events on the renderer main threads that run the extension's code: ` +
      `evaluating its scripts (EvaluateScript, v8.compile, v8.run of chrome-extension://<id>/ URLs), calls into its ` +
      `functions (FunctionCall with its URL or script id; timers when inside TimerFire, idle or animation-frame ` +
      `callbacks), the extension IPC it receives, and the microtask checkpoints that are its own (after its script in ` +
      `the same task, in a task delivering it an extension reply, or calling an extension API). empty: the same for ` +
      `the twin (same manifest, empty files). added ms / doc: median of the per-pair differences over the documents ` +
      `(frames it evaluated a script in, the top one included). main thread added: median per-pair difference of all ` +
      `RunTask time on those threads, so work moved out of its scripts (style, layout, GC) still shows. heap: ` +
      `JSHeapUsedSize after HeapProfiler.collectGarbage, for the whole renderer isolate (every world), median of per-pair ` +
      `differences. own scan: its case-lens:scan measures summed over the frames. (CPU): the same events' thread time ` +
      `(tdur), which leaves out the time other processes held the core: on a loaded machine wall time is several times ` +
      `CPU time. The budgets are on wall time.`,
  );
  return lines;
}
