// @vitest-environment node
// @vitest-environment node
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ambiguityOf, judgeAlias } from '../../facts/packs/ambiguity';
import { findCollisions } from '../../facts/packs/collisions';
import { importCatalogue, MAX_CATALOGUE_BYTES } from '../../facts/packs/import';
import { ImportError } from '../../facts/packs/report';
import { type Pack, type PackEntity, parsePack, packSchema } from '../../facts/packs/schema';
import { loadCasePack } from '../../scripts/case-pack';
import { loadEntityFiles } from '../../scripts/fact-files';
import { counts, haveThreatIntel, importShared, SHARED_FILES } from './threat-intel';

const casePack = loadCasePack();
const entity = (pack: Pack, id: string): PackEntity => {
  const found = pack.entities.find((e) => e.id === id);
  if (!found) throw new Error(`${pack.id} has no entity ${id}`);
  return found;
};
const rule = (e: PackEntity, text: string) => e.aliasRules.find((a) => a.text === text);

describe('the bundled case as a pack', () => {
  it('is a valid pack of every entity file with its manifest', () => {
    expect(packSchema.safeParse(casePack).success).toBe(true);
    expect(casePack.id).toBe('case');
    expect(casePack.entities.map((e) => e.id).sort()).toEqual(
      loadEntityFiles()
        .map((f) => f.entity.id)
        .sort(),
    );
    expect(casePack.sources.length).toBeGreaterThan(0);
  });

  it('records the catalogue ids of the case entities that public catalogues list', () => {
    expect(entity(casePack, 'lazarus-group').catalogueIds).toContain('G0032');
    expect(entity(casePack, 'wannacry').catalogueIds).toContain('S0366');
    expect(entity(casePack, 'park-jin-hyok').catalogueIds).toBeUndefined();
  });
});

describe('the ambiguity rule', () => {
  const verdict = (text: string) => judgeAlias(text, counts);
  it('holds back everyday words, first names, places and short names', () => {
    for (const text of [
      'Play',
      'Royal',
      'Empire',
      'Cuba',
      'James',
      'Kevin',
      'Ember',
      'Page',
      'Lazarus Group',
      'Fancy Bear',
    ]) {
      expect(verdict(text).alias, text).toMatchObject({ needsContext: true });
    }
    expect(ambiguityOf('Sandworm', counts)).toBe('compound-of-common-words');
    expect(verdict('ZINC').alias).toEqual({ text: 'ZINC', caseSensitive: true, needsContext: true });
    expect(verdict('Orz').reason).toBe('short');
  });

  it('drops short everyday words and keeps coined names and codes free', () => {
    expect(verdict('at').alias).toBeNull();
    expect(verdict('Net').alias).toBeNull();
    for (const text of ['APT28', 'FIN7', 'G0032', 'Sandworm Team']) expect(verdict(text).alias, text).toEqual({ text });
    // One word, a proper name: in any case but all small letters ("zlib" is the library, "ZLib" the malware).
    for (const text of ['Kimsuky', 'Mimikatz', 'Emotet', 'WannaCry', 'ZLib']) {
      expect(verdict(text).alias, text).toEqual({ text, capitalized: true });
    }
    expect(verdict('NightClub').alias).toEqual({ text: 'NightClub', caseSensitive: true });
  });

  it('holds back one word in small letters, and one plain word given as another name of an entry', () => {
    expect(ambiguityOf('mimo', counts)).toBe('lower-case-word');
    expect(ambiguityOf('Alibaba', counts, false)).toBe('one-word-synonym');
    expect(ambiguityOf('Alibaba', counts, true)).toBeNull();
    expect(verdict('mimo').alias).toEqual({ text: 'mimo', needsContext: true });
  });
});

const stix = (objects: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'bundle', id: 'bundle--5a1c2f1e-3f59-4b63-9a55-2f6f7c1d0a11', objects, ...extra });
const GROUP = {
  type: 'intrusion-set',
  id: 'intrusion-set--11111111-2222-4333-8444-555555555555',
  name: 'Example Group',
  aliases: ['Example Group', 'Quixotic Heron'],
  description: 'A group invented for this test, described at some length.',
  external_references: [
    { source_name: 'Test catalogue', url: 'https://example.org/groups/1', description: 'Test catalogue entry' },
  ],
};
const OPTIONS = { file: 'test.json', counts, id: 'test', title: 'Test catalogue', version: '1', licence: 'CC0 1.0' };
const run = (text: string, options: Partial<typeof OPTIONS> = {}) => importCatalogue(text, { ...OPTIONS, ...options });
const failure = (text: string, options: Partial<typeof OPTIONS> = {}): string => {
  try {
    run(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the import did not fail');
};

describe('bad input gets a clear error naming the object and field', () => {
  it('not JSON', () => {
    expect(failure('{"type": "bundle", "objects": [')).toMatch(/^test\.json: not JSON \(/);
  });

  it('neither STIX nor MISP', () => {
    expect(failure('{"hello": "world"}')).toMatch(/neither a STIX 2\.x bundle .* nor a MISP galaxy cluster/);
    expect(failure('[]')).toMatch(/neither a STIX/);
  });

  it('a STIX object without an id, or with a malformed one', () => {
    const { id: _, ...noId } = GROUP;
    expect(failure(stix([noId]))).toBe(
      'objects[0] (type "intrusion-set", name "Example Group"): field "id" is missing',
    );
    expect(failure(stix([{ ...GROUP, id: 'malware--11111111-2222-4333-8444-555555555555' }]))).toMatch(
      /objects\[0\] \(type "intrusion-set"\): field "id" is "malware--.*", not a STIX id/,
    );
  });

  it('a STIX entity without a name', () => {
    const { name: _, ...noName } = GROUP;
    expect(failure(stix([noName]))).toBe(`objects[0] (${GROUP.id}): field "name" is missing or empty`);
  });

  it('a relationship pointing at an object that is not in the bundle', () => {
    const dangling = {
      type: 'relationship',
      id: 'relationship--99999999-2222-4333-8444-555555555555',
      relationship_type: 'uses',
      source_ref: GROUP.id,
      target_ref: 'malware--00000000-2222-4333-8444-555555555555',
    };
    expect(failure(stix([GROUP, dangling]))).toBe(
      'objects[1] (relationship--99999999-2222-4333-8444-555555555555): field "target_ref" points to "malware--00000000-2222-4333-8444-555555555555", which is not in the bundle',
    );
  });

  it('a MISP entry without its value or uuid', () => {
    const cluster = (values: unknown[]) =>
      JSON.stringify({ type: 'threat-actor', name: 'Threat Actor', category: 'actor', values });
    expect(failure(cluster([{ uuid: '68391641-859f-4a9a-9a1e-3e5cf71ec376' }]))).toBe(
      'cluster.values[0] (68391641-859f-4a9a-9a1e-3e5cf71ec376): field "value" is missing',
    );
    expect(failure(cluster([{ value: 'Example Group' }]))).toBe(
      'cluster.values[0] ("Example Group"): field "uuid" is missing',
    );
  });

  it('a catalogue that does not say its licence or source, without the options that give them', () => {
    expect(failure(stix([GROUP]), { id: undefined, licence: undefined })).toBe(
      "test.json: the file does not say its pack's id, licence, sources: give --id, --licence, --source-url <url> (and --source-title)",
    );
  });
});

describe('pack ids', () => {
  it('keeps "case" for the bundled case', () => {
    expect(failure(stix([GROUP]), { id: 'case', sourceUrl: 'https://example.org/' } as never)).toBe(
      'test.json: pack id "case" is the bundled case\'s: give another --id',
    );
  });
});

describe('what an import skips, it reports', () => {
  it('skips deprecated and revoked objects, unmapped types and relations, and says so', () => {
    const old = {
      ...GROUP,
      id: 'intrusion-set--22222222-2222-4333-8444-555555555555',
      name: 'Old Group',
      x_mitre_deprecated: true,
    };
    const gone = {
      ...GROUP,
      id: 'intrusion-set--33333333-2222-4333-8444-555555555555',
      name: 'Gone Group',
      revoked: true,
    };
    const pattern = {
      type: 'attack-pattern',
      id: 'attack-pattern--44444444-2222-4333-8444-555555555555',
      name: 'Phishing',
    };
    const rel = {
      type: 'relationship',
      id: 'relationship--55555555-2222-4333-8444-555555555555',
      relationship_type: 'mitigates',
      source_ref: GROUP.id,
      target_ref: pattern.id,
    };
    const odd = { ...GROUP, aliases: ['Example Group', 42] };
    const { pack, report } = run(stix([odd, old, gone, pattern, rel]), {
      sourceUrl: 'https://example.org/',
    } as never);
    expect(pack.entities.map((e) => e.id)).toEqual(['test-example-group']);
    const skipped = Object.fromEntries(report.toJSON().skipped.map((l) => [l.reason, l]));
    expect(skipped['deprecated object']?.examples).toEqual([`${old.id} "Old Group"`]);
    expect(skipped['revoked object']?.count).toBe(1);
    expect(skipped['object type not imported: attack-pattern']?.count).toBe(1);
    expect(skipped['relationship type not mapped: mitigates']?.count).toBe(1);
    expect(skipped['"aliases" entry that is not a string']?.examples).toEqual([`${GROUP.id} "Example Group"`]);
  });

  it('cites the catalogue for an entry with no source of its own, and merges spellings that fold together', () => {
    const bare = { ...GROUP, aliases: ['Example Group', 'Example-Group', 'Quixotic Heron'], external_references: [] };
    const { pack, report } = run(stix([bare]), { sourceUrl: 'https://example.org/catalogue' } as never);
    const e = pack.entities[0]!;
    expect(e.aliases).toEqual(['Example Group', 'Quixotic Heron']);
    expect(e.facts[0]!.sources).toEqual([{ title: 'Test catalogue', url: 'https://example.org/catalogue' }]);
    expect(report.changed.count('entry with no source of its own: its fact cites the catalogue')).toBe(1);
    expect(report.changed.count('spelling that folds to another of the same entry: merged')).toBe(1);
  });
});

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const cli = (...args: string[]) => spawnSync(tsx, ['scripts/facts-import.ts', ...args], { encoding: 'utf8' });

describe('npm run facts:import', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'case-lens-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 200 MB file at once, before reading it, and writes nothing', () => {
    const big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    writeSync(fd, '{"type":"bundle","id":"bundle--5a1c2f1e-3f59-4b63-9a55-2f6f7c1d0a11","objects":[');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const out = join(dir, 'big.pack.json');
    const started = performance.now();
    const result = cli(big, '--out', out);
    // The file is never read: what time this takes is starting the command (seconds on a loaded machine).
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `facts:import: ${big}: file too large (200 MB; the limit is ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB)\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing pack untouched and no temporary file when the input is bad', () => {
    const out = join(dir, 'kept.pack.json');
    writeFileSync(out, 'previous pack\n');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, stix([{ ...GROUP, id: undefined }]));
    const result = cli(bad, '--out', out, '--id', 'test', '--licence', 'CC0 1.0');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/objects\[0\] \(type "intrusion-set", name "Example Group"\): field "id" is missing/);
    expect(readFileSync(out, 'utf8')).toBe('previous pack\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a valid pack and prints its report', () => {
    const input = join(dir, 'good.json');
    writeFileSync(input, stix([GROUP]));
    const out = join(dir, 'good.pack.json');
    const result = cli(
      input,
      '--out',
      out,
      '--id',
      'test',
      '--title',
      'Test',
      '--version',
      '1',
      '--licence',
      'CC0 1.0',
      '--source-url',
      'https://example.org/',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1 entities, 2 aliases \(\d need context\), 0 relations/);
    expect(result.stdout).toMatch(/^Skipped: none$/m);
    expect(parsePack(out, JSON.parse(readFileSync(out, 'utf8'))).entities[0]!.id).toBe('test-example-group');
  });
});

if (!haveThreatIntel) {
  console.warn('packs: ../shared/research/threat-intel is absent: the imports of the shared catalogues are not tested');
}

describe.skipIf(!haveThreatIntel)('the shared threat-intelligence catalogues', () => {
  const results = new Map(SHARED_FILES.map((f) => [f, importShared(f)]));
  const pack = (file: string) => results.get(file)!.pack;
  const tally = (p: Pack) => ({
    entities: p.entities.length,
    aliases: p.entities.reduce((n, e) => n + e.aliases.length, 0),
    needContext: p.entities.reduce((n, e) => n + e.aliasRules.filter((a) => a.needsContext).length, 0),
    relations: p.entities.reduce((n, e) => n + e.relations.length, 0),
  });
  const skips = (file: string) =>
    results
      .get(file)!
      .report.toJSON()
      .skipped.reduce((n, l) => n + l.count, 0);

  it('imports every file into a valid pack', () => {
    expect(SHARED_FILES).toHaveLength(5);
    for (const [file, { pack: p }] of results) {
      expect(packSchema.safeParse(p).success, file).toBe(true);
      // The store's rule holds inside each pack: no spelling is claimed by two of its entities.
      expect(findCollisions([p]).aliasConflicts, file).toEqual([]);
    }
  });

  it('imports ATT&CK Enterprise: every group, software and campaign, with their relations', () => {
    const p = pack('mitre-attack-enterprise-groups-software.json');
    expect(p.id).toBe('attack');
    expect(tally(p)).toEqual({ entities: 1008, aliases: 1639, needContext: 691, relations: 1278 });
    expect(skips('mitre-attack-enterprise-groups-software.json')).toBe(25);
    const lazarus = entity(p, 'attack-lazarus-group');
    expect(lazarus.catalogueIds).toEqual(['G0032', 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a']);
    expect(rule(lazarus, 'ZINC')).toEqual({ text: 'ZINC', caseSensitive: true, needsContext: true });
    expect(rule(lazarus, 'Diamond Sleet')).toEqual({ text: 'Diamond Sleet', needsContext: true });
    expect(lazarus.facts[0]!.text).not.toMatch(/\(Citation:|\]\(https/);
    expect(lazarus.facts[0]!.sources[0]).toEqual({
      title: 'MITRE ATT&CK G0032',
      url: 'https://attack.mitre.org/groups/G0032',
    });
    expect(lazarus.relations).toContainEqual({ type: 'uses', target: 'attack-wannacry' });
    expect(rule(entity(p, 'attack-apt28'), 'APT28')).toEqual({ text: 'APT28' });
    expect(entity(p, 'attack-at').aliases).toEqual(['at.exe']);
    expect(
      results
        .get('mitre-attack-enterprise-groups-software.json')!
        .report.skipped.count('alias too short and an everyday word: not matched'),
    ).toBe(6);
  });

  it('imports the MISP threat-actor galaxy and Microsoft names', () => {
    const actors = pack('misp-galaxy-threat-actor.json');
    expect(tally(actors)).toEqual({ entities: 1041, aliases: 2375, needContext: 961, relations: 107 });
    expect(skips('misp-galaxy-threat-actor.json')).toBe(340);
    const turla = entity(actors, 'misp-threat-actor-turla');
    expect(rule(turla, 'Turla')).toEqual({ text: 'Turla', capitalized: true });
    expect(rule(turla, 'Snake')).toEqual({ text: 'Snake', needsContext: true });
    const microsoft = pack('misp-galaxy-microsoft-activity-group.json');
    expect(tally(microsoft)).toEqual({ entities: 179, aliases: 631, needContext: 369, relations: 0 });
    expect(entity(microsoft, 'misp-microsoft-activity-group-diamond-sleet').aliases).toContain('Diamond Sleet');
  });

  it('imports the DPRK STIX 2.1 bundle and the filtered MISP clusters', () => {
    expect(tally(pack('dprk-stix21-bundle.json'))).toEqual({
      entities: 16,
      aliases: 53,
      needContext: 26,
      relations: 12,
    });
    expect(tally(pack('dprk-misp-clusters.json'))).toEqual({
      entities: 22,
      aliases: 101,
      needContext: 37,
      relations: 12,
    });
    expect(results.get('dprk-stix21-bundle.json')!.report.format).toBe('STIX 2.1 bundle');
  });

  it('finds the case entities that the catalogues list, and the one spelling they give to someone else', () => {
    const { mergeGroups, aliasConflicts, duplicateIds } = findCollisions([
      casePack,
      pack('mitre-attack-enterprise-groups-software.json'),
    ]);
    expect(mergeGroups.map((g) => g.members.map((m) => m.id))).toEqual([
      ['andariel', 'attack-andariel'],
      ['applejeus', 'attack-applejeus-s0584'],
      ['apt38-bluenoroff', 'attack-apt38'],
      ['bankshot', 'attack-bankshot'],
      // ATT&CK files Citrine Sleet under the group it calls AppleJeus (G1049).
      ['citrine-sleet', 'attack-applejeus-g1049'],
      ['fallchill', 'attack-fallchill'],
      ['hoplight', 'attack-hoplight'],
      ['lazarus-group', 'attack-lazarus-group'],
      ['moonstone-sleet', 'attack-moonstone-sleet'],
      ['operation-dream-job', 'attack-operation-dream-job'],
      ['volgmer', 'attack-volgmer'],
      ['wannacry', 'attack-wannacry'],
    ]);
    expect(aliasConflicts).toEqual([
      {
        key: 'guardians of peace',
        claims: [
          { pack: 'case', id: 'guardians-of-peace', name: 'Guardians of Peace', text: 'Guardians of Peace' },
          { pack: 'attack', id: 'attack-lazarus-group', name: 'Lazarus Group', text: 'Guardians of Peace' },
        ],
      },
    ]);
    expect(duplicateIds).toEqual([]);
  });

  it('joins the Lazarus Group of all six packs that list it into one merge group', () => {
    const all = [casePack, ...SHARED_FILES.map(pack)];
    const { mergeGroups, duplicateIds } = findCollisions(all);
    const lazarus = mergeGroups.find((g) => g.members.some((m) => m.id === 'lazarus-group'))!;
    expect(lazarus.members.map((m) => m.pack).sort()).toEqual([
      'attack',
      'attack-dprk',
      'case',
      // The DPRK clusters list the Lazarus Group and Microsoft's Diamond Sleet apart; the case names both.
      'misp-dprk',
      'misp-dprk',
      'misp-microsoft-activity-group',
      'misp-threat-actor',
    ]);
    expect(duplicateIds).toEqual([]);
  });
});
