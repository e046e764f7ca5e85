// Kept apart from the background's side (pack-look-answer.ts) so the scout, which sends it, carries nothing else.

/** What a scout sends with a frame's folded text, to ask whether it holds a loaded pack's name. */
export const PACK_LOOK = 'pack-look';

export interface PackLookQuestion {
  caseLens: typeof PACK_LOOK;
  /** Text folded by the scout (facts/scout.ts `scoutFold`). */
  text: string;
}

/**
 * The background's answer: `found`, a name is there; `none`, not in this
 * text; `off`, no pack is on any more, so the frame stops asking.
 */
export type PackLookAnswer = 'found' | 'none' | 'off';

export function packLookQuestion(text: string): PackLookQuestion {
  return { caseLens: PACK_LOOK, text };
}

export function isPackLookQuestion(message: unknown): message is PackLookQuestion {
  const m = message as Partial<PackLookQuestion> | null;
  return typeof m === 'object' && m !== null && m.caseLens === PACK_LOOK && typeof m.text === 'string';
}
