import type { OtherEntity } from '@/facts/packs/card-catalogue';
import { FactList } from './FactList';

interface Props {
  others: OtherEntity[];
  onSelect?(id: string): void;
}

/**
 * What the other loaded packs say: the same thing under a shared catalogue
 * id, with its facts; and other things that go by the spelling the page
 * used, each named with its pack so the reader can tell them apart and open it.
 */
export function OtherEntities({ others, onSelect }: Props) {
  const same = others.filter((o) => o.reason === 'same');
  const sameName = others.filter((o) => o.reason === 'same-name');
  return (
    <div class="cl-others">
      {same.map((o) => (
        <section
          key={o.id}
          class="cl-other"
          data-entity={o.id}
          data-pack={o.pack.id}
          aria-label={`${o.name} in ${o.pack.title}`}
        >
          <h3 class="cl-section">
            The same in {o.pack.title} ({o.catalogueIds.join(', ')})
          </h3>
          <p class="cl-summary">{o.summary}</p>
          <FactList facts={o.facts} />
        </section>
      ))}
      {sameName.length > 0 && (
        <>
          <h3 class="cl-section">Others with this name</h3>
          <ul class="cl-relations cl-same-name">
            {sameName.map((o) => (
              <li key={o.id} data-pack={o.pack.id}>
                <button type="button" class="cl-relation" data-target={o.id} onClick={() => onSelect?.(o.id)}>
                  {o.name}
                </button>{' '}
                <span class="cl-kind">{o.pack.title}</span>
                <p class="cl-other-summary">{o.summary}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
