import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../src/stances/coalesce.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('edit coalescing', () => {
  it('folds a burst of requests into one run, and the next burst waits out the interval', async () => {
    const runs: string[] = [];
    const coalescer = new Coalescer(
      5_000,
      async (key) => void runs.push(key),
      () => {},
    );
    for (let i = 0; i < 20; i++) coalescer.request('post');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['post']);
    coalescer.request('post');
    coalescer.request('other');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runs).toEqual(['post', 'other']);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['post', 'other', 'post']);
  });

  it('reports a failed run and keeps going; a cancelled key does not run', async () => {
    const runs: string[] = [];
    const failures: string[] = [];
    const run = async (key: string) => {
      runs.push(key);
      if (key === 'bad') throw new Error('nope');
    };
    const coalescer = new Coalescer(1_000, run, (key) => void failures.push(key));
    coalescer.request('bad');
    coalescer.request('gone');
    coalescer.cancel('gone');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual(['bad']);
    expect(failures).toEqual(['bad']);
    coalescer.request('bad');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual(['bad', 'bad']);
  });
});
