// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { CardRecords, requestOf } from '../../entrypoints/content/card-records';
import type { EntityView } from '../../facts/view';
import type { EntityRequest } from '../../lib/messages';

const viewOf = (request: EntityRequest) => ({ id: request.id }) as unknown as EntityView;

describe('card records', () => {
  it('asks for the wrong form a name was found as, and for the claims a value was compared with', () => {
    const at = { entityId: 'park-jin-hyok', category: 'person', start: 0, end: 4 } as const;
    expect(requestOf({ ...at, kind: 'name', aliasIndex: 2, needsContext: false })).toEqual({ id: 'park-jin-hyok' });
    expect(requestOf({ ...at, kind: 'wrong-form', aliasIndex: 2, needsContext: false })).toEqual({
      id: 'park-jin-hyok',
      aliasIndex: 2,
    });
    const value = { ...at, kind: 'value', verdict: 'contradicted', claimIndex: 1, claimKind: 'year' } as const;
    expect(requestOf({ ...value, claimIndexes: [1, 3] })).toEqual({
      id: 'park-jin-hyok',
      claimIndex: 1,
      claimIndexes: [1, 3],
    });
  });

  it('keeps each fetched record under its request, the alias and claims included', async () => {
    const fetchEntity = vi.fn(async (request: EntityRequest) => viewOf(request));
    const records = new CardRecords(fetchEntity);
    expect(records.cached({ id: 'a' })).toBeNull();
    const plain = await records.ask({ id: 'a' });
    expect(records.cached({ id: 'a' })).toBe(plain);
    expect(records.cached({ id: 'a', aliasIndex: 1 })).toBeNull();
    expect(records.cached({ id: 'a', claimIndex: 0 })).toBeNull();
    const claims = await records.ask({ id: 'a', claimIndex: 0, claimIndexes: [0, 2] });
    expect(records.cached({ id: 'a', claimIndex: 0, claimIndexes: [0, 2] })).toBe(claims);
    expect(records.cached({ id: 'a', claimIndex: 0, claimIndexes: [0, 3] })).toBeNull();
    expect(fetchEntity).toHaveBeenCalledTimes(2);
  });

  it('reads a failed fetch as no record, and asks again next time', async () => {
    const fetchEntity = vi.fn(async (request: EntityRequest) => viewOf(request));
    fetchEntity.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const records = new CardRecords(fetchEntity);
    expect(await records.ask({ id: 'a' })).toBeNull();
    expect(records.cached({ id: 'a' })).toBeNull();
    expect(await records.ask({ id: 'a' })).toEqual({ id: 'a' });
    expect(records.cached({ id: 'a' })).toEqual({ id: 'a' });
  });
});
