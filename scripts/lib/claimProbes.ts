import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Content } from '../../src/content/content.js';
import { type Verdict, verdicts } from '../../src/content/schema.js';

/**
 * Measures /claim against the independent probe set in test/fixtures/claim-probes: member-style sentences
 * labelled with the verdicts acceptable for the sentence as written, or "not-covered". A shown verdict outside
 * those labels is *confident-wrong*, the worst error; "not sure" and "not covered" are never confident-wrong.
 */

export const labels = [...verdicts, 'not-covered'] as const;
export type Label = (typeof labels)[number];

const ProbeSchema = z.object({
  q: z.string().min(1),
  accept: z.array(z.enum(labels)).min(1),
  card: z.string().nullable(),
  kind: z.enum(['covered', 'flip', 'detail', 'near-domain', 'off-topic']),
});
export type Probe = z.infer<typeof ProbeSchema>;

/** The probe sets: tuning and measured-only sets by seventy-three writers, and one held out (see test/fixtures/claim-probes/README.md). */
export const probeSets = [
  'tune',
  'dev',
  'dev-2',
  'dev-3',
  'dev-4',
  'dev-5',
  'dev-6',
  'dev-7',
  'dev-8',
  'dev-9',
  'dev-10',
  'dev-11',
  'dev-12',
  'dev-13',
  'dev-14',
  'dev-15',
  'dev-16',
  'dev-17',
  'dev-18',
  'dev-19',
  'dev-20',
  'dev-21',
  'dev-22',
  'dev-23',
  'dev-24',
  'dev-25',
  'dev-26',
  'dev-27',
  'dev-28',
  'dev-29',
  'dev-30',
  'dev-31',
  'dev-32',
  'dev-33',
  'dev-34',
  'dev-35',
  'dev-36',
  'dev-37',
  'dev-38',
  'dev-39',
  'dev-40',
  'dev-41',
  'dev-42',
  'dev-43',
  'dev-44',
  'dev-45',
  'dev-46',
  'dev-47',
  'dev-48',
  'dev-49',
  'dev-50',
  'dev-51',
  'dev-52',
  'dev-53',
  'dev-54',
  'dev-55',
  'dev-56',
  'dev-57',
  'dev-58',
  'dev-59',
  'dev-60',
  'dev-61',
  'dev-62',
  'dev-63',
  'dev-64',
  'dev-65',
  'dev-66',
  'dev-67',
  'dev-68',
  'dev-69',
  'dev-70',
  'dev-71',
  'dev-72',
  'held-out',
] as const;
export type ProbeSet = (typeof probeSets)[number];

export const loadProbes = (set: ProbeSet) => loadProbeFile(new URL(`../../test/fixtures/claim-probes/${set}.yaml`, import.meta.url));

/** Probes in the probe sets' format from any file (test/fixtures/claim-examples.yaml: the issue's examples). */
export async function loadProbeFile(file: URL): Promise<Probe[]> {
  return z.object({ probes: z.array(ProbeSchema) }).parse(parse(await readFile(file, 'utf8'))).probes;
}

export interface Outcome {
  readonly probe: Probe;
  /** What the member was shown: a verdict, or not-covered for both "not sure" and "not covered". */
  readonly shown: Label;
  readonly card: string | null;
  readonly unsure: boolean;
}

export interface Figures {
  readonly probes: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly confidentWrong: number;
  /** confusion[gold][shown]: gold is the shown label when acceptable, else the first acceptable one. */
  readonly confusion: Record<Label, Record<Label, number>>;
  readonly byKind: Record<string, { probes: number; accuracy: number }>;
}

export function judgeAll(content: Content, probes: readonly Probe[]): Outcome[] {
  return probes.map((probe) => {
    const { outcome } = content.findClaim(probe.q);
    return outcome.kind === 'verdict'
      ? { probe, shown: outcome.verdict, card: outcome.claim.id, unsure: false }
      : { probe, shown: 'not-covered', card: null, unsure: outcome.kind === 'unsure' };
  });
}

const isVerdict = (label: Label): label is Verdict => label !== 'not-covered';
export const correct = (o: Outcome) => o.probe.accept.includes(o.shown);
export const confidentlyWrong = (o: Outcome) => isVerdict(o.shown) && !correct(o);
const goldOf = (o: Outcome): Label => (correct(o) ? o.shown : (o.probe.accept[0] ?? 'not-covered'));

export function measure(outcomes: readonly Outcome[]): Figures {
  const share = (items: readonly Outcome[], ok: (o: Outcome) => boolean) => items.filter(ok).length / Math.max(1, items.length);
  const confusion = Object.fromEntries(
    labels.map((gold) => [gold, Object.fromEntries(labels.map((shown) => [shown, 0]))]),
  ) as Figures['confusion'];
  for (const o of outcomes) confusion[goldOf(o)][o.shown] += 1;
  const f1s = labels.flatMap((label) => {
    const truePositives = confusion[label][label];
    const goldCount = labels.reduce((sum, shown) => sum + confusion[label][shown], 0);
    const shownCount = labels.reduce((sum, gold) => sum + confusion[gold][label], 0);
    if (goldCount === 0 && shownCount === 0) return [];
    return [(2 * truePositives) / Math.max(1, goldCount + shownCount)];
  });
  const kinds = [...new Set(outcomes.map((o) => o.probe.kind))];
  return {
    probes: outcomes.length,
    accuracy: share(outcomes, correct),
    macroF1: f1s.reduce((sum, f1) => sum + f1, 0) / Math.max(1, f1s.length),
    confidentWrong: share(outcomes, confidentlyWrong),
    confusion,
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const ofKind = outcomes.filter((o) => o.probe.kind === kind);
        return [kind, { probes: ofKind.length, accuracy: share(ofKind, correct) }];
      }),
    ),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The figures and confusion matrix, and every miss unless `misses` is false (held-out sentences stay unread). */
export function report(set: string, outcomes: readonly Outcome[], { misses = true } = {}): string {
  const figures = measure(outcomes);
  const width = Math.max(...labels.map((label) => label.length)) + 1;
  const row = (cells: readonly string[]) => cells.map((cell) => cell.padStart(width)).join('');
  const wrong = outcomes.filter((o) => !correct(o));
  return [
    `claim probes (${set}): ${figures.probes} probes · accuracy ${percent(figures.accuracy)} · macro-F1 ${figures.macroF1.toFixed(3)} · confident-wrong ${percent(figures.confidentWrong)}`,
    `  by kind: ${Object.entries(figures.byKind)
      .map(([kind, { probes, accuracy }]) => `${kind} ${percent(accuracy)} of ${probes}`)
      .join(' · ')}`,
    '  confusion (rows: acceptable label, columns: shown):',
    `  ${row(['', ...labels])}`,
    ...labels.map((gold) => `  ${row([gold, ...labels.map((shown) => String(figures.confusion[gold][shown]))])}`),
    `  misses (${wrong.length}; ✗ = confident-wrong)${misses ? ':' : ', not listed'}`,
    ...(misses ? wrong : []).map(
      (o) =>
        `  ${confidentlyWrong(o) ? '✗' : ' '} ${JSON.stringify(o.probe.q)}: accept ${o.probe.accept.join('|')} (${o.probe.kind}, ${o.probe.card ?? '-'}), shown ${o.unsure ? 'not sure' : o.shown}${o.card ? ` via ${o.card}` : ''}`,
    ),
  ].join('\n');
}
