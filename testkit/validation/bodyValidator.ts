import { documentedCheck } from './documentedLimits.js';
import { type BodyIssue, formatPath } from './issue.js';
import { SchemaValidator } from './jsonSchema.js';
import { loadSpec, type OpenApiDocument, requestSchema } from './openapiSpec.js';

/** Checks a request body against Discord's OpenAPI schema for its route, then against the documented limits. */
export class BodyValidator {
  private readonly schemas: SchemaValidator;

  constructor(private readonly spec: OpenApiDocument) {
    this.schemas = new SchemaValidator(spec);
  }

  validate(method: string, template: string, body: unknown): BodyIssue[] {
    const schema = requestSchema(this.spec, method, template);
    const fromSpec = schema ? this.schemas.validate(schema, body, `OpenAPI ${method} ${template}`) : [];
    const flagged = new Set(fromSpec.map((i) => formatPath(i.path)));
    const fromDocs = (documentedCheck(method, template)?.(body) ?? []).filter((i) => !flagged.has(formatPath(i.path)));
    return [...fromSpec, ...fromDocs];
  }
}

let shared: BodyValidator | undefined;

/**
 * Validates a body as the stand-in would, without a server, e.g. a view's payload in a unit test:
 * `validateRequestBody('POST /interactions/{interaction_id}/{interaction_token}/callback', { type: 4, data: view })`.
 * The route is "METHOD /template" with the template as in Discord's OpenAPI description.
 */
export function validateRequestBody(route: string, body: unknown): BodyIssue[] {
  const [method = '', template = ''] = route.trim().split(/\s+/);
  shared ??= new BodyValidator(loadSpec());
  return shared.validate(method.toUpperCase(), template, body);
}
