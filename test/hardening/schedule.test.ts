import { expect, it } from 'vitest';
import { runReminderTorture } from './reminderTorture.js';
import { runScheduleTorture } from './scheduleTorture.js';

/** One DST group of the schedule torture (issue 10, part 3): Berlin's spring-forward night, 02:30, on SQLite. */
it('restarts around the slots of a DST night post each slot inside the grace window exactly once', async () => {
  const report = await runScheduleTorture({ only: (g) => g.zone === 'Europe/Berlin' && g.season === 'spring' && g.store === 'sqlite' });
  expect(report.problems).toEqual([]);
  expect(report.slots).toBe(4);
  expect(report.restarts).toBeGreaterThanOrEqual(8);
});

/** One group of the reminder torture (issue 17): a 02:30 reminder across Berlin's spring-forward night, on SQLite. */
it('restarts around daily review reminders across a DST night send each day at most once', async () => {
  const report = await runReminderTorture({ only: (g) => g.zone === 'Europe/Berlin' && g.season === 'spring' && g.time === '02:30' });
  expect(report.problems).toEqual([]);
  expect(report.days).toBe(5);
  expect(report.duplicates).toBe(0);
  expect(report.restarts).toBeGreaterThanOrEqual(8);
});
