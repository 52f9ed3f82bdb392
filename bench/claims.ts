import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { judgeAll, loadProbes, measure } from '../scripts/lib/claimProbes.js';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { percentile } from './lib/stats.js';

/**
 * /claim's decision as the command runs it (`findClaim`: spelling correction, ranking, the relation to the
 * best card, the verdict), timed on the independent probes: each sentence once on a fresh bundle (decided
 * afresh), then again (served from the bounded cache). Quality is the held-out half's verdict figures.
 */
const EvalSet = z.object({ queries: z.array(z.object({ q: z.string(), expect: z.string().nullable() })) });

export interface ClaimFigures {
  readonly queries: number;
  /** Decided afresh: spelling, ranking, relation, verdict. */
  readonly p50Us: number;
  readonly p99Us: number;
  /** The same sentences asked again. */
  readonly cachedP99Us: number;
  readonly accuracy: number;
  readonly confidentWrong: number;
}

/** The labelled questions, phrased the way members talk (typos included); /claim's interaction load sends them too. */
export async function evaluationSet() {
  return EvalSet.parse(parse(await readFile('test/fixtures/claim-eval.yaml', 'utf8'))).queries;
}

const timed = (queries: readonly string[], decide: (q: string) => unknown) =>
  queries.map((q) => {
    const started = performance.now();
    decide(q);
    return (performance.now() - started) * 1_000;
  });

export async function measureClaimSearch(rounds: number): Promise<ClaimFigures> {
  const bundle = await loadBundleOrThrow('content');
  const probes = [...(await loadProbes('tune')), ...(await loadProbes('held-out'))].map((probe) => probe.q);
  const fresh: number[] = [];
  const cached: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const content = new Content(bundle);
    for (const { q } of await evaluationSet()) content.findClaim(q); // warm-up: JIT, the language model, WordNet
    fresh.push(...timed(probes, (q) => content.findClaim(q)));
    cached.push(...timed(probes, (q) => content.findClaim(q)));
  }
  const figures = measure(judgeAll(new Content(bundle), await loadProbes('held-out')));
  return {
    queries: probes.length,
    p50Us: percentile(fresh, 50),
    p99Us: percentile(fresh, 99),
    cachedP99Us: percentile(cached, 99),
    accuracy: figures.accuracy,
    confidentWrong: figures.confidentWrong,
  };
}
