// Reading a Chromium trace of one page load: how long the renderer's main
// thread ran an extension's code, and how long it ran at all. Pure functions
// over the trace's event list (no browser), so that they can be unit-tested.

/** Categories the outside measurement records (the `mojom` events come with `toplevel`). */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'v8.execute',
  'extensions',
];

const EVALUATE = new Set(['EvaluateScript', 'v8.compile', 'v8.run']);
/** Tasks that call a script back; a FunctionCall inside one of these is a timer. */
const TIMERS = new Set(['TimerFire', 'FireIdleCallback', 'FireAnimationFrame']);
/** Events that run script: the last one before a microtask checkpoint decides whose microtasks they are. */
const SCRIPT = new Set(['EvaluateScript', 'v8.run', 'FunctionCall']);
const MOJO = new Set(['Receive mojo message', 'Receive mojo reply']);

const scriptUrl = (e) => e.args?.data?.url || e.args?.fileName || e.args?.data?.fileName || '';
const end = (e) => e.ts + (e.dur ?? 0);

/**
 * The frames of the traced tab and the processes that host them, from the
 * browser's own records (the tab was the only one open while tracing).
 */
export function tabFrames(events) {
  const frames = new Map();
  for (const e of events) {
    if (e.name === 'TracingStartedInBrowser') {
      for (const f of e.args?.data?.frames ?? []) frames.set(f.frame, { ...f });
    } else if (e.name === 'FrameCommittedInBrowser') {
      const f = e.args?.data;
      if (f?.frame) frames.set(f.frame, { ...frames.get(f.frame), ...f, committedAt: e.ts });
    }
  }
  return [...frames.values()];
}

/** Sums the union of intervals, so that nested or overlapping events count once. */
export function unionMs(intervals) {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let run = null;
  for (const { start, end: stop } of sorted) {
    if (run && start <= run.end) run.end = Math.max(run.end, stop);
    else {
      if (run) total += run.end - run.start;
      run = { start, end: stop };
    }
  }
  if (run) total += run.end - run.start;
  return total / 1000;
}

/**
 * Links each complete event of one thread to its parent (the innermost event
 * that encloses it); trace events of one thread nest properly.
 */
function nest(threadEvents) {
  const sorted = threadEvents
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const nodes = [];
  for (const e of sorted) {
    while (stack.length && end(stack[stack.length - 1].e) <= e.ts) stack.pop();
    const node = { e, parent: stack[stack.length - 1] ?? null };
    nodes.push(node);
    stack.push(node);
  }
  return nodes;
}

const rootOf = (node) => {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
};

/**
 * What the extension `extensionId` cost the tab's renderer main threads in
 * this trace. Its events: evaluating its scripts (EvaluateScript, v8.compile,
 * v8.run with its chrome-extension:// URL), calls into its functions
 * (FunctionCall with its URL, or a script id compiled from its URL; inside a
 * TimerFire, idle or animation-frame callback it is a timer), the IPC it
 * receives (mojo messages and replies on extensions.mojom interfaces, with any
 * listener they run), and microtask checkpoints that are its own: one that
 * follows its script in the same task, one in a task that delivered it an
 * extensions.mojom reply or message (an API call's promise resolving), and
 * one in which it calls an extension API. Events nested in another of its
 * events count once (top-level only).
 *
 * The extensions.mojom IPC names no extension: the trace must hold one
 * extension only (the bench loads one per browser).
 *
 * Returns milliseconds, summed over the threads: `extensionMs` (and by kind),
 * `totalMs` (every RunTask on those threads), `longestTaskMs` (the longest
 * task in which the extension's code ran, all of that task), the documents it evaluated a script in, the time of its
 * last event, the trace's span, and the frames hosted in other processes.
 */
export function analyseTrace(events, extensionId) {
  const prefix = `chrome-extension://${extensionId}/`;
  const frames = tabFrames(events);
  const main = frames.find((f) => f.isOutermostMainFrame) ?? frames[0];
  const pids = new Set(frames.map((f) => f.processId).filter(Boolean));
  const rendererMain = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      rendererMain.add(`${e.pid}:${e.tid}`);
  }
  // Script ids compiled from the extension's files, per process (ids are per isolate).
  const ours = new Set();
  for (const e of events) {
    if (e.name === 'v8.compile' && scriptUrl(e).startsWith(prefix) && e.args?.data?.scriptId !== undefined)
      ours.add(`${e.pid}:${e.args.data.scriptId}`);
  }
  const isOurs = (e) => {
    const url = scriptUrl(e);
    if (url) return url.startsWith(prefix);
    const id = e.args?.data?.scriptId;
    return id !== undefined && ours.has(`${e.pid}:${id}`);
  };
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!rendererMain.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }

  // Sums per thread: the threads of two processes run at the same time.
  const byKind = { evaluate: 0, timers: 0, calls: 0, microtasks: 0, messages: 0 };
  let extensionMs = 0;
  let totalMs = 0;
  // Thread (CPU) time of the same events: on a loaded machine wall time also holds the time other processes had the core.
  let extensionCpuMs = 0;
  let totalCpuMs = 0;
  const documents = new Set();
  const documentsByPid = new Map();
  let lastExtension = -Infinity;
  let longestTaskMs = 0;
  for (const [, threadEvents] of byThread) {
    const nodes = nest(threadEvents);
    const kinds = { evaluate: [], timers: [], calls: [], microtasks: [], messages: [] };
    const tasks = [];
    const kindOf = new Map();
    // The extension's own events first.
    for (const node of nodes) {
      const e = node.e;
      if (EVALUATE.has(e.name) && isOurs(e)) {
        kindOf.set(node, 'evaluate');
        if (e.name === 'EvaluateScript' && e.args?.data?.frame) {
          documents.add(e.args.data.frame);
          documentsByPid.set(e.pid, (documentsByPid.get(e.pid) ?? new Set()).add(e.args.data.frame));
        }
      } else if (e.name === 'FunctionCall' && isOurs(e)) {
        let timer = false;
        for (let p = node.parent; p && !timer; p = p.parent) timer = TIMERS.has(p.e.name);
        kindOf.set(node, timer ? 'timers' : 'calls');
      } else if (
        MOJO.has(e.name) &&
        /^extensions\.mojom\./.test(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '')
      ) {
        kindOf.set(node, 'messages');
      }
    }
    // Tasks that delivered the extension IPC, and checkpoints in which it called an extension API.
    const extensionTasks = new Set();
    const apiCheckpoints = new Set();
    for (const node of nodes) {
      const e = node.e;
      const apiCall =
        e.name === 'NativeExtensionBindingsSystem::SendRequest' &&
        e.args?.chrome_extension_id?.extension_id === extensionId;
      if (apiCall || kindOf.get(node) === 'messages') extensionTasks.add(rootOf(node));
      if (apiCall) for (let p = node.parent; p; p = p.parent) if (p.e.name === 'RunMicrotasks') apiCheckpoints.add(p);
    }
    // Microtask checkpoints, task by task, in order.
    const lastScript = new Map();
    for (const node of nodes) {
      const e = node.e;
      const root = rootOf(node);
      if (e.name === 'RunMicrotasks') {
        const previous = lastScript.get(root);
        if ((previous && kindOf.has(previous)) || extensionTasks.has(root) || apiCheckpoints.has(node))
          kindOf.set(node, 'microtasks');
      }
      if (SCRIPT.has(e.name)) lastScript.set(root, node);
      if (e.name === 'RunTask' && !node.parent) {
        tasks.push({ start: e.ts, end: end(e) });
        totalCpuMs += (e.tdur ?? e.dur) / 1000;
      }
    }
    // The longest task in which the extension's code ran (a task over 50 ms is a long task, whoever ran in it).
    for (const node of kindOf.keys()) {
      const root = rootOf(node).e;
      if (root.name === 'RunTask') longestTaskMs = Math.max(longestTaskMs, root.dur / 1000);
    }
    // Top level only: an event inside another of the extension's events is already counted.
    for (const [node, kind] of kindOf) {
      let inside = false;
      for (let p = node.parent; p && !inside; p = p.parent) inside = kindOf.has(p);
      if (inside) continue;
      kinds[kind].push({ start: node.e.ts, end: end(node.e) });
      extensionCpuMs += (node.e.tdur ?? node.e.dur) / 1000;
      lastExtension = Math.max(lastExtension, end(node.e));
    }
    for (const [kind, intervals] of Object.entries(kinds)) byKind[kind] += unionMs(intervals);
    extensionMs += unionMs(Object.values(kinds).flat());
    totalMs += unionMs(tasks);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (typeof e.ts !== 'number' || e.ts <= 0 || e.ph === 'M') continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, end(e));
  }
  const start = main?.committedAt ?? first;
  return {
    extensionMs,
    byKind,
    totalMs,
    extensionCpuMs,
    totalCpuMs,
    documents: documents.size,
    frames: frames.length,
    // Frames in another renderer than the top document's, and how many of them ran the extension's scripts.
    otherProcessFrames: frames.filter((f) => main && f.processId !== main.processId).length,
    otherProcessDocuments: [...documentsByPid]
      .filter(([pid]) => pid !== main?.processId)
      .reduce((n, [, s]) => n + s.size, 0),
    longestTaskMs,
    lastEventMs: Number.isFinite(lastExtension) ? (lastExtension - start) / 1000 : 0,
    spanMs: (last - start) / 1000,
  };
}
