// `npm run fuzz -- [--seed N] [--runs N] [--seconds N] [--tabs N] [--part N] [--renderer wrap|paint]`: the
// page-mutation fuzzer (tests/e2e/fuzz.spec.ts) on a large budget against the current build (`npm run build`
// first). --runs counts sequences; --tabs pairs of tabs (default 4) run at once, each with its own seed;
// --part sequences make one test (default 250: Playwright slows down as one test's page calls pile up), and
// the time is shared evenly between the parts. Defaults: a seed from the clock, 10,000 sequences, two hours
// at most (about one on this two-core machine). The seed is printed, so that a run
// can be repeated; a failure prints the shrunk sequence and fast-check's replay path. --renderer paint runs
// it with highlights painted (the project chromium-paint), where the DOM must stay the page's own exactly.
import { parseArgs } from 'node:util';
import { findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      seed: { type: 'string' },
      runs: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '7200' },
      tabs: { type: 'string', default: '4' },
      part: { type: 'string', default: '250' },
      renderer: { type: 'string', default: 'wrap' },
    },
  }));
} catch (error) {
  console.error(
    `fuzz: ${error.message}\nusage: npm run fuzz -- [--seed N] [--runs N] [--seconds N] [--tabs N] [--part N] [--renderer wrap|paint]`,
  );
  process.exit(2);
}
if (!['wrap', 'paint'].includes(options.renderer)) {
  console.error(`fuzz: --renderer must be wrap or paint, got "${options.renderer}"`);
  process.exit(2);
}
const { renderer, ...numbers } = options;
for (const [name, value] of Object.entries(numbers)) {
  if (!/^\d+$/.test(value) || (name !== 'seed' && Number(value) === 0)) {
    console.error(`fuzz: --${name} must be a whole number${name === 'seed' ? '' : ' above 0'}, got "${value}"`);
    process.exit(2);
  }
}
const seed = options.seed ?? String(Date.now() % 2 ** 31);
const chromium = findChromium();
if (!chromium) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
console.log(
  `fuzz: seed ${seed}, ${options.runs} sequences (${options.tabs} at a time, ${options.part} per test), at most ${options.seconds} s, highlights ${renderer === 'paint' ? 'painted' : 'wrapped'}`,
);
const project = renderer === 'paint' ? 'chromium-paint' : 'chromium';
run('npx', ['playwright', 'test', 'tests/e2e/fuzz.spec.ts', `--project=${project}`], {
  CHROMIUM_PATH: chromium,
  FUZZ_SEED: seed,
  FUZZ_RUNS: options.runs,
  FUZZ_SECONDS: options.seconds,
  FUZZ_TABS: options.tabs,
  FUZZ_PART: options.part,
});
