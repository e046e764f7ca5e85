// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadEntityFiles } from '../../scripts/fact-files';
import { checkStore, FactStoreError, formatEntity, parseEntity } from '../../facts/store';
import type { EntityRecord } from '../../facts/schema';

const entries = loadEntityFiles();
const entities = entries.map((e) => e.entity);
const park = entities.find((e) => e.id === 'park-jin-hyok')!;

function broken(mutate: (e: EntityRecord) => void): unknown {
  const copy = structuredClone(park) as EntityRecord;
  mutate(copy);
  return copy;
}

describe('the bundled fact store', () => {
  it('holds the 40 dossier entities, the later record and at least 150 facts', () => {
    expect(entities.length).toBeGreaterThanOrEqual(64);
    expect(entities.reduce((n, e) => n + e.facts.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it('carries the record past 2021: the later thefts, names, charges, sanctions and campaigns', () => {
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const id of [
      'ronin-bridge-hack-2022',
      'harmony-horizon-bridge-hack-2022',
      'atomic-wallet-hack-2023',
      'stake-com-hack-2023',
      'dmm-bitcoin-hack-2024',
      'wazirx-hack-2024',
      'bybit-hack-2025',
      'tradertraitor',
      'citrine-sleet',
      'moonstone-sleet',
      'rim-jong-hyok',
      'rewards-for-justice',
      'tornado-cash',
      'blender-io',
      'sinbad',
      'destover',
      'brambul',
      'joanap',
      'volgmer',
      'fallchill',
      'hoplight',
      'bankshot',
      'operation-troy',
      'operation-dream-job',
    ]) {
      const e = byId.get(id);
      expect(e, id).toBeDefined();
      // Tied into the case: every later entity relates to at least one other entity.
      expect(e!.relations.length, id).toBeGreaterThan(0);
    }
    const later = entities.flatMap((e) => e.facts).filter((f) => f.date && f.date >= '2022');
    expect(later.length).toBeGreaterThanOrEqual(50);
    expect(later.some((f) => f.date!.startsWith('2025'))).toBe(true);
  });

  it('has the core entities of the case', () => {
    const ids = new Set(entities.map((e) => e.id));
    for (const id of [
      'park-jin-hyok',
      'jon-chang-hyok',
      'kim-il',
      'ghaleb-alaumary',
      'john-demers',
      'lazarus-group',
      'reconnaissance-general-bureau',
      'wannacry',
      'sony-pictures-hack-2014',
      'bangladesh-bank-heist-2016',
      'applejeus',
      'fbi',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('gives each entity its first alias as its matchable name and at least three facts where possible', () => {
    for (const e of entities) {
      expect(e.aliases.length, e.id).toBeGreaterThan(0);
      expect(e.aliases[0]!.correction, e.id).toBeUndefined();
      // The content script takes an entity's name from its first alias (facts/bundled-lexicon.ts).
      expect(e.aliases[0]!.text, e.id).toBe(e.name);
    }
  });

  it('keeps every file in canonical form (a parse/format round trip changes nothing)', () => {
    for (const { fileName, text, entity } of entries) {
      expect(formatEntity(entity), fileName).toBe(text);
      expect(formatEntity(parseEntity(fileName, JSON.parse(formatEntity(entity)))), fileName).toBe(text);
    }
  });
});

describe('validation names the broken record', () => {
  it('rejects a fact without a source', () => {
    const bad = broken((e) => {
      e.facts[0]!.sources = [];
    });
    expect(() => parseEntity('park-jin-hyok.json', bad)).toThrow(/park-jin-hyok\.json[\s\S]*facts\.0\.sources/);
  });

  it('rejects an impossible date', () => {
    const bad = broken((e) => {
      e.facts[0]!.date = '2021-02-30';
    });
    expect(() => parseEntity('park-jin-hyok.json', bad)).toThrow(/park-jin-hyok\.json[\s\S]*facts\.0\.date/);
  });

  it('rejects an unknown status and an unknown field', () => {
    const bad = broken((e) => {
      (e.facts[0] as { status: string }).status = 'rumoured';
      (e as unknown as Record<string, unknown>).colour = 'red';
    });
    expect(() => parseEntity('park-jin-hyok.json', bad)).toThrow(FactStoreError);
  });

  it('rejects a relation that does not resolve', () => {
    const bad = parseEntity(
      'park-jin-hyok.json',
      broken((e) => {
        e.relations.push({ type: 'member-of', target: 'nobody-at-all' });
      }),
    );
    const rest = entries.filter((e) => e.entity.id !== 'park-jin-hyok');
    expect(() => checkStore([...rest, { fileName: 'park-jin-hyok.json', entity: bad }])).toThrow(
      /park-jin-hyok\.json: relation member-of → "nobody-at-all" does not resolve/,
    );
  });

  it('rejects a spelling claimed by two entities, whatever its case or punctuation', () => {
    const bad = parseEntity(
      'park-jin-hyok.json',
      broken((e) => {
        e.aliases.push({ text: 'lazarus-group' });
      }),
    );
    const rest = entries.filter((e) => e.entity.id !== 'park-jin-hyok');
    expect(() => checkStore([...rest, { fileName: 'park-jin-hyok.json', entity: bad }])).toThrow(
      /alias "lazarus-group" is already an alias of "lazarus-group"|alias "Lazarus Group" is already an alias of "park-jin-hyok"/,
    );
  });

  it('rejects duplicate ids and file names that differ from the id', () => {
    const copy = { fileName: 'someone-else.json', entity: park };
    expect(() => checkStore([...entries, copy])).toThrow(
      /duplicate id "park-jin-hyok"[\s\S]*file name must be park-jin-hyok\.json/,
    );
  });
});
