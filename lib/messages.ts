import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PackedEntityView } from '@/facts/packs/card-catalogue';

/**
 * Every message between the extension's parts, in one place, typed end to
 * end (@webext-core/messaging): one handler per message, no casts. Content
 * scripts ask the background for entity details (so facts stay out of the
 * page bundle); the popup and the keyboard commands ask the active tab's
 * top frame about its page. Pages cannot reach either channel.
 */

export interface PageMention {
  entityId: string;
  name: string;
  category: string;
  count: number;
}

/** A value on the page that the record contradicts (a wrong year, amount, title or name form). */
export interface PageCheck {
  entityId: string;
  name: string;
  /** The page's words. */
  stated: string;
  /** What the record says, for values; null for wrong name forms. */
  record: string | null;
  about: string | null;
  index: number;
}

export interface PageSummary {
  host: string;
  active: boolean;
  mentions: PageMention[];
  checks: PageCheck[];
}

export type StepDirection = 'next' | 'previous';

/** Which record a card asks for: the entity, and the alias or claim it was opened on. */
export interface EntityRequest {
  id: string;
  aliasIndex?: number;
  claimIndex?: number;
  claimIndexes?: number[];
}

/** Handled by the background. */
interface BackgroundProtocol {
  getEntity(request: EntityRequest): PackedEntityView | null;
  /** The top frame's count of distinct case entities, for the toolbar badge. */
  reportPageCount(count: number): void;
}

/** Handled by a tab's top frame. */
interface PageProtocol {
  pageSummary(): PageSummary;
  /** Scrolls to one entity's `index`-th mention and flashes it; false when it is not on the page. */
  revealMention(request: { entityId: string; index: number }): boolean;
  /** Scrolls to the `index`-th contradiction of the page's checks and flashes it. */
  revealCheck(index: number): boolean;
  /** Goes to the next or previous highlight and opens its card with focus. */
  stepHighlight(direction: StepDirection): boolean;
}

export const backgroundMessages = defineExtensionMessaging<BackgroundProtocol>();
export const pageMessages = defineExtensionMessaging<PageProtocol>();

/** Where the popup and the background send page messages: the top frame of a tab. */
export const topFrameOf = (tabId: number) => ({ tabId, frameId: 0 });
