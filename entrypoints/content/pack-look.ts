import { RUNNING } from '@/lib/candidate-report';
import { type PackLookAnswer, packLookQuestion } from '@/lib/pack-look-message';

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * How much text a frame must have shown before it asks about the packs'
 * names. Most of the frames a page embeds are widgets, buttons and
 * advertisements of a line or two, which would each cost a message; an
 * article, a post or a report passes this at once. The case's own names are
 * looked for everywhere.
 */
export const PACK_LOOK_FROM_CHARS = 500;

/**
 * At most this much text goes in one question; more waits for the next.
 * The walk hands over text in chunks of at most 128K characters (scout-watch.ts).
 */
const QUESTION_CHARS = 262_144;

/**
 * A scout's test for the loaded packs' names. It takes the frame's text as
 * the walk of scout-watch.ts reads it, folded (scoutFold), and asks the
 * background, which holds the names and their test (lib/pack-look-answer.ts):
 * a frame carries and runs nothing of thousands of names. What the walk hands
 * over while a question is out goes in the next one. `found` is called once,
 * when the answer is that a name is there; `gone`, when no pack is on any
 * more or the full script has started meanwhile.
 */
export function lookForPacks(found: () => void, gone: () => void): (folded: string) => false {
  const api = ((globalThis as { browser?: Runtime }).browser ?? (globalThis as { chrome?: Runtime }).chrome)!;
  let texts: string[] = [];
  /** Text shown so far; nothing is asked before PACK_LOOK_FROM_CHARS. */
  let shown = 0;
  let asking = false;
  let done = false;
  const ask = async (): Promise<void> => {
    if (asking) return;
    asking = true;
    while (texts.length > 0 && !done) {
      let take = 1;
      let size = texts[0]!.length;
      while (take < texts.length && size + texts[take]!.length <= QUESTION_CHARS) size += texts[take++]!.length;
      const text = texts.slice(0, take).join(' ');
      texts = texts.slice(take);
      // No answer (the background restarting, the extension updated): this text is given up, not the frame.
      const answer = (await api.runtime.sendMessage(packLookQuestion(text)).catch(() => 'none')) as PackLookAnswer;
      if (done) break;
      if (answer === 'off' || RUNNING in globalThis) {
        done = true;
        gone();
      } else if (answer === 'found') {
        done = true;
        found();
      }
    }
    if (done) texts = [];
    asking = false;
  };
  return (text) => {
    if (!done) {
      texts.push(text);
      shown += text.length;
      if (shown >= PACK_LOOK_FROM_CHARS) void ask();
    }
    return false;
  };
}
