/**
 * How the schedule tortures restart their "processes" around one due instant (a weekly prompt slot, a daily
 * reminder): every process ticks a minute before, then all stop, then one of three scenarios, then a last tick
 * well after the grace window.
 * - around: started (which runs the catch-up) and ticked at due − 1 min, at due and at due + 1 min → 1 delivery;
 * - late: down until grace − 1 min after → 1 delivery, the catch-up;
 * - missed: down until grace + 1 min after → 0 deliveries.
 */
export type Scenario = 'around' | 'late' | 'missed';

export interface Fleet {
  startAll(): Promise<void>;
  stopAll(): Promise<void>;
  tickAll(): Promise<unknown>;
}

const MINUTE = 60_000;

export async function restartAround(
  due: Date,
  scenario: Scenario,
  graceMs: number,
  clock: { set(at: Date): void },
  fleet: Fleet,
): Promise<void> {
  const at = (ms: number) => new Date(due.getTime() + ms);
  clock.set(at(-MINUTE));
  await fleet.tickAll();
  await fleet.stopAll();
  if (scenario === 'around') {
    for (const offset of [-MINUTE, 0, MINUTE]) {
      clock.set(at(offset));
      await fleet.startAll(); // start-up runs the catch-up
      await fleet.tickAll(); // and a timer tick at the same instant
      if (offset !== MINUTE) await fleet.stopAll();
    }
  } else {
    clock.set(at(scenario === 'late' ? graceMs - MINUTE : graceMs + MINUTE));
    await fleet.startAll();
    await fleet.tickAll();
  }
  clock.set(at(graceMs + 30 * MINUTE));
  await fleet.tickAll();
}
