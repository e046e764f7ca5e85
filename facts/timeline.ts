import type { Category, EntityRecord, Fact } from './schema';

export interface TimelineEvent {
  date: string;
  entityId: string;
  entityName: string;
  category: Category;
  fact: Fact;
}

/**
 * The case in order: every dated fact of the store, oldest first. Facts are
 * kept per entity, so the same event told from two sides (the heist, the bank)
 * appears under each; a reader scanning by year sees both.
 */
export function buildTimeline(entities: EntityRecord[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const e of entities) {
    for (const fact of e.facts) {
      if (!fact.date) continue;
      events.push({ date: fact.date, entityId: e.id, entityName: e.name, category: e.category, fact });
    }
  }
  return events.sort((a, b) =>
    a.date === b.date ? a.entityName.localeCompare(b.entityName) : a.date < b.date ? -1 : 1,
  );
}
