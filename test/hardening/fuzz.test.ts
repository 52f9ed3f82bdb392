import { expect, it } from 'vitest';
import { runFuzzer } from './fuzzer.js';

/** Quick mode of the interaction fuzzer (issue 10): a fixed seed, ≥ 1,000 cases. `npm run soak` runs ≥ 10,000. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_610);
const CASES = Number(process.env.FUZZ_CASES ?? 1_000);

it(`fuzzes ${CASES} interactions (seed ${SEED}) with no invariant violated`, { timeout: 240_000 }, async () => {
  const report = await runFuzzer({ cases: CASES, seed: SEED, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) });
  if (report.failure) console.error(`fuzzer failure (seed ${report.seed}):\n${report.failure}`);
  expect(report.failure).toBeUndefined();
  expect(report.cases).toBeGreaterThanOrEqual(1_000);
});
