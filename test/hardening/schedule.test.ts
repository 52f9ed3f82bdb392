import { expect, it } from 'vitest';
import { runScheduleTorture } from './scheduleTorture.js';

/** One DST group of the schedule torture (issue 10, part 3): Berlin's spring-forward night, 02:30, on SQLite. */
it('restarts around the slots of a DST night post each slot inside the grace window exactly once', async () => {
  const report = await runScheduleTorture({ only: (g) => g.zone === 'Europe/Berlin' && g.season === 'spring' && g.store === 'sqlite' });
  expect(report.problems).toEqual([]);
  expect(report.slots).toBe(4);
  expect(report.restarts).toBeGreaterThanOrEqual(8);
});
