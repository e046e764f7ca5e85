// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createStoreSearch } from '../../facts/search';
import { loadEntityFiles } from '../../scripts/fact-files';

const search = createStoreSearch(loadEntityFiles().map(({ entity }) => entity));
const ids = (q: string) => search(q).map((r) => r.id);

describe('store search', () => {
  it('finds an entity by an alias', () => {
    expect(ids('Hidden Cobra')[0]).toBe('lazarus-group');
  });
  it('matches prefixes', () => {
    expect(ids('Alaum')).toContain('ghaleb-alaumary');
  });
  it('tolerates a typo', () => {
    expect(ids('Wannacri')).toContain('wannacry');
  });
  it('ignores diacritics', () => {
    expect(ids('Pyŏngyang')).toContain('pyongyang');
  });
  it('searches facts too', () => {
    expect(ids('Lockheed')).toContain('park-jin-hyok');
  });
  it('returns nothing for an empty query', () => {
    expect(search('  ')).toEqual([]);
  });
});
