import type { PageMention } from '@/lib/messages';
import { CategoryDot } from './CategoryDot';

interface Props {
  mentions: PageMention[] | null;
  onReveal(entityId: string): void;
  onOpen(entityId: string): void;
}

/** "On this page": each entity found on the active tab, with its count. */
export function PageMentions({ mentions, onReveal, onOpen }: Props) {
  if (mentions === null) return <p class="pl-empty">Case Lens is not running on this page.</p>;
  if (mentions.length === 0) return <p class="pl-empty">No case names found on this page.</p>;
  return (
    <ul class="pl-mentions">
      {mentions.map((m) => (
        <li key={m.entityId} class="pl-mention" data-entity={m.entityId}>
          <CategoryDot category={m.category} />
          <button type="button" class="pl-link" onClick={() => onOpen(m.entityId)}>
            {m.name}
          </button>
          <button
            type="button"
            class="pl-count"
            aria-label={`Show ${m.name} on the page (${m.count} ${m.count === 1 ? 'mention' : 'mentions'})`}
            title="Scroll to it on the page"
            onClick={() => onReveal(m.entityId)}
          >
            {m.count}×
          </button>
        </li>
      ))}
    </ul>
  );
}
