// Synthetic entities for the alias-scaling run: the store's own entities plus
// N made-up aliases, compiled into a real build of the extension, so that the
// benchmark measures the shipped scan code with a large store.
import { build } from 'wxt';
import { resolve } from 'node:path';

const GIVEN = [
  'Min',
  'Sol',
  'Hyun',
  'Ji',
  'Tae',
  'Yong',
  'Eun',
  'Dae',
  'Sung',
  'Chul',
  'Hee',
  'Jae',
  'Kwang',
  'Myung',
  'Seok',
  'Won',
];
const FAMILY = [
  'Ri',
  'Choe',
  'Kang',
  'Ryu',
  'Han',
  'Jang',
  'Yun',
  'Song',
  'Ko',
  'Mun',
  'Paek',
  'Hwang',
  'Ryom',
  'Sin',
  'O',
  'Chae',
];
// Frequent English words, so that many synthetic names begin the way ordinary text does.
const WORDS = [
  'National',
  'United',
  'First',
  'Central',
  'Royal',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Great',
  'New',
  'General',
  'Joint',
  'Special',
  'Strategic',
  'Digital',
  'Global',
  'Pacific',
  'Atlantic',
  'Harbor',
  'River',
  'Mountain',
  'Silver',
  'Golden',
  'Iron',
  'Crystal',
  'Shadow',
  'Silent',
  'Black',
  'White',
  'Red',
  'Blue',
  'Green',
  'Star',
  'Moon',
  'Sun',
  'Falcon',
  'Tiger',
  'Dragon',
  'Phoenix',
  'Cobra',
  'Viper',
  'Lotus',
  'Cedar',
  'Maple',
  'Pine',
  'Stone',
  'Bridge',
  'Tower',
  'Gate',
  'Castle',
  'Harvest',
  'Winter',
  'Summer',
  'Spring',
  'Autumn',
  'Ocean',
  'Desert',
  'Forest',
  'Valley',
];
const KINDS = ['Group', 'Team', 'Bureau', 'Office', 'Unit', 'Trading', 'Company', 'Bank', 'Exchange', 'Campaign'];
const CATEGORIES = ['person', 'group', 'organization', 'malware', 'incident', 'legal', 'place', 'other'];

/** A small deterministic generator (mulberry32): the same seed gives the same store. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct made-up aliases, five to an entity: person names (Ri
 * Sol-min), organisation names built from frequent words (Northern Falcon
 * Bureau), malware-style names (SilverCobra, ShadowLotus 2.0).
 */
export function syntheticEntities(count, seed = 121) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const seen = new Set();
  const aliases = [];
  while (aliases.length < count) {
    const shape = next();
    let text;
    if (shape < 0.4) text = `${pick(FAMILY)} ${pick(GIVEN)}-${pick(GIVEN).toLowerCase()}`;
    else if (shape < 0.8) text = `${pick(WORDS)} ${pick(WORDS)} ${pick(KINDS)}`;
    else text = `${pick(WORDS)}${pick(WORDS)}${next() < 0.3 ? ` ${1 + Math.floor(next() * 9)}.0` : ''}`;
    const key = text.toLowerCase().replace(/-/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push({ text });
  }
  const entities = [];
  for (let i = 0; i < aliases.length; i += 5) {
    const n = entities.length;
    entities.push({
      id: `synthetic-${String(n).padStart(5, '0')}`,
      category: CATEGORIES[n % CATEGORIES.length],
      aliases: aliases.slice(i, i + 5),
    });
  }
  return entities;
}

/**
 * A Vite plugin that serves `@/facts/bundled-lexicon` with the synthetic
 * entities appended to the store's own (everything else the module exports
 * passes through unchanged).
 */
function syntheticLexiconPlugin(root, count) {
  const real = resolve(root, 'facts/bundled-lexicon.ts');
  const id = '\0case-lens-bench-lexicon';
  return {
    name: 'case-lens-bench-synthetic-lexicon',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === id) return null;
      if (source === '@/facts/bundled-lexicon') return id;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? id : null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return [
        `export * from ${JSON.stringify(real)};`,
        `import { bundledLexicon as store } from ${JSON.stringify(real)};`,
        `export const bundledLexicon = [...store, ...${JSON.stringify(syntheticEntities(count))}];`,
      ].join('\n');
    },
  };
}

/** Builds the Chrome extension with `count` synthetic aliases into `outDir`; returns the extension's folder. */
export async function buildWithSyntheticAliases(root, count, outDir) {
  await build({
    root,
    outDir,
    logger: {
      ...console,
      info() {},
      success() {},
      log() {},
      warn: console.warn,
      error: console.error,
      debug() {},
      level: 0,
    },
    vite: () => ({ plugins: [syntheticLexiconPlugin(root, count)] }),
  });
  return resolve(outDir, 'chrome-mv3');
}
