import { resolve } from 'node:path';
import { Content } from '../src/content/content.js';
import { ContentError, loadBundleOrThrow } from '../src/content/loader.js';
import type { ClaimDecision } from '../src/content/search.js';

/**
 * `npm run claim -- "text" [--json]`: the decision /claim makes for a text, for editors checking search quality.
 * JSON shape: {"query", "match": {"id", "verdict", "score"} | null, "alternatives": [{"id", "score"}]}.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const query = args
  .filter((arg) => arg !== '--json')
  .join(' ')
  .trim();

function asJson(decision: ClaimDecision) {
  const { match } = decision;
  return {
    query: decision.query,
    match: match ? { id: match.item.id, verdict: match.item.verdict, score: match.score } : null,
    alternatives: decision.alternatives.map(({ item, score }) => ({ id: item.id, score })),
  };
}

function asText(decision: ClaimDecision): string {
  const { match } = decision;
  const lines = match
    ? [`${match.item.verdict.toUpperCase()}  ${match.item.id}  (score ${match.score})`, `  ${match.item.claim}`]
    : [
        'NOT COVERED: no claim card clears the threshold.',
        ...decision.related.map((section) => `  related section: ${section.id} (${section.title})`),
      ];
  const others = decision.alternatives.map(({ item, score }) => `  also close: ${item.id} (score ${score})`);
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
