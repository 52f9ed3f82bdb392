import type { StandInEvents } from './events.js';

export interface WaitOptions {
  /** Real milliseconds before giving up (default: the stand-in's waitTimeoutMs). */
  readonly timeoutMs?: number;
  /** What is awaited, for the timeout message. */
  readonly description?: string;
  /** Extra lines for the timeout message (e.g. the calls so far). */
  readonly context?: () => string;
}

const POLL_MS = 20;

/**
 * Resolves with the probe's first truthy result, re-checking after every stand-in change and every 20 ms (for
 * probes that read the bot's own state). A probe that throws rejects the wait (used to fail fast when the
 * stand-in rejected the request being awaited).
 */
export function waitFor<T>(
  events: StandInEvents,
  probe: () => T | undefined | null | false,
  options: WaitOptions & { timeoutMs: number },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      events.off('change', check);
      outcome();
    };
    const check = () => {
      try {
        const value = probe();
        if (value !== undefined && value !== null && value !== false) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const timer = setTimeout(() => {
      const extra = options.context?.();
      finish(() =>
        reject(
          new Error(
            `Timed out after ${options.timeoutMs} ms waiting for ${options.description ?? 'a condition'}${extra ? `\n${extra}` : ''}`,
          ),
        ),
      );
    }, options.timeoutMs);
    const poll = setInterval(check, POLL_MS);
    events.on('change', check);
    check();
  });
}
