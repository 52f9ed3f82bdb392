import { describe, expect, it } from 'vitest';
import { runKillCycles } from './killLoad.js';

/** One SIGKILL cycle per store under load (issue 10, part 2); `npm run soak` runs ≥ 20 per store. */
describe('kill -9 under load', () => {
  it.each(['sqlite', 'redis'] as const)(
    '%s: no acknowledged answer, stance or reminder setting is lost, every record parses, no round is left overdue',
    { timeout: 120_000 },
    async (store) => {
      const report = await runKillCycles({ store, cycles: 1, members: 3, loadMs: [1_000, 1_500], seed: 7 });
      expect(report.lostDetail).toEqual([]);
      expect(report.acknowledged).toBeGreaterThan(0);
      expect(report.lost).toBe(0);
      expect(report.stancesAcknowledged).toBeGreaterThan(0);
      expect(report.stancesLost).toBe(0);
      expect(report.remindersAcknowledged).toBeGreaterThan(0);
      expect(report.remindersLost).toBe(0);
      expect(report.unparsable).toBe(0);
      expect(report.stuckRounds).toBe(0);
    },
  );
});
