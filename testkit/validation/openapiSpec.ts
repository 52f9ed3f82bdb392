import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type JsonSchema = { readonly [key: string]: unknown };

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

const here = dirname(fileURLToPath(import.meta.url));
/** shared/ sits beside the repository: <repo>/../shared/discord-api-spec/openapi.json */
export const DEFAULT_SPEC_PATH = resolve(here, '../../../shared/discord-api-spec/openapi.json');

const cache = new Map<string, OpenApiDocument>();

export function loadSpec(path: string = process.env.DISCORD_API_SPEC ?? DEFAULT_SPEC_PATH): OpenApiDocument {
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new Error(
      `Discord's OpenAPI description is missing at ${path}; the stand-in validates request bodies against it (set DISCORD_API_SPEC to its path)`,
    );
  }
  const spec = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  cache.set(path, spec);
  return spec;
}

/** The JSON request-body schema the spec gives for this method and path template, if any. */
export function requestSchema(spec: OpenApiDocument, method: string, template: string): JsonSchema | undefined {
  return spec.paths[template]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}
