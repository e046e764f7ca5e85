import type { Annotation } from '@/facts/annotator';
import type { PackedEntityView as EntityView } from '@/facts/packs/card-catalogue';
import type { EntityRequest } from '@/lib/messages';

/** What a highlight's card asks the background for: the entity, and the wrong form or the claims it was found as. */
export function requestOf(annotation: Annotation): EntityRequest {
  return {
    id: annotation.entityId,
    aliasIndex: annotation.kind === 'wrong-form' ? annotation.aliasIndex : undefined,
    claimIndex: annotation.kind === 'value' ? annotation.claimIndex : undefined,
    claimIndexes: annotation.kind === 'value' ? annotation.claimIndexes : undefined,
  };
}

const keyOf = (r: EntityRequest) => `${r.id}#${r.aliasIndex ?? ''}#${r.claimIndexes ?? r.claimIndex ?? ''}`;

/**
 * The records the card shows, fetched from the background (facts stay out of
 * the page bundle) and kept per request, so a card opened again, or reached
 * again through Back, shows at once.
 */
export class CardRecords {
  private readonly fetched = new Map<string, EntityView | null>();
  /** Requests on their way: a card opened while its record is being fetched waits for that answer. */
  private readonly pending = new Map<string, Promise<EntityView | null>>();

  /** Counts forget(): an answer asked for before the last one is not kept. */
  private generation = 0;

  constructor(private readonly fetchEntity: (request: EntityRequest) => Promise<EntityView | null>) {}

  /** Drops every record: after a change of packs, a record may gain or lose other packs' records. */
  forget(): void {
    this.generation += 1;
    this.fetched.clear();
    this.pending.clear();
  }

  /** The record fetched for this request, or null when there is none yet. */
  cached(request: EntityRequest): EntityView | null {
    return this.fetched.get(keyOf(request)) ?? null;
  }

  /** Asks the background for the record; null when it cannot say (the extension was updated or reloaded). */
  ask(request: EntityRequest): Promise<EntityView | null> {
    const key = keyOf(request);
    let answer = this.pending.get(key);
    if (!answer) {
      const generation = this.generation;
      answer = this.fetchEntity(request)
        .catch(() => null)
        .then((view) => {
          if (generation === this.generation) {
            this.fetched.set(key, view);
            this.pending.delete(key);
          }
          return view;
        });
      this.pending.set(key, answer);
    }
    return answer;
  }
}
