import { resolve } from 'node:path';
import type { ClaimDecision } from '../src/content/claims/judge.js';
import { Content } from '../src/content/content.js';
import { ContentError, loadBundleOrThrow } from '../src/content/loader.js';

/**
 * `npm run claim -- "text" [--json]`: the decision /claim makes for a text, for editors checking cards.
 * JSON shape: {"query", "outcome": "verdict" | "unsure" | "not-covered", "match": {"id", "verdict", "relation",
 * "judged", "why"} | null (null when unsure or not covered), "alternatives": [{"id", "score"}]}.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const query = args
  .filter((arg) => arg !== '--json')
  .join(' ')
  .trim();

function asJson(decision: ClaimDecision) {
  const { outcome } = decision;
  return {
    query: decision.query,
    outcome: outcome.kind,
    match:
      outcome.kind === 'verdict'
        ? { id: outcome.claim.id, verdict: outcome.verdict, relation: outcome.relation, judged: outcome.judged, why: outcome.why }
        : null,
    alternatives: decision.alternatives.map(({ item, score }) => ({ id: item.id, score })),
  };
}

function asText(decision: ClaimDecision): string {
  const { outcome } = decision;
  const lines =
    outcome.kind === 'verdict'
      ? [
          `${outcome.verdict.toUpperCase()}  ${outcome.claim.id}  (relation: ${outcome.relation})`,
          `  card:   ${outcome.claim.claim}`,
          ...(outcome.relation === 'same' ? [] : [`  judged: ${outcome.judged}`, `  why:    ${outcome.why}`]),
        ]
      : outcome.kind === 'unsure'
        ? ['NOT SURE which claim this is; no verdict.', ...outcome.candidates.map((claim) => `  maybe: ${claim.id} [${claim.verdict}]`)]
        : [
            'NOT COVERED: no claim card is close.',
            ...outcome.related.map((section) => `  related section: ${section.id} (${section.title})`),
          ];
  const others =
    outcome.kind === 'verdict' ? decision.alternatives.map(({ item, score }) => `  also close: ${item.id} (score ${score})`) : [];
  return [...lines, ...others].join('\n');
}

if (!query) {
  console.error('Usage: npm run claim -- "what someone said" [--json]');
  process.exit(2);
}
try {
  const content = new Content(await loadBundleOrThrow(resolve(process.env.CONTENT_DIR || 'content')));
  const decision = content.findClaim(query);
  console.log(json ? JSON.stringify(asJson(decision)) : asText(decision));
} catch (err) {
  console.error(err instanceof ContentError ? err.message : `Could not check the claim: ${(err as Error).message}`);
  process.exit(1);
}
