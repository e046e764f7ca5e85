import { wordVerdict } from '@/facts/claims/wording';
import type { PageCheck } from '@/lib/messages';

interface Props {
  checks: PageCheck[];
  onReveal(index: number): void;
}

/** "Checks on this page": each value the record contradicts, with a link that scrolls to it. */
export function PageChecks({ checks, onReveal }: Props) {
  if (checks.length === 0) return <p class="pl-empty">Nothing on this page contradicts the record.</p>;
  return (
    <ul class="pl-checks">
      {checks.map((c) => (
        <li key={c.index} class="pl-check" data-entity={c.entityId}>
          <button type="button" class="pl-link" onClick={() => onReveal(c.index)} title="Scroll to it on the page">
            “{c.stated}”
          </button>{' '}
          {c.record ? (
            <span>
              {wordVerdict(c.stated, 'contradicted', c.record, c.about ?? '').link.trimStart()}
              <strong>{c.record}</strong> <span class="pl-muted">({c.about})</span>
            </span>
          ) : (
            <span>
              — a wrong form of <strong>{c.name}</strong>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
