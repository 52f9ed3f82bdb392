import { describe, expect, it } from 'vitest';
import { Cooldowns } from '../src/cooldown.js';

describe('cooldowns', () => {
  it('lets a member in once, then says how long to wait, then lets them in again', () => {
    const cooldowns = new Cooldowns();
    expect(cooldowns.take('g:u:/claim', 5, 0)).toBe(0);
    expect(cooldowns.take('g:u:/claim', 5, 1_200)).toBe(4);
    expect(cooldowns.take('g:other:/claim', 5, 1_200)).toBe(0);
    expect(cooldowns.take('g:u:/claim', 5, 5_000)).toBe(0);
  });

  it('forgets expired entries instead of growing without bound', () => {
    const cooldowns = new Cooldowns(100);
    for (let i = 0; i < 10_000; i++) cooldowns.take(`member-${i}`, 1, i * 10);
    expect(cooldowns.size).toBeLessThanOrEqual(200);
  });
});
