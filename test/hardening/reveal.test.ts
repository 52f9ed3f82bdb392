import { describe, expect, it } from 'vitest';
import { runRevealTorture } from './revealTorture.js';

/** Restarts around the close of stance rounds (issue 16): each closed round is revealed exactly once. */
describe('reveal torture', () => {
  it.each(['sqlite', 'redis'] as const)(
    '%s: restarts before, at and after the close, late or past grace, reveal each round once',
    async (store) => {
      const report = await runRevealTorture(store);
      expect(report.problems).toEqual([]);
      expect(report.closed).toBeGreaterThanOrEqual(4);
      expect(report.duplicates + report.missing).toBe(0);
      expect(report.restarts).toBeGreaterThanOrEqual(store === 'redis' ? 16 : 8);
    },
  );
});
