// Finds a Chromium that can load an unpacked extension, installing Debian's
// package when that is possible and nothing else is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function playwrightCacheChromium() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return null;
  for (const dir of readdirSync(cache)
    .filter((d) => d.startsWith('chromium-'))
    .sort()
    .reverse()) {
    for (const rel of [
      'chrome-linux/chrome',
      'chrome-linux64/chrome',
      'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    ]) {
      const candidate = join(cache, dir, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * As root on Debian or Ubuntu, installs Debian's package `pkg` (the browser `name`)
 * with apt-get and returns its binary, `/usr/bin/<pkg>`; null anywhere else.
 */
function installDebianPackage(name, pkg) {
  if (process.platform !== 'linux' || !isDebianLike() || process.getuid?.() !== 0) return null;
  console.log(`No ${name} found: installing Debian's "${pkg}" package with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
  const binary = `/usr/bin/${pkg}`;
  return existsSync(binary) ? binary : null;
}

export function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  const cached = playwrightCacheChromium();
  if (cached) return cached;
  return install ? installDebianPackage('Chromium', 'chromium') : null;
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Finds a Firefox for the end-to-end tests: FIREFOX_PATH, then firefox-esr or
 * firefox on PATH; installs Debian's firefox-esr when that is possible.
 */
export function findFirefox({ install = true } = {}) {
  if (process.env.FIREFOX_PATH) {
    if (existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
  }
  const found = onPath('firefox-esr') ?? onPath('firefox');
  if (found) return found;
  return install ? installDebianPackage('Firefox', 'firefox-esr') : null;
}

export const NO_FIREFOX_MESSAGE =
  'No Firefox found: set FIREFOX_PATH to a Firefox (140 or later) binary, or install one (Debian/Ubuntu: sudo apt-get install firefox-esr).';

/**
 * Command-line switches for a headless Chromium driven by Playwright, with the
 * unpacked extension in `extensionDir` when given. (As root Chromium needs
 * --no-sandbox; the background-networking switches stop floods of refused
 * connections in a sandbox without network.)
 */
export function chromiumArgs(extensionDir) {
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
  ];
}

export const NO_BROWSER_MESSAGE =
  'No Chromium found: set CHROMIUM_PATH to a Chromium binary, or install one (Debian/Ubuntu: sudo apt-get install chromium).';

/** A browser in a window needs a display: without one, says how to run `command` under Xvfb and exits. */
export function exitWithoutDisplay(command) {
  if (process.env.DISPLAY || process.platform !== 'linux') return;
  console.error(`No display: run \`xvfb-run -a ${command}\` on a machine without one.`);
  process.exit(1);
}

/** Runs a command with inherited output; exits this process when it fails. */
export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Chromium and Firefox for the end-to-end runs, or the process ends with one line saying how to get them. */
export function requireBrowsers() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  const firefox = findFirefox();
  if (!firefox) {
    console.error(NO_FIREFOX_MESSAGE);
    process.exit(1);
  }
  return { chromium, firefox };
}
