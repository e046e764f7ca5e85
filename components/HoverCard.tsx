import type { PackedEntityView } from '@/facts/packs/card-catalogue';
import { CATEGORY_STYLE } from './categories';
import { ClaimBox } from './ClaimBox';
import { EntityDetail } from './EntityDetail';
import { OtherEntities } from './OtherEntities';

export interface HoverCardProps {
  view: PackedEntityView | null;
  /** Shown while the view loads, or when the entity is unknown. */
  fallbackName: string;
  /** The page's words when the card opened on a stated value (a year, an amount, a title). */
  stated: string | null;
  /** "contradicted" or "confirmed" for stated values and wrong name forms. */
  verdict: string | null;
  pinned: boolean;
  /** 1-based position of the current mention among this entity's mentions on the page. */
  mentionIndex: number;
  mentionCount: number;
  /** True when the card shows a related entity rather than the hovered one. */
  canGoBack: boolean;
  onPin(): void;
  onClose(): void;
  onBack(): void;
  onPrevious(): void;
  onNext(): void;
  onSelect(id: string): void;
}

/** The card shown over a highlight: who or what it is, and the dated, sourced record. */
export function HoverCard(props: HoverCardProps) {
  const { view } = props;
  const category = view ? CATEGORY_STYLE[view.category] : null;
  const title = view?.name ?? props.fallbackName;
  return (
    <section class="cl-card" role="dialog" aria-label={`Case Lens: ${title}`} tabIndex={-1} data-entity={view?.id}>
      <header class="cl-header" style={category ? { borderTopColor: category.tone } : undefined}>
        <div class="cl-title-row">
          {props.canGoBack && (
            <button type="button" class="cl-icon cl-back" aria-label="Back" title="Back" onClick={props.onBack}>
              ←
            </button>
          )}
          <h2 class="cl-title">{title}</h2>
          <button
            type="button"
            class="cl-icon cl-pin"
            aria-pressed={props.pinned}
            aria-label={props.pinned ? 'Unpin card' : 'Pin card'}
            title={props.pinned ? 'Unpin' : 'Pin: keep the card open'}
            onClick={props.onPin}
          >
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path
                d="M10 1l5 5-2 1-3 3 .5 3.5L9 15l-3-3-4 4-1-1 4-4-3-3 1.5-1.5L7 7l3-3z"
                fill={props.pinned ? 'currentColor' : 'none'}
                stroke="currentColor"
                stroke-width="1.3"
                stroke-linejoin="round"
              />
            </svg>
          </button>
          <button
            type="button"
            class="cl-icon cl-close"
            aria-label="Close card"
            title="Close (Esc)"
            onClick={props.onClose}
          >
            ×
          </button>
        </div>
        {view && category && (
          <p class="cl-subtitle">
            <span
              class="cl-chip"
              style={{ '--cl-chip': category.tint, '--cl-chip-dark': category.darkTint, borderColor: category.tone }}
            >
              {category.label}
            </span>
            {view.kind && <span class="cl-kind">{view.kind}</span>}
          </p>
        )}
        {props.mentionCount > 0 && !props.canGoBack && (
          <nav class="cl-mentions" aria-label="Mentions on this page">
            {props.mentionCount > 1 && (
              <button type="button" class="cl-icon cl-prev" aria-label="Previous mention" onClick={props.onPrevious}>
                ‹
              </button>
            )}
            <span class="cl-position" aria-live="polite">
              Mention {props.mentionIndex} of {props.mentionCount} on this page
            </span>
            {props.mentionCount > 1 && (
              <button type="button" class="cl-icon cl-next" aria-label="Next mention" onClick={props.onNext}>
                ›
              </button>
            )}
          </nav>
        )}
      </header>
      <div class="cl-body">
        {view?.claim && props.stated !== null && (
          <ClaimBox stated={props.stated} verdict={props.verdict} claim={view.claim} />
        )}
        {view ? <EntityDetail view={view} onSelect={props.onSelect} /> : <p class="cl-loading">Loading…</p>}
        {view?.others && <OtherEntities others={view.others} onSelect={props.onSelect} />}
      </div>
      <footer class="cl-footer" data-pack={view?.pack?.id ?? 'case'}>
        Case Lens · {view?.pack ? `from the fact pack “${view.pack.title}”` : 'from the bundled fact store'}, nothing
        sent anywhere
      </footer>
    </section>
  );
}
