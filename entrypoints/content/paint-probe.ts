import { caseLensTimeline } from './timeline';
export interface PaintProbe {
  cardRendered(): void;
}

/**
 * Measures a hover card's way to the screen, from the hover-intent timer
 * firing, as the `case-lens:card` performance measure (ending once the frame
 * showing the card has been produced: a frame callback runs before that frame
 * is painted, and a task it posts runs after). Its `detail` says how long the
 * card took to render (`renderMs`), when the frame showing it began
 * (`frameMs`), and whether that was the first frame after the intent
 * (`frames`: 1; callbacks of one frame get the same timestamp).
 */
export function startPaintProbe(): PaintProbe {
  const intentAt = performance.now();
  let firstFrame: number | null = null;
  requestAnimationFrame((time) => {
    firstFrame = time;
  });
  return {
    cardRendered() {
      const renderMs = performance.now() - intentAt;
      requestAnimationFrame((time) => {
        const frameMs = performance.now() - intentAt;
        const frames =
          firstFrame === null || time === firstFrame
            ? 1
            : 1 + Math.max(1, Math.round((time - firstFrame) / (1000 / 60)));
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          caseLensTimeline.measure('case-lens:card', intentAt, performance.now(), { frames, renderMs, frameMs });
        };
        channel.port2.postMessage(null);
      });
    },
  };
}
