import { browser } from 'wxt/browser';
import type { EntityView } from '@/facts/view';

/**
 * Every message between the extension's parts, in one place. Content scripts
 * ask the background for entity details (so facts stay out of the page
 * bundle); the popup asks the active tab's content script about its page.
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

export type BackgroundRequest =
  | { type: 'get-entity'; id: string; aliasIndex?: number; claimIndex?: number }
  | { type: 'page-count'; count: number };

export type StepDirection = 'next' | 'previous';

export type ContentRequest =
  | { type: 'page-summary' }
  | { type: 'reveal'; entityId: string; index: number; check?: boolean }
  | { type: 'step-highlight'; direction: StepDirection };

export interface BackgroundResponses {
  'get-entity': EntityView | null;
  'page-count': null;
}

export interface ContentResponses {
  'page-summary': PageSummary;
  reveal: boolean;
  'step-highlight': boolean;
}

export function askBackground<T extends BackgroundRequest>(request: T): Promise<BackgroundResponses[T['type']]> {
  return browser.runtime.sendMessage(request) as Promise<BackgroundResponses[T['type']]>;
}

export function askTab<T extends ContentRequest>(tabId: number, request: T): Promise<ContentResponses[T['type']]> {
  return browser.tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<ContentResponses[T['type']]>;
}
