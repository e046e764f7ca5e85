import { describe, expect, it } from 'vitest';
import { pageRecord } from '../../facts/page-record';
import { loadEntityFiles } from '../../scripts/fact-files';

describe('the record the full page script carries', () => {
  const entities = loadEntityFiles().map((f) => f.entity);
  const record = pageRecord(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('holds every entity’s names and claims, in id order', () => {
    expect(record.lexicon.map((e) => e.id)).toEqual([...byId.keys()].sort());
    for (const entry of record.lexicon) {
      const entity = byId.get(entry.id)!;
      expect(entry).toEqual({ id: entity.id, category: entity.category, aliases: entity.aliases });
    }
    for (const subject of record.claimSubjects) {
      const entity = byId.get(subject.id)!;
      expect(subject.name).toBe(entity.aliases[0]!.text);
      expect(subject.claims).toHaveLength(entity.claims.length);
      subject.claims.forEach((claim, i) => {
        const { sources: _sources, ...checked } = entity.claims[i]!;
        expect(claim).toEqual(checked);
      });
    }
  });

  it('carries no fact, summary or source: the card asks the background for those', () => {
    const text = JSON.stringify(record);
    expect(text).not.toContain('"sources"');
    expect(text).not.toContain('"facts"');
    expect(text).not.toContain('"summary"');
    expect(text).not.toMatch(/https?:\/\//);
  });
});
