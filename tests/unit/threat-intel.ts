import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileLexicon, type Hit } from '../../facts/lexicon';
import type { Matcher } from '../../facts/matcher/compile';
import { importCatalogue, type ImportOptions, type ImportResult } from '../../facts/packs/import';
import { type Pack, toEntityRecord } from '../../facts/packs/schema';
import { everydayEnglish } from '../../scripts/word-counts';

/** The shared test data beside the project (CI has it; a bare checkout may not). */
export const THREAT_INTEL = resolve(process.cwd(), '../shared/research/threat-intel');
export const CORPUS = resolve(process.env.CASE_LENS_CORPUS ?? join(process.cwd(), '../shared/corpus/real-pages'));
export const haveThreatIntel = existsSync(THREAT_INTEL);
export const haveCorpus = existsSync(CORPUS);

export const counts = everydayEnglish();

/**
 * The manifest fields a file does not state itself: the filtered DPRK cluster
 * file mixes galaxies that name other publishers (Malpedia), so its licence
 * and source are given as its README states them.
 */
const GIVEN: Record<string, Partial<ImportOptions>> = {
  'dprk-misp-clusters.json': {
    id: 'misp-dprk',
    licence: 'CC0 1.0 or BSD 2-Clause (dual), as the MISP project publishes its galaxies',
    sourceUrl: 'https://github.com/MISP/misp-galaxy',
    sourceTitle: 'MISP galaxy (MISP Project)',
  },
  'dprk-stix21-bundle.json': { id: 'attack-dprk' },
};

export function importShared(file: string): ImportResult {
  return importCatalogue(readFileSync(join(THREAT_INTEL, file), 'utf8'), { file, counts, ...GIVEN[file] });
}

export const SHARED_FILES = haveThreatIntel
  ? readdirSync(THREAT_INTEL)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

export function compilePacks(packs: Pack[]): Matcher<Hit> {
  return compileLexicon(packs.flatMap((p) => p.entities.map(toEntityRecord)));
}
