// `npm run docs:toolbar`: builds the extension and photographs the real browser toolbar, light and dark,
// with Case Lens pinned and its badge counting the entities on the seed article. Headed browsers on an
// X display (Xvfb when there is none), captured with ImageMagick's `import`; writes docs/toolbar-*.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';
import { serveDirectory } from './static-server.mjs';
import { waitForScan } from '../tests/e2e/extension.ts';

const SEED = '/seeds/us-accuses-three-koreans.html';
const SCREEN = { width: 1000, height: 700 };
const OUT = resolve('docs');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

if (!process.env.DISPLAY) {
  if (!onPath('xvfb-run')) {
    console.error('No display: install Xvfb (Debian/Ubuntu: apt-get install xvfb) or run with DISPLAY set.');
    process.exit(1);
  }
  // Again on a virtual screen of a known size.
  const screen = `-screen 0 ${SCREEN.width}x${SCREEN.height}x24`;
  const again = spawnSync(
    'xvfb-run',
    ['-a', '-s', screen, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(again.status ?? 1);
}
if (!onPath('import')) {
  console.error('No screen capture: install ImageMagick (Debian/Ubuntu: apt-get install imagemagick).');
  process.exit(1);
}
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
run('npx', ['wxt', 'build']);
mkdirSync(OUT, { recursive: true });

/** Chromium's id for an unpacked extension: the SHA-256 of its path, in hex digits spelt a-p. */
function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

/** The top `height` pixels of the X screen, `width` wide from the left. */
function captureTop(file, width, height) {
  execFileSync('import', ['-window', 'root', '-crop', `${width}x${height}+0+0`, '+repage', file]);
  console.log(`wrote ${file}`);
}

async function chromiumToolbar(scheme, server) {
  const extensionDir = resolve('.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'case-lens-toolbar-'));
  // Pinned before the first start, so the action sits on the toolbar rather than in the extensions menu.
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: false,
    colorScheme: scheme,
    viewport: null,
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      ...chromiumArgs(extensionDir),
      '--window-position=0,0',
      `--window-size=${SCREEN.width},${SCREEN.height}`,
      ...(scheme === 'dark' ? ['--force-dark-mode'] : []),
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url + SEED);
    await waitForScan(page);
    await page.mouse.click(2, 2); // focus leaves the address bar, which would show the URL selected
    await page.waitForTimeout(1000); // the badge and the toolbar repaint
    captureTop(join(OUT, `toolbar-${scheme}.png`), SCREEN.width, 90);
  } finally {
    await context.close();
  }
}

const server = await serveDirectory(resolve('.'));
try {
  await chromiumToolbar('light', server);
  await chromiumToolbar('dark', server);
} finally {
  server.close();
}
