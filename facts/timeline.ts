import type { Category, EntityRecord, Fact } from './schema';

export interface TimelineEvent {
  date: string;
  entityId: string;
  entityName: string;
  category: Category;
  fact: Fact;
  /**
   * A settled fact about who or what an entity is (a birth, an office held, a
   * city's population) rather than a step of the case. The card
   * shows it; the case timeline hides it unless the reader asks for it.
   */
  background: boolean;
}

/** Entities whose settled facts are their biography, not events of the case. */
const BIOGRAPHICAL_CATEGORIES: ReadonlySet<Category> = new Set(['person', 'organization', 'place']);

/**
 * True for a person's, organisation's or place's facts of status "established":
 * births, appointments, offices held. What such an entity did in the case
 * is told with a stronger status (charged, sanctioned, attributed...) or on the
 * incident and legal records themselves, so hiding these keeps the case whole.
 */
export function isBackground(category: Category, fact: Fact): boolean {
  return BIOGRAPHICAL_CATEGORIES.has(category) && fact.status === 'established';
}

/**
 * The case in order: every dated fact of the store, oldest first, each marked
 * as a case event or as background. Facts are kept per entity, so the same
 * event told from two sides (the heist, the bank) appears under each; a reader
 * scanning by year sees both.
 */
export function buildTimeline(entities: EntityRecord[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const e of entities) {
    for (const fact of e.facts) {
      if (!fact.date) continue;
      events.push({
        date: fact.date,
        entityId: e.id,
        entityName: e.name,
        category: e.category,
        fact,
        background: isBackground(e.category, fact),
      });
    }
  }
  return events.sort((a, b) =>
    a.date === b.date ? a.entityName.localeCompare(b.entityName) : a.date < b.date ? -1 : 1,
  );
}

/** The events the case timeline shows: case events only, unless background is asked for. */
export function visibleEvents(events: TimelineEvent[], withBackground: boolean): TimelineEvent[] {
  return withBackground ? events : events.filter((e) => !e.background);
}
