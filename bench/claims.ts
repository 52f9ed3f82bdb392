import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { percentile } from './lib/stats.js';

/**
 * /claim's search on the labelled evaluation set (test/fixtures/claim-eval.yaml, the set the accuracy test uses):
 * time per query as the command runs it (`findClaim`: spelling correction, ranking, threshold), and accuracy.
 */
const EvalSet = z.object({ queries: z.array(z.object({ q: z.string(), expect: z.string().nullable() })) });

export interface ClaimFigures {
  readonly queries: number;
  readonly p50Us: number;
  readonly p99Us: number;
  /** Covered questions answered with the expected card. */
  readonly top1: number;
  /** Covered questions whose expected card ranks in the first three. */
  readonly top3: number;
  /** Uncovered questions answered "not covered". */
  readonly declined: number;
}

/** The labelled questions, phrased the way members talk (typos included); /claim's interaction load sends them too. */
export async function evaluationSet() {
  return EvalSet.parse(parse(await readFile('test/fixtures/claim-eval.yaml', 'utf8'))).queries;
}

export async function measureClaimSearch(rounds: number): Promise<ClaimFigures> {
  const content = new Content(await loadBundleOrThrow('content'));
  const queries = await evaluationSet();
  for (const { q } of queries) content.findClaim(q); // warm-up: JIT and MiniSearch's lazy structures
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { q } of queries) {
      const started = performance.now();
      content.findClaim(q);
      timings.push((performance.now() - started) * 1_000);
    }
  }
  const covered = queries.filter((entry) => entry.expect !== null);
  const uncovered = queries.filter((entry) => entry.expect === null);
  const share = (hits: number, of: number) => hits / Math.max(1, of);
  return {
    queries: queries.length,
    p50Us: percentile(timings, 50),
    p99Us: percentile(timings, 99),
    top1: share(covered.filter((entry) => content.findClaim(entry.q).match?.item.id === entry.expect).length, covered.length),
    top3: share(
      covered.filter((entry) =>
        content
          .rankClaims(entry.q)
          .slice(0, 3)
          .some((hit) => hit.claim.id === entry.expect),
      ).length,
      covered.length,
    ),
    declined: share(uncovered.filter((entry) => content.findClaim(entry.q).match === null).length, uncovered.length),
  };
}
