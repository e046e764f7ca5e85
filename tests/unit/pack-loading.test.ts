import { describe, expect, it } from 'vitest';
import { packCounts, readPackFile } from '../../facts/packs/loading';
import { type Pack, PackError } from '../../facts/packs/schema';
import { loadEntityFiles } from '../../scripts/fact-files';
import { haveThreatIntel, importShared } from './threat-intel';

const BUNDLED = new Set(loadEntityFiles().map(({ entity }) => entity.id));

const entity = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Quixotic Heron',
  category: 'group',
  aliases: ['Quixotic Heron'],
  aliasRules: [{ text: 'Quixotic Heron' }],
  summary: 'A group invented for this test, described in one sentence.',
  facts: [
    {
      text: 'The test catalogue describes this group at some length.',
      status: 'attributed',
      sources: [{ title: 'Test catalogue entry', url: 'https://example.org/groups/1' }],
    },
  ],
  relations: [],
  claims: [],
  ...extra,
});

const pack = (entities: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'test',
  title: 'Test catalogue',
  version: '1',
  licence: 'CC0 1.0',
  sources: [{ title: 'Test catalogue', url: 'https://example.org/' }],
  entities,
  ...extra,
});

const read = (value: unknown, file = 'pack.json'): Pack =>
  readPackFile(file, typeof value === 'string' ? value : JSON.stringify(value), BUNDLED);

const failure = (value: unknown): string => {
  try {
    read(value);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as Error).message;
  }
  throw new Error('the pack was accepted');
};

describe('a pack file loaded in the browser', () => {
  it('reads a valid pack and counts what it holds', () => {
    const loaded = read(
      pack([
        entity('test-quixotic-heron'),
        entity('test-other', {
          name: 'Other Heron',
          aliases: ['Other Heron'],
          aliasRules: [{ text: 'Other Heron' }],
          relations: [{ type: 'related-to', target: 'test-quixotic-heron' }],
        }),
      ]),
    );
    expect(loaded.id).toBe('test');
    expect(packCounts(loaded)).toEqual({ entities: 2, aliases: 2, facts: 2, relations: 1 });
  });

  it('names the file when it is not JSON', () => {
    expect(failure('{"id": "test", "entities": [')).toMatch(/^pack\.json: not a fact pack: the file is not JSON \(/);
  });

  it('sends a catalogue that was not converted to facts:import', () => {
    expect(failure({ type: 'bundle', id: 'bundle--1', objects: [] })).toMatch(
      /^pack\.json: a STIX bundle, not a fact pack yet: convert it first with `npm run --silent facts:import/,
    );
    expect(failure({ values: [{ value: 'X', uuid: 'u' }] })).toMatch(/a MISP galaxy, not a fact pack yet/);
  });

  it('names every broken field', () => {
    const message = failure(pack([entity('test-a', { category: 'insect', summary: '' })]));
    expect(message).toMatch(/^pack\.json: invalid pack/);
    expect(message).toMatch(/entities\.0\.category/);
    expect(message).toMatch(/entities\.0\.summary/);
  });

  it('keeps the bundled case id and its entity ids for the case', () => {
    expect(failure(pack([entity('case-a')], { id: 'case' }))).toMatch(/the pack id "case" belongs to the bundled case/);
    expect(failure(pack([entity('lazarus-group')], { id: 'lazarus' }))).toMatch(
      /entity "lazarus-group" has the id of an entity of the bundled case/,
    );
  });

  it('asks for ids that carry the pack id, once each, and relations inside the pack', () => {
    expect(failure(pack([entity('other-heron')]))).toMatch(
      /entity "other-heron" must start with the pack's id and a hyphen \("test-"\)/,
    );
    expect(failure(pack([entity('test-a'), entity('test-a')]))).toMatch(/entity "test-a" is given twice/);
    expect(failure(pack([entity('test-a', { relations: [{ type: 'member-of', target: 'test-nowhere' }] })]))).toMatch(
      /entity "test-a" has a member-of relation to "test-nowhere", which the pack does not hold/,
    );
  });

  it('refuses a file past the size limit before parsing it', () => {
    expect(failure(' '.repeat(64 * 1024 * 1024 + 1))).toMatch(
      /^pack\.json: file too large \(64 MB; the limit is 64 MB\)/,
    );
  });
});

describe.skipIf(!haveThreatIntel)('the packs facts:import makes from the shared catalogues', () => {
  it('load as they are', () => {
    for (const file of ['dprk-stix21-bundle.json', 'dprk-misp-clusters.json']) {
      const made = importShared(file).pack;
      const loaded = read(made, `${made.id}.json`);
      expect(loaded.entities.length).toBe(made.entities.length);
      expect(loaded.entities.length).toBeGreaterThan(10);
    }
  });
});
