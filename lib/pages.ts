/**
 * The pages Case Lens runs on: its content scripts' match patterns, and its
 * host permissions, which must stay equal to them so that `scripting` adds no
 * install warning (tests/e2e/manifest.spec.ts).
 */
export const PAGES = ['http://*/*', 'https://*/*', 'file:///*'];
