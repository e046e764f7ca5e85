import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The built manifests against what the toolbars and both stores ask of a package. No browser: it reads
// the builds `npm test` makes before the end-to-end run.

/** 16 and 32 for toolbars, 48 and 96 for Firefox's add-ons manager, 128 for installs and store listings. */
const SIZES = [16, 32, 48, 96, 128];
const BUILDS = ['chrome-mv3', 'firefox-mv3'];

interface Manifest {
  name?: string;
  version?: string;
  description?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[]; world?: string; all_frames?: boolean }[];
}

function readManifest(build: string): Manifest {
  const file = resolve('.output', build, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build and npm run build:firefox first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Width and height from a PNG's header (the IHDR chunk always comes first), or null for anything else. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every named icon exists in the build and is a square PNG of the size it is named for. */
function expectIcons(build: string, key: string, icons: Record<string, string> | undefined, sizes: number[]): void {
  expect(icons, `${build}: no ${key}`).toBeDefined();
  expect(Object.keys(icons ?? {}).map(Number), `${build}: sizes in ${key}`).toEqual(expect.arrayContaining(sizes));
  for (const [size, path] of Object.entries(icons ?? {})) {
    const file = join('.output', build, path);
    expect(existsSync(file), `${build}: ${key} names ${path} for ${size} px, which does not exist`).toBe(true);
    expect(pngSize(file), `${build}: ${key} ${size}: ${path}`).toEqual({ width: Number(size), height: Number(size) });
  }
}

for (const build of BUILDS) {
  test(`${build}: the manifest names a PNG of the right size for every icon size, and the toolbar button's`, () => {
    const manifest = readManifest(build);
    expectIcons(build, 'icons', manifest.icons, SIZES);
    expectIcons(build, 'action.default_icon', manifest.action?.default_icon, [16, 32]);
  });
}

test('both manifests carry what the stores ask for: name, version, a short description, Firefox id and data use', () => {
  for (const build of BUILDS) {
    const manifest = readManifest(build);
    expect(manifest.name).toBe('Case Lens');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    // The Chrome Web Store refuses a description longer than 132 characters.
    expect(manifest.description?.length ?? 0).toBeGreaterThan(0);
    expect(manifest.description?.length).toBeLessThanOrEqual(132);
  }
  const gecko = readManifest('firefox-mv3').browser_specific_settings?.gecko;
  expect(gecko?.id).toMatch(/@/);
  expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
});

for (const build of BUILDS) {
  test(`${build}: storage and scripting, with host access no wider than the content scripts' pages`, () => {
    const manifest = readManifest(build);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['scripting', 'storage']);
    // Host permissions equal to the pages the content scripts already run on add no install warning.
    const scriptPages = new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []));
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...scriptPages].sort());
    // Every frame runs the scout in the extension's own world; the full script is injected, never declared.
    const scout = manifest.content_scripts?.find((c) => c.js?.includes('scout.js'));
    expect(scout?.all_frames).toBe(true);
    expect(scout?.world).toBeUndefined();
    expect(manifest.content_scripts?.some((c) => c.js?.includes('case-lens.js'))).toBe(false);
    expect(existsSync(resolve('.output', build, 'case-lens.js'))).toBe(true);
  });
}
