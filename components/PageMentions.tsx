import type { PageMention } from '@/lib/messages';
import { CategoryDot } from './CategoryDot';

interface Props {
  mentions: PageMention[];
  /** Scrolls the page to the entity's next mention and flashes it. */
  onReveal(entityId: string): void;
  onOpen(entityId: string): void;
}

/** "On this page": each entity found on the active tab with its count; a click jumps there. */
export function PageMentions({ mentions, onReveal, onOpen }: Props) {
  if (mentions.length === 0) return <p class="pl-empty">No case names found on this page.</p>;
  return (
    <ul class="pl-mentions">
      {mentions.map((m) => (
        <li key={m.entityId} class="pl-mention" data-entity={m.entityId}>
          <CategoryDot category={m.category} />
          <button
            type="button"
            class="pl-link pl-reveal"
            title="Show it on the page"
            onClick={() => onReveal(m.entityId)}
          >
            {m.name}
          </button>
          <span class="pl-count">
            {m.count}
            <span class="pl-sr"> {m.count === 1 ? 'mention' : 'mentions'}</span>
          </span>
          <button
            type="button"
            class="pl-more"
            aria-label={`Details about ${m.name}`}
            title="Details"
            onClick={() => onOpen(m.entityId)}
          >
            Details
          </button>
        </li>
      ))}
    </ul>
  );
}
