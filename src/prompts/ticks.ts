import cron from 'node-cron';

/** What drives the schedulers in production; tests substitute a ticker that never fires and call runDue themselves. */
export interface Ticker {
  /** Calls `onTick` at every match of the cron expression in the zone; returns a function that stops it. */
  every(expression: string, timezone: string, onTick: () => void): () => void;
  /** Calls `onFire` once, `ms` from now; returns a function that cancels it. */
  after(ms: number, onFire: () => void): () => void;
}

/** Node's timers take at most 2³¹−1 ms (24.8 days); a longer wait fires then, finds nothing due and is armed again. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export const cronTicker: Ticker = {
  every(expression, timezone, onTick) {
    const task = cron.schedule(expression, onTick, { timezone, name: `prompts ${expression} ${timezone}` });
    return () => void task.destroy();
  },
  after(ms, onFire) {
    const timer = setTimeout(onFire, Math.min(Math.max(ms, 0), LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  },
};

/** A ticker for tests and the playground: records what is registered and fires only when told to. */
export function manualTicker() {
  const active = new Map<number, { expression: string; timezone: string; onTick: () => void }>();
  const timers = new Map<number, { ms: number; onFire: () => void }>();
  let next = 0;
  const ticker: Ticker = {
    every(expression, timezone, onTick) {
      const id = next++;
      active.set(id, { expression, timezone, onTick });
      return () => void active.delete(id);
    },
    after(ms, onFire) {
      const id = next++;
      timers.set(id, { ms, onFire });
      return () => void timers.delete(id);
    },
  };
  return {
    ticker,
    registered: () => [...active.values()].map(({ expression, timezone }) => `${expression} ${timezone}`),
    /** The delays (ms) of the one-shot timers still pending. */
    pending: () => [...timers.values()].map(({ ms }) => ms),
    fireAll: () => {
      for (const { onTick } of active.values()) onTick();
    },
  };
}
