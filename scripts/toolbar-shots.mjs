// `npm run docs:toolbar`: builds the extension and photographs the real browser toolbars, light and dark,
// with Case Lens pinned and its badge counting the entities on the seed article: Chromium, then Firefox
// when one is installed. Headed browsers on an X display (Xvfb when there is none), captured with
// ImageMagick's `import`; writes docs/toolbar-{light,dark}.png and docs/toolbar-firefox-{light,dark}.png.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';
import { serveDirectory } from './static-server.mjs';

const SEED = '/seeds/us-accuses-three-koreans.html';
const SCREEN = { width: 640, height: 600 };
/** Tab strip and toolbar of a window at the top left of the screen. */
const TOOLBAR = { width: SCREEN.width, height: 90 };
/** The badge background the extension sets (entrypoints/background.ts): how a shot knows the count is up. */
const BADGE = '#3b3b98';
const OUT = resolve('docs');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

if (!process.env.DISPLAY) {
  if (!onPath('xvfb-run')) {
    console.error('No display: install Xvfb (Debian/Ubuntu: apt-get install xvfb) or run with DISPLAY set.');
    process.exit(1);
  }
  // Again, on a virtual screen of a known size.
  const screen = `-screen 0 ${SCREEN.width}x${SCREEN.height}x24`;
  const args = ['-a', '-s', screen, process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  process.exit(spawnSync('xvfb-run', args, { stdio: 'inherit' }).status ?? 1);
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
const firefoxPath =
  process.env.FIREFOX_PATH ??
  ['firefox-esr', 'firefox']
    .map((name) =>
      spawnSync('sh', ['-c', `command -v ${name}`])
        .stdout.toString()
        .trim(),
    )
    .find(Boolean);
mkdirSync(OUT, { recursive: true });

/** Chromium's id for an unpacked extension: the SHA-256 of its path, in hex digits spelt a-p. */
function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

/** The toolbar's pixels, raw RGB. */
function toolbarPixels() {
  const crop = `${TOOLBAR.width}x${TOOLBAR.height}+0+0`;
  return execFileSync('import', ['-window', 'root', '-crop', crop, '+repage', '-depth', '8', 'rgb:-'], {
    maxBuffer: 16 << 20,
  });
}

/** How many of the toolbar's pixels have the badge's colour. */
function badgePixels(rgb) {
  const args = ['-size', `${TOOLBAR.width}x${TOOLBAR.height}`, '-depth', '8', 'rgb:-', '-fuzz', '6%'];
  const paint = ['-fill', 'white', '+opaque', BADGE, '-fill', 'black', '-opaque', BADGE];
  const count = execFileSync('convert', [...args, ...paint, '-format', '%[fx:round(w*h*(1-mean))]', 'info:'], {
    input: rgb,
  });
  return Number(count.toString());
}

/**
 * Waits until the toolbar shows the badge and has stopped changing (page loaded, count final), then
 * saves it: the browsers run on a shared machine, where a fixed pause is either too short or wasteful.
 */
async function photographToolbar(file) {
  let previous = null;
  for (let tries = 0; tries < 180; tries++) {
    const rgb = toolbarPixels();
    if (previous?.equals(rgb) && badgePixels(rgb) > 20) {
      execFileSync('convert', ['-size', `${TOOLBAR.width}x${TOOLBAR.height}`, '-depth', '8', 'rgb:-', file], {
        input: rgb,
      });
      console.log(`wrote ${file}`);
      return;
    }
    previous = rgb;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`The toolbar never settled with a badge on it; ${file} not written.`);
}

async function chromiumToolbar(scheme, url) {
  const extensionDir = resolve('.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'case-lens-toolbar-'));
  // Pinned before the first start, so the button sits on the toolbar rather than in the extensions menu.
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
    ignoreDefaultArgs: ['--enable-automation'], // its info bar
    args: [
      ...chromiumArgs(extensionDir),
      '--window-position=0,0',
      `--window-size=${SCREEN.width},${SCREEN.height}`,
      ...(scheme === 'dark' ? ['--force-dark-mode'] : []),
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.mouse.click(2, 2); // focus leaves the address bar, which would show the URL selected
    await photographToolbar(join(OUT, `toolbar-${scheme}.png`));
  } finally {
    await context.close();
  }
}

/** Firefox's widget id for an add-on's toolbar button. */
function firefoxActionWidget(addonId) {
  return `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
}

/**
 * Firefox started as a reader would start it, not under remote control (which stripes the address bar),
 * with the build loaded from its folder through an extension proxy file; ESR loads unsigned add-ons
 * when `xpinstall.signatures.required` is off.
 */
async function firefoxToolbar(scheme, url) {
  const extensionDir = resolve('.output/firefox-mv3');
  const addonId = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko
    .id;
  const widget = firefoxActionWidget(addonId);
  const profile = mkdtempSync(join(tmpdir(), 'case-lens-toolbar-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  writeFileSync(join(profile, 'extensions', addonId), `${extensionDir}\n`);
  // Firefox puts a new add-on's button in its extensions menu; a saved toolbar layout pins it instead.
  const layout = {
    placements: {
      'nav-bar': ['back-button', 'forward-button', 'stop-reload-button', 'urlbar-container', widget],
      TabsToolbar: ['tabbrowser-tabs', 'new-tab-button'],
    },
    seen: [widget],
    dirtyAreaCache: ['nav-bar', 'TabsToolbar'],
    currentVersion: 20,
    newElementCount: 0,
  };
  const prefs = {
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0, // the profile's own add-ons start enabled, without asking
    'extensions.update.enabled': false,
    'browser.uiCustomization.state': JSON.stringify(layout),
    'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
  };
  const userJs = Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`);
  writeFileSync(join(profile, 'user.js'), userJs.join(''));
  const size = ['-width', String(SCREEN.width), '-height', String(SCREEN.height)];
  const firefox = spawn(firefoxPath, ['-profile', profile, '-no-remote', ...size, url], { stdio: 'ignore' });
  try {
    await photographToolbar(join(OUT, `toolbar-firefox-${scheme}.png`));
  } finally {
    firefox.kill();
    await new Promise((done) => firefox.once('exit', done));
  }
}

const server = await serveDirectory(resolve('.'));
try {
  run('npx', ['wxt', 'build']);
  await chromiumToolbar('light', server.url + SEED);
  await chromiumToolbar('dark', server.url + SEED);
  if (firefoxPath) {
    run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
    await firefoxToolbar('light', server.url + SEED);
    await firefoxToolbar('dark', server.url + SEED);
  } else {
    console.log('No Firefox found (FIREFOX_PATH, firefox-esr, firefox): Firefox toolbar shots skipped.');
  }
} finally {
  server.close();
}
