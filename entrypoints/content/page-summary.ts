import { type ClaimSubject, describeAbout, describeRecord } from '@/facts/claims';
import type { PageCheck, PageMention, PageSummary } from '@/lib/messages';
import type { Renderer } from './renderer';

export interface CaseNames {
  /** An entity's name as the card and popup show it. */
  nameOf(entityId: string): string;
  claimsOf(entityId: string): ClaimSubject['claims'] | undefined;
}

/**
 * What the popup shows of a page: the case entities it names (with counts)
 * and what it gets wrong (with what the record says), read from the
 * highlighter's own annotations.
 */
export function summarizePage(highlighter: Renderer, names: CaseNames, host: string, active: boolean): PageSummary {
  const counts = new Map<string, PageMention>();
  for (const mark of highlighter.names()) {
    const annotation = highlighter.annotationOf(mark)!;
    const id = annotation.entityId;
    const entry = counts.get(id) ?? { entityId: id, name: names.nameOf(id), category: annotation.category, count: 0 };
    entry.count += 1;
    counts.set(id, entry);
  }
  const checks: PageCheck[] = [];
  for (const mark of highlighter.contradictions()) {
    const annotation = highlighter.annotationOf(mark)!;
    // A wrong name form carries no claim: it is reported as a wrong form, not against a value.
    const claims = names.claimsOf(annotation.entityId) ?? [];
    const compared =
      annotation.kind === 'value' ? (annotation.claimIndexes ?? [annotation.claimIndex]).map((i) => claims[i]!) : [];
    checks.push({
      entityId: annotation.entityId,
      name: names.nameOf(annotation.entityId),
      stated: mark.textContent ?? '',
      record: compared.length > 0 ? describeRecord(compared) : null,
      about: compared.length > 0 ? describeAbout(compared) : null,
      index: checks.length,
    });
  }
  return {
    host,
    active,
    mentions: [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    checks,
  };
}
