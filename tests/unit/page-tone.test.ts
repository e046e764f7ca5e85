// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageTone, toneOfColor } from '../../entrypoints/content/page-tone';

describe('page tone', () => {
  it('reads computed colours as light or dark, and transparent ones as unknown', () => {
    expect(toneOfColor('rgb(255, 255, 255)')).toBe('light');
    expect(toneOfColor('rgb(17, 17, 17)')).toBe('dark');
    expect(toneOfColor('rgb(32, 33, 36)')).toBe('dark');
    expect(toneOfColor('rgb(240, 236, 228)')).toBe('light');
    // Mid greys fall on the side their text contrast does.
    expect(toneOfColor('rgb(90, 90, 90)')).toBe('dark');
    expect(toneOfColor('rgb(160, 160, 160)')).toBe('light');
    expect(toneOfColor('rgba(0, 0, 0, 0)')).toBeNull();
    expect(toneOfColor('rgba(0, 0, 0, 0.2)')).toBeNull();
    expect(toneOfColor('rgba(0, 0, 0, 0.9)')).toBe('dark');
    expect(toneOfColor('rgb(0 0 0 / 50%)')).toBe('dark');
    expect(toneOfColor('color(srgb 1 1 1)')).toBeNull();
    expect(toneOfColor('')).toBeNull();
  });

  it('takes the body, then the root element, then the declared colour scheme', () => {
    expect(pageTone('rgb(0, 0, 0)', 'rgb(255, 255, 255)', 'normal')).toBe('dark');
    expect(pageTone('rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)', 'dark')).toBe('light');
    expect(pageTone('rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'dark')).toBe('dark');
    expect(pageTone(null, 'rgba(0, 0, 0, 0)', 'light')).toBe('light');
    // Nothing painted and both schemes offered: the system's scheme decides.
    expect(pageTone('rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'light dark')).toBeNull();
    expect(pageTone(null, null, null)).toBeNull();
  });
});
