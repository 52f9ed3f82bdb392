import cron from 'node-cron';

/** What drives the scheduler in production; tests substitute a ticker that never fires and call runDue themselves. */
export interface Ticker {
  /** Calls `onTick` at every match of the cron expression in the zone; returns a function that stops it. */
  every(expression: string, timezone: string, onTick: () => void): () => void;
}

export const cronTicker: Ticker = {
  every(expression, timezone, onTick) {
    const task = cron.schedule(expression, onTick, { timezone, name: `prompts ${expression} ${timezone}` });
    return () => void task.destroy();
  },
};

/** A ticker for tests and the playground: records what is registered and fires only when told to. */
export function manualTicker() {
  const active = new Map<number, { expression: string; timezone: string; onTick: () => void }>();
  let next = 0;
  const ticker: Ticker = {
    every(expression, timezone, onTick) {
      const id = next++;
      active.set(id, { expression, timezone, onTick });
      return () => void active.delete(id);
    },
  };
  return {
    ticker,
    registered: () => [...active.values()].map(({ expression, timezone }) => `${expression} ${timezone}`),
    fireAll: () => {
      for (const { onTick } of active.values()) onTick();
    },
  };
}
