import { describe, expect, it } from 'vitest';
import { redisRestartMidQuiz, restBursts, sqliteRefusesWrites } from './dependencies.js';

describe('dependency faults (issue 10, part 4)', () => {
  it('Redis stopped and restarted mid-quiz: "couldn\'t save", nothing half-written, recovers without a restart', {
    timeout: 60_000,
  }, async () => {
    const outcome = await redisRestartMidQuiz();
    expect(outcome.detail).toMatch(/refusal clear/);
    expect(outcome.survived).toBe(true);
  });

  it.each(['read-only', 'disk full'] as const)('SQLite %s: a clear error and no corruption', { timeout: 60_000 }, async (kind) => {
    const outcome = await sqliteRefusesWrites(kind);
    expect(outcome.detail).toMatch(/refusal clear/);
    expect(outcome.survived).toBe(true);
  });

  it('bursts of 429 and 5xx: the bot backs off and finishes its work', { timeout: 90_000 }, async () => {
    const outcome = await restBursts(1);
    expect(outcome.detail).toMatch(/^1\/1/);
    expect(outcome.survived).toBe(true);
    expect(outcome.injected).toBeGreaterThan(0);
  });
});
