import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIGHLIGHT_COMMANDS, relayCommand, type StepSender } from '../../lib/commands';

describe('keyboard commands', () => {
  beforeEach(() => fakeBrowser.reset());

  it('maps exactly the manifest commands to directions', () => {
    expect(HIGHLIGHT_COMMANDS).toEqual({ 'next-highlight': 'next', 'previous-highlight': 'previous' });
  });

  it('sends the step to the tab the command was pressed in', async () => {
    const send = vi.fn<StepSender>().mockResolvedValue(true);
    expect(await relayCommand('previous-highlight', { id: 42 }, send)).toBe(true);
    expect(send).toHaveBeenCalledWith(42, 'previous');
  });

  it('falls back to the active tab when the browser does not say which', async () => {
    // The fake browser keeps no focused window; stand in for the browser's answer.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    const send = vi.fn<StepSender>().mockResolvedValue(true);
    expect(await relayCommand('next-highlight', undefined, send)).toBe(true);
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    expect(send).toHaveBeenCalledWith(7, 'next');
    query.mockResolvedValue([]);
    expect(await relayCommand('next-highlight', undefined, send)).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
    query.mockRestore();
  });

  it('ignores other commands, and pages without Case Lens answer false instead of throwing', async () => {
    const send = vi.fn<StepSender>().mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await relayCommand('_execute_action', { id: 1 }, send)).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(await relayCommand('next-highlight', { id: 1 }, send)).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
