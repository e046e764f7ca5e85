// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark
import { analyseTrace, unionMs } from '../../scripts/bench/trace-analysis.mjs';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const OURS = `chrome-extension://${ID}/content-scripts/content.js`;
const PID = 10;
const OOP = 11;

/** A complete event on a renderer's main thread; times in ms, as the trace's µs. */
const x = (name: string, at: number, ms: number, args: object = {}, pid = PID) => ({
  name,
  ph: 'X',
  pid,
  tid: pid,
  ts: at * 1000,
  dur: ms * 1000,
  args,
});
const meta = (pid: number) => ({ name: 'thread_name', ph: 'M', pid, tid: pid, args: { name: 'CrRendererMain' } });
const frame = (id: string, pid: number, main = false) => ({
  name: 'FrameCommittedInBrowser',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts: 1000,
  dur: 0,
  args: { data: { frame: id, processId: pid, isOutermostMainFrame: main } },
});

function trace() {
  return [
    meta(PID),
    meta(OOP),
    { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'CrBrowserMain' } },
    frame('TOP', PID, true),
    frame('CHILD', PID),
    frame('ADS', OOP),
    // Evaluating the content script in two documents: 10 ms and 4 ms (compile and run inside count once).
    x('RunTask', 10, 12),
    x('EvaluateScript', 11, 10, { data: { url: OURS, frame: 'TOP' } }),
    x('v8.compile', 11, 3, { data: { url: OURS, scriptId: 7 } }),
    x('v8.run', 14, 7, { fileName: OURS }),
    x('RunTask', 30, 5),
    x('EvaluateScript', 30, 4, { data: { url: OURS, frame: 'CHILD' } }),
    // A timer of ours known by its script id only: 3 ms; then its microtasks, 1 ms.
    x('RunTask', 40, 6),
    x('TimerFire', 40, 3.5),
    x('FunctionCall', 40.2, 3, { data: { scriptId: 7 } }),
    x('RunMicrotasks', 44, 1),
    // The page's own listener and microtasks: not ours.
    x('RunTask', 50, 10),
    x('FunctionCall', 50, 6, { data: { url: 'http://127.0.0.1/page.js' } }),
    x('RunMicrotasks', 57, 2),
    // An API reply resolving our promise: the reply and the microtasks it runs, 2 ms.
    x('RunTask', 70, 3),
    x('Receive mojo reply', 70, 0.5, {
      chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.LocalFrameHost' },
    }),
    x('RunMicrotasks', 70.5, 1.5),
    // Microtasks calling another extension's API: not ours.
    x('RunTask', 80, 2),
    x('RunMicrotasks', 80, 2),
    x('NativeExtensionBindingsSystem::SendRequest', 80.5, 0.5, { chrome_extension_id: { extension_id: OTHER } }),
    // Microtasks calling our API, in a task with no script before: ours, 1 ms.
    x('RunTask', 90, 1),
    x('RunMicrotasks', 90, 1),
    x('NativeExtensionBindingsSystem::SendRequest', 90.2, 0.3, { chrome_extension_id: { extension_id: ID } }),
    // A frame in another process that never ran our code, and the browser's own work: neither counts.
    x('RunTask', 20, 5, {}, OOP),
    { ...x('EvaluateScript', 20, 5, { data: { url: OURS, frame: 'TOP' } }), pid: 1, tid: 1 },
    x('RunTask', 200, 1),
  ];
}

describe('outside measurement: reading a trace', () => {
  it('sums nested and overlapping intervals once', () => {
    expect(
      unionMs([
        { start: 0, end: 1000 },
        { start: 500, end: 1500 },
        { start: 200, end: 300 },
        { start: 3000, end: 3500 },
      ]),
    ).toBe(2);
    expect(unionMs([])).toBe(0);
  });

  it('attributes script evaluation, timers, IPC and microtasks to the extension by its id', () => {
    const r = analyseTrace(trace(), ID);
    expect(r.byKind.evaluate).toBeCloseTo(14);
    expect(r.byKind.timers).toBeCloseTo(3);
    expect(r.byKind.calls).toBe(0);
    expect(r.byKind.messages).toBeCloseTo(0.5);
    expect(r.byKind.microtasks).toBeCloseTo(1 + 1.5 + 1);
    expect(r.extensionMs).toBeCloseTo(14 + 3 + 0.5 + 3.5);
    expect(r.documents).toBe(2);
    expect(r.frames).toBe(3);
    expect(r.otherProcessFrames).toBe(1);
    expect(r.otherProcessDocuments).toBe(0);
    // Every RunTask of the tab's renderer main threads (the other process's included).
    expect(r.totalMs).toBeCloseTo(12 + 5 + 6 + 10 + 3 + 2 + 1 + 5 + 1);
    // From the top frame's commit (1 ms) to the end of the last of our events (91 ms) and of the trace (201 ms).
    expect(r.lastEventMs).toBeCloseTo(90);
    expect(r.spanMs).toBeCloseTo(200);
    // Without thread times in the events, CPU time falls back to wall time.
    expect(r.extensionCpuMs).toBeCloseTo(r.extensionMs);
    expect(r.totalCpuMs).toBeCloseTo(r.totalMs);
  });

  it('reports the longest task in which our code ran, whole, and not a longer task of the page alone', () => {
    const events = [
      meta(PID),
      frame('TOP', PID, true),
      x('RunTask', 10, 60),
      x('FunctionCall', 10, 58, { data: { url: 'http://127.0.0.1/page.js' } }),
      x('RunTask', 100, 30),
      x('EvaluateScript', 101, 12, { data: { url: OURS, frame: 'TOP' } }),
      x('FunctionCall', 114, 15, { data: { url: 'http://127.0.0.1/page.js' } }),
      x('RunTask', 200, 20),
      x('EvaluateScript', 200, 19, { data: { url: OURS, frame: 'TOP' } }),
    ];
    expect(analyseTrace(events, ID).longestTaskMs).toBeCloseTo(30);
    expect(analyseTrace(events, OTHER).longestTaskMs).toBe(0);
  });

  it('finds none of the script work of an extension that did not run', () => {
    const r = analyseTrace(trace(), OTHER);
    // extensions.mojom IPC names no extension, so the reply and its microtasks count for any (one per browser).
    expect(r.extensionMs).toBeCloseTo(0.5 + 1.5 + 2);
    expect(r.byKind.evaluate).toBe(0);
    expect(r.documents).toBe(0);
  });
});
