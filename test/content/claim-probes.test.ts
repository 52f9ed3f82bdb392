import { beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, loadProbes, measure, type Probe, type ProbeSet, probeSets, report } from '../../scripts/lib/claimProbes.js';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';

/**
 * /claim on the independent probes (test/fixtures/claim-probes): verdicts for the sentence as written.
 * Issue 14 asks for accuracy ≥ 95% and confident-wrong ≤ 2% on the held-out set. Neither is met on the current
 * held-out set (see docs/claims.md), so the floors are its measurement less a small margin: a change that makes
 * /claim worse fails, and the issue's target is printed beside them, not claimed. Thresholds and cards were tuned on
 * the tuning sets only; held-out.yaml, by a tenth writer, is measured, never read to tune. The engine as the fifth
 * session began scored 64.2% with 2.8% confident-wrong on this set, as the sixth began 66.1% and 2.2%, as it ended
 * 72.8% and 1.7%, as the seventh ended 75.6% and 1.1%, with members' phrasings in the eighth 83.6% and 1.1%, as the
 * ninth ended 86.4% and 0.8%, as the tenth ended 86.7% and 0.8%, as the eleventh ended 87.2% and 0.8%, as the twelfth
 * ended 88.6% and 0.6%, as the thirteenth ended 89.2% and 0.3%, as the fourteenth 90.0% and 0.3%, as the fifteenth
 * 90.3% and 0.0%, as the eighteenth 91.1% and 0.0%, as the nineteenth 92.5% and 0.0%, as the twentieth 93.3% and 0.0%.
 */
const FLOOR = { accuracy: 0.92, confidentWrong: 0.025 } as const;
const TARGET = { accuracy: 0.95, confidentWrong: 0.02 } as const;

let content: Content;
const sets = new Map<ProbeSet, Probe[]>();
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
  for (const set of probeSets) sets.set(set, await loadProbes(set));
});

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const probesOf = (set: ProbeSet) => sets.get(set) ?? [];
const everyProbe = () => probeSets.flatMap(probesOf);

describe('claim verdicts on the independent probes', () => {
  it('has an evaluation set worth the name: ≥ 300 held-out probes of every kind, every card id known', () => {
    expect(probesOf('held-out').length).toBeGreaterThanOrEqual(300);
    for (const set of probeSets) {
      expect(new Set(probesOf(set).map((probe) => probe.kind)), set).toEqual(
        new Set(['covered', 'flip', 'detail', 'near-domain', 'off-topic']),
      );
    }
    const unknown = everyProbe().flatMap((probe) => (probe.card !== null && !content.claims.has(probe.card) ? [probe.card] : []));
    expect(unknown).toEqual([]);
  });

  it(`held-out set: confident-wrong ≤ ${percent(FLOOR.confidentWrong)}, accuracy above its floor of ${percent(FLOOR.accuracy)}`, () => {
    for (const set of probeSets.filter((set) => set !== 'held-out')) console.log(report(set, judgeAll(content, probesOf(set))));
    const outcomes = judgeAll(content, probesOf('held-out'));
    console.log(report('held-out', outcomes, { misses: false }));
    const figures = measure(outcomes);
    console.log(
      `issue 14's target: accuracy ≥ ${percent(TARGET.accuracy)}, confident-wrong ≤ ${percent(TARGET.confidentWrong)}; held-out now ${percent(figures.accuracy)} and ${percent(figures.confidentWrong)}`,
    );
    expect.soft(figures.accuracy, 'held-out verdict accuracy').toBeGreaterThanOrEqual(FLOOR.accuracy);
    expect.soft(figures.confidentWrong, 'held-out confident-wrong rate').toBeLessThanOrEqual(FLOOR.confidentWrong);
    // Every set is decided afresh (about 23,000 sentences, 20–80 s alone as the machine runs): beside the rest of the
    // suite it needs longer.
  }, 300_000);

  // The held-out set's decoys count in its figures above; this one is for the sets a failure can be fixed on.
  it('never shows a verdict for an off-topic decoy of the tuning sets', () => {
    const decoys = everyProbe().filter((probe) => probe.kind === 'off-topic' && !probesOf('held-out').includes(probe));
    const answered = judgeAll(content, decoys).filter((o) => o.shown !== 'not-covered');
    expect(answered.map((o) => o.probe.q)).toEqual([]);
  });
});
