import { describe, expect, it } from 'vitest';
import { fitLines } from '../../../src/discord/views/parts.js';

describe('view parts', () => {
  it('cuts lists between lines, never inside a mention', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `<@${200000000000000000 + i}>`);
    const text = fitLines(lines, 200);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => /^<@\d+>$/.test(line)),
    ).toBe(true);
    expect(text).toMatch(/…and \d+ more$/);
  });

  it('keeps every line when they fit, and says how many were left out when not', () => {
    expect(fitLines(['a', 'b'], 20)).toBe('a\nb');
    expect(fitLines(['one', 'two', 'three'], 13, (left) => `+${left}`)).toBe('one\ntwo\nthree');
    expect(fitLines(['one', 'two', 'three'], 12, (left) => `+${left}`)).toBe('one\ntwo\n+1');
  });
});
