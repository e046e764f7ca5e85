import { launchChromiumWithExtension } from '/work/main/scripts/chromium-with-extension.mjs';
import { serveDirectory } from '/work/main/scripts/static-server.mjs';


const want = process.argv[2] ?? 'case-1mb-spellings.html';
const page = { path: want };
const server = await serveDirectory('/work/main', { generated: '/tmp/prof-pages' });
const { context } = await launchChromiumWithExtension({ extensionDir: process.argv[3] ?? '/tmp/prof-ext' });
const self = new Map(), incl = new Map();
const scans = [];
const runs = Number(process.argv[4] ?? 3);
for (let run = 0; run < runs; run++) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start'); const t0 = Date.now();
  await tab.goto(server.url + page.path, { waitUntil: 'load' });
  await tab.waitForFunction(() => {
    const m = performance.getEntriesByName('case-lens:scan');
    const last = m[m.length - 1];
    return last && document.querySelectorAll('#after case-lens-mark').length > 0 && performance.now() - (last.startTime + last.duration) > 600;
  }, null, { polling: 50, timeout: 30000 });
  const { profile } = await cdp.send('Profiler.stop');
  scans.push(await tab.evaluate(() => performance.getEntriesByName('case-lens:scan').reduce((s, m) => s + m.duration, 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  for (const [id, t] of dt) {
    const n = byId.get(id);
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
    self.set(key(n), (self.get(key(n)) ?? 0) + t);
    const stackKeys = []; for (let c = id; c !== undefined; c = parent.get(c)) stackKeys.push(key(byId.get(c)).split(" ")[0]); if (process.env.UNDER && !stackKeys.includes(process.env.UNDER)) continue; const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + t);
    }
  }
  await cdp.detach();
  await tab.close();
}
console.log('scan ms per run', scans.map((s) => s.toFixed(1)).join(' '));
const show = (m, n) => [...m].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log((v / runs).toFixed(1).padStart(8), k));
console.log('--- self (ms per run)'); show(self, 35);
console.log('--- inclusive (ms per run)'); show(incl, 45);
await context.close();
server.close();
