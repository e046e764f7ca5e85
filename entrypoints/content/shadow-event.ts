/**
 * Dispatched on a host, in the page, when the page attaches an open shadow
 * root to it (shadow-watch.content.ts). Kept apart so the scripts that run in
 * every frame carry this name and nothing else of the page side.
 */
export const SHADOW_ATTACHED_EVENT = 'case-lens-shadow-attached';
