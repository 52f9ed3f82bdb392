/** The one source of "now", so tests, the playground and the scheduler can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
