import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PAGES } from './lib/pages';
import { pageRecordPlugin } from './scripts/page-record-plugin';
import { scoutWordsPlugin } from './scripts/scout-words-plugin';

// The icon sizes the manifests, toolbars (16, 32 and their high-density doubles) and both stores
// (128 for the listing; Firefox's add-ons manager asks for 48 and 96) use, all scaled from assets/icon.svg.
const ICON_SIZES = [16, 32, 48, 96, 128];
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

// Manifest V3 for Chrome and Firefox. Permissions: `storage` (settings) and `scripting` (registering the page-world patch where Case Lens is on, starting the
// full script in a frame whose scout saw the case).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: ICON_SIZES },
  vite: () => ({
    plugins: [
      preact(),
      scoutWordsPlugin(new URL('./facts/entities', import.meta.url).pathname),
      pageRecordPlugin(new URL('./facts/entities', import.meta.url).pathname),
    ],
  }),
  manifest: ({ browser }) => ({
    name: 'Case Lens',
    description:
      'Highlights the people, groups and incidents of the North Korean RGB hacking case on any page, with dated, sourced facts. Offline.',
    permissions: ['storage', 'scripting'],
    host_permissions: PAGES,
    action: { default_title: 'Case Lens', default_icon: ICONS },
    commands: {
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next Case Lens highlight and open its card',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous Case Lens highlight and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'case-lens@case-lens.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The scout is an unlisted script declared here rather than with defineContentScript, whose
    // wrapper would announce every start to the page with an event named after the extension's id.
    'build:manifestGenerated': (_wxt, manifest) => {
      const everyFrame = { matches: PAGES, all_frames: true, match_about_blank: true, match_origin_as_fallback: true };
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        // In the content scripts' world, at document_start, the few lines that leave the page-world patch
        // (shadow-watch.ts) the random name it reports attached shadow roots with, and keep what it reports
        // until the scout starts (shadow-key.ts, shadow-event.ts): the background registers the patch where
        // Case Lens is on (lib/page-world.ts), and declared scripts start before registered ones. The scout
        // itself starts when the document is parsed (document_end), before its load event.
        { ...everyFrame, js: ['shadow-key.js'], run_at: 'document_start' },
        { ...everyFrame, js: ['scout.js'], run_at: 'document_end' },
      ];
    },
  },
});
