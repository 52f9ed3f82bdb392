import { documentedCheck } from './documentedLimits.js';
import { type BodyIssue, formatPath } from './issue.js';
import { requestSchema } from './requestSchemas.js';
import { specGapIssues } from './specGaps.js';
import { specIssues } from './specIssues.js';

/** Checks a request body against Discord's spec for its route, then against the documented limits the spec lacks. */
export function bodyIssues(method: string, template: string, body: unknown): BodyIssue[] {
  const schema = requestSchema(method, template);
  const origin = `spec of ${method} ${template}`;
  const fromSpec = schema ? [...specIssues(schema, body, origin), ...specGapIssues(body, origin)] : [];
  const flagged = new Set(fromSpec.map((i) => formatPath(i.path)));
  const fromDocs = (documentedCheck(method, template)?.(body) ?? []).filter((i) => !flagged.has(formatPath(i.path)));
  return [...fromSpec, ...fromDocs];
}

/**
 * Validates a body as the stand-in would, without a server, e.g. a view's payload in a unit test:
 * `validateRequestBody('POST /interactions/{interaction_id}/{interaction_token}/callback', { type: 4, data: view })`.
 * The route is "METHOD /template" with the template as in Discord's spec.
 */
export function validateRequestBody(route: string, body: unknown): BodyIssue[] {
  const [method = '', template = ''] = route.trim().split(/\s+/);
  return bodyIssues(method.toUpperCase(), template, body);
}
