import { beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, loadProbes, measure, type Probe, report } from '../../scripts/lib/claimProbes.js';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';

/**
 * /claim on the independent probes (test/fixtures/claim-probes): verdicts for the sentence as written.
 * The floor below is today's held-out measurement less a small margin, so a change that makes /claim worse
 * fails. It is NOT the target: issue 14 asks for accuracy ≥ 95% and confident-wrong ≤ 2%, which the lexical
 * relation reading does not reach yet (see docs/claims.md). Thresholds and cards were tuned on tune.yaml and
 * dev.yaml only; held-out.yaml is a fresh set by a second writer, measured, never read to tune.
 */
const FLOOR = { accuracy: 0.62, confidentWrong: 0.05 } as const;
const TARGET = { accuracy: 0.95, confidentWrong: 0.02 } as const;

let content: Content;
let tune: Probe[];
let dev: Probe[];
let heldOut: Probe[];
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
  [tune, dev, heldOut] = await Promise.all([loadProbes('tune'), loadProbes('dev'), loadProbes('held-out')]);
});

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('claim verdicts on the independent probes', () => {
  it('has an evaluation set worth the name: ≥ 300 probes of every kind, every card id known', () => {
    const all = [...tune, ...dev, ...heldOut];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(heldOut.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((probe) => probe.kind))).toEqual(new Set(['covered', 'flip', 'detail', 'near-domain', 'off-topic']));
    const unknown = all.flatMap((probe) => (probe.card !== null && !content.claims.has(probe.card) ? [probe.card] : []));
    expect(unknown).toEqual([]);
  });

  it(`held-out half stays above the floor (accuracy ≥ ${percent(FLOOR.accuracy)}, confident-wrong ≤ ${percent(FLOOR.confidentWrong)})`, () => {
    console.log(report('tune', judgeAll(content, tune)));
    console.log(report('dev', judgeAll(content, dev)));
    const outcomes = judgeAll(content, heldOut);
    console.log(report('held-out', outcomes, { misses: false }));
    const figures = measure(outcomes);
    console.log(
      `issue 14's target: accuracy ≥ ${percent(TARGET.accuracy)}, confident-wrong ≤ ${percent(TARGET.confidentWrong)}; held-out now ${percent(figures.accuracy)} and ${percent(figures.confidentWrong)}`,
    );
    expect.soft(figures.accuracy, 'held-out verdict accuracy').toBeGreaterThanOrEqual(FLOOR.accuracy);
    expect.soft(figures.confidentWrong, 'held-out confident-wrong rate').toBeLessThanOrEqual(FLOOR.confidentWrong);
  });

  it('never shows a verdict for an off-topic decoy', () => {
    const decoys = [...tune, ...dev, ...heldOut].filter((probe) => probe.kind === 'off-topic');
    const answered = judgeAll(content, decoys).filter((o) => o.shown !== 'not-covered');
    expect(answered.map((o) => o.probe.q)).toEqual([]);
  });
});
