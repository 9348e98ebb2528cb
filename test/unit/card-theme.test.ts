import { describe, expect, it } from 'vitest';
import { parseRgb, themeForBackground } from '../../src/content/card-theme';

describe('card theme from the page background', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(18, 18, 18)', 'dark'],
    ['rgb(5 5 5 / 0.9)', 'dark'],
    ['rgb(246, 244, 239)', 'light'],
    ['rgb(60, 60, 60)', 'dark'],
    ['rgba(0, 0, 0, 0)', null],
    ['transparent', null],
  ])('%s → %s', (value, theme) => {
    expect(themeForBackground(value)).toBe(theme);
  });

  it('parses percentage alpha', () => {
    expect(parseRgb('rgb(1 2 3 / 50%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
  });
});
