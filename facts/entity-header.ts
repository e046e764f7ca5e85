import type { Category } from './constants';

interface EntityHeader {
  id: string;
  name: string;
  category: Category;
  kind?: string;
  summary: string;
}

/** The fields every shape of an entity begins with (record, pack entity, card view), in their canonical order. */
export function entityHeader(entity: EntityHeader): EntityHeader {
  return {
    id: entity.id,
    name: entity.name,
    category: entity.category,
    ...(entity.kind ? { kind: entity.kind } : {}),
    summary: entity.summary,
  };
}
