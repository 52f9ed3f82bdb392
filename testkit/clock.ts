/**
 * Time as the stand-in sees it. The 3-second first-response rule and the 15-minute token lifetime are
 * measured with this clock, so a test can move time instead of waiting.
 * - 'real': wall-clock time plus whatever advance() added.
 * - 'manual': frozen; only advance() and set() move it.
 */
export interface StandInClock {
  readonly mode: 'real' | 'manual';
  now(): number;
  advance(ms: number): void;
  set(epochMs: number): void;
}

export type ClockOption = StandInClock | 'real' | 'manual';

export function realClock(): StandInClock {
  let offset = 0;
  return {
    mode: 'real',
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += nonNegative(ms);
    },
    set: (epochMs) => {
      offset = epochMs - Date.now();
    },
  };
}

export function manualClock(start: number = Date.now()): StandInClock {
  let current = start;
  return {
    mode: 'manual',
    now: () => current,
    advance: (ms) => {
      current += nonNegative(ms);
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}

export function resolveClock(option: ClockOption | undefined): StandInClock {
  if (option === undefined || option === 'real') return realClock();
  if (option === 'manual') return manualClock();
  return option;
}

function nonNegative(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance() takes a non-negative number of ms, got ${ms}`);
  return ms;
}
