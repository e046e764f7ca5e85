import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageMessages, type PageSummary } from '@/lib/messages';
import type { HighlightNavigator } from './highlight-navigator';
import type { Renderer } from './renderer';

export interface PageMessageHandlers {
  summary(): PageSummary;
  isRunning(): boolean;
  highlighter: Renderer;
  navigation: HighlightNavigator;
}

/** Answers the popup and the keyboard commands in a tab's top frame: one handler per message. */
export function answerPageMessages(ctx: ContentScriptContext, h: PageMessageHandlers): void {
  const removers = [
    pageMessages.onMessage('pageSummary', () => h.summary()),
    pageMessages.onMessage(
      'revealMention',
      ({ data }) => h.isRunning() && h.navigation.reveal(data.entityId, data.index),
    ),
    pageMessages.onMessage('revealCheck', ({ data: index }) => {
      const mark = h.highlighter.contradictions()[index];
      return h.isRunning() && mark !== undefined && h.navigation.show(mark);
    }),
    pageMessages.onMessage('stepHighlight', ({ data: direction }) => h.isRunning() && h.navigation.step(direction)),
  ];
  ctx.onInvalidated(() => {
    for (const remove of removers) remove();
  });
}
