// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEntityFiles } from '../../scripts/fact-files';
import { attackNames, checkCatalogueAliases, mispNames } from '../../facts/catalogue-check';
import { CATALOGUE_REJECTIONS, REJECTION_REASONS } from '../../facts/catalogue-rejections';

// The catalogues are shared research data next to the repository, never copied into it.
const DIR = resolve(process.cwd(), '../shared/research/threat-intel');
const ATTACK = resolve(DIR, 'mitre-attack-enterprise-groups-software.json');
const MISP = resolve(DIR, 'dprk-misp-clusters.json');
const present = existsSync(ATTACK) && existsSync(MISP);
if (!present) {
  console.warn(`catalogue alias check skipped: ${DIR} (ATT&CK and MISP catalogues) is not on this machine`);
}

const entities = loadEntityFiles().map((e) => e.entity);

describe.skipIf(!present)('aliases kept in step with ATT&CK and MISP', () => {
  const catalogues = present
    ? {
        attack: attackNames(JSON.parse(readFileSync(ATTACK, 'utf8'))),
        misp: mispNames(JSON.parse(readFileSync(MISP, 'utf8'))),
      }
    : { attack: new Map<string, string[]>(), misp: new Map<string, string[]>() };
  const check = checkCatalogueAliases(entities, catalogues, CATALOGUE_REJECTIONS);

  it('gives the case groups and malware their catalogue ids, and every id exists in its catalogue', () => {
    const ids = (id: string) => entities.find((e) => e.id === id)?.catalogueIds;
    expect(ids('lazarus-group')?.attack).toEqual(['G0032']);
    expect(ids('apt38-bluenoroff')?.attack).toEqual(['G0082']);
    expect(ids('andariel')?.attack).toEqual(['G0138']);
    expect(ids('wannacry')?.attack).toEqual(['S0366']);
    expect(ids('lazarus-group')?.misp).toContain('68391641-859f-4a9a-9a1e-3e5cf71ec376');
    expect(check.unknownIds).toEqual([]);
  });

  it('carries or rejects, with a reason, every name the catalogues give those entities', () => {
    const counts = Object.fromEntries([...check.rejected].map(([reason, list]) => [reason, list.length]));
    console.info(
      `catalogue aliases: ${check.listed.length} carried by the entity, ${check.elsewhere.length} carried by another entity, rejected ${JSON.stringify(counts)}`,
    );
    expect(check.unexplained.map((a) => `${a.entity}: "${a.text}" (${a.catalogue} ${a.entry})`)).toEqual([]);
    expect(check.listed.length).toBeGreaterThan(50);
  });

  it('keeps no rejection that no catalogue name needs, and each rejection gives a known reason and a note', () => {
    expect(check.stale.map((r) => `${r.entity}: ${r.alias}`)).toEqual([]);
    for (const r of CATALOGUE_REJECTIONS) {
      expect(REJECTION_REASONS, r.alias).toContain(r.reason);
      expect(r.note.length, r.alias).toBeGreaterThan(10);
    }
  });

  it('fails on a catalogue name the store neither carries nor rejects', () => {
    const stripped = entities.map((e) =>
      e.id === 'tradertraitor' ? { ...e, aliases: e.aliases.filter((a) => a.text !== 'Jade Sleet') } : e,
    );
    const broken = checkCatalogueAliases(stripped, catalogues, CATALOGUE_REJECTIONS);
    expect(broken.unexplained).toContainEqual(expect.objectContaining({ entity: 'tradertraitor', text: 'Jade Sleet' }));
  });
});
