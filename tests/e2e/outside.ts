import { chromium, type Browser, type Page } from '@playwright/test';
// @ts-expect-error: a plain ES module shared with the scripts
import { serveDirectory } from '../../scripts/static-server.mjs';
import { ROOT } from './extension';

/**
 * What a page or a check sees from outside the extension: the same Chromium
 * with no extension (the oracle for "nothing differs"), the extension's UI
 * read over the DevTools protocol (which reaches closed shadow roots without
 * opening anything), and the main thread's long tasks from a browser trace.
 */

export interface PlainBrowser {
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The same Chromium without the extension, with its own static server for the repository. */
export async function launchPlain(): Promise<PlainBrowser> {
  const server = await serveDirectory(ROOT, {});
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  return {
    browser,
    baseUrl: server.url,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * The text of every piece of the extension's UI in the page (`case-lens-*`
 * elements other than highlights), read over CDP with `pierce: true`: closed
 * shadow roots included, nothing opened or hovered. Hidden subtrees
 * (`aria-hidden="true"`, style sheets) are left out, so a hidden warm-up copy
 * of the card does not count as a card the reader sees.
 */
export async function extensionUiTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: string[] = [];
    const textOf = (node: DomNode): string => {
      if (node.nodeType === 3) return node.nodeValue;
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'aria-hidden' && attrs[i + 1] === 'true') return '';
      if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
      return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('');
    };
    const visit = (node: DomNode) => {
      if (node.nodeName.startsWith('CASE-LENS-') && node.nodeName !== 'CASE-LENS-MARK') {
        out.push(textOf(node).replace(/\s+/g, ' ').trim());
        return;
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
      if (node.contentDocument) visit(node.contentDocument);
    };
    visit(root);
    return out.filter((text) => text.length > 0);
  } finally {
    await cdp.detach();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

export interface LongTask {
  ms: number;
  /** The extension's scripts that ran inside the task. */
  scripts: string[];
  /** What ran them (EvaluateScript, FunctionCall…), with their own time in ms: where to look. */
  events: string[];
}

/**
 * Runs `during` under a browser trace and returns the main-thread tasks
 * (RunTask on CrRendererMain) longer than `thresholdMs` in which the
 * extension's own code ran (a FunctionCall, script evaluation or compile
 * from a `chrome-extension://<id>/` URL): what a reader would feel, measured
 * by the browser rather than by the extension's own measures.
 */
export async function longTasksWithExtension(
  page: Page,
  extensionId: string,
  during: () => Promise<void>,
  thresholdMs = 50,
): Promise<LongTask[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,toplevel,v8.execute,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await during();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const ours = `chrome-extension://${extensionId}/`;
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key) || e.ph !== 'X') continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const long: LongTask[] = [];
  for (const list of byThread.values()) {
    const scripts = list.filter((e) => e.args?.data?.url?.startsWith(ours));
    // A task can be recorded twice (RunTask inside ThreadControllerImpl::RunTask): only the outer one counts.
    let outerEnd = -1;
    const tasks = list
      .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      if (task.ts < outerEnd) continue;
      outerEnd = end;
      const ms = (task.dur ?? 0) / 1000;
      if (ms <= thresholdMs) continue;
      const inside = scripts.filter((s) => s.ts >= task.ts && s.ts < end);
      if (inside.length > 0)
        long.push({
          ms,
          scripts: [...new Set(inside.map((s) => s.args!.data!.url!))],
          events: inside.map((s) => `${s.name} ${((s.dur ?? 0) / 1000).toFixed(1)} ms`),
        });
    }
  }
  return long;
}
