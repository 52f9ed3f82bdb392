/** One reason a request body breaks a rule, with the JSON path to the offending value. */
export interface BodyIssue {
  readonly path: readonly (string | number)[];
  /** Discord's error code for the field, e.g. BASE_TYPE_MAX_LENGTH. */
  readonly code: string;
  /** Discord's message for the field, e.g. "Must be 2000 or fewer in length." */
  readonly message: string;
  /** The stand-in's explanation: what was sent and which rule (OpenAPI schema or documented limit) it broke. */
  readonly reason: string;
}

export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(body)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Discord's nested 50035 error object: { data: { content: { _errors: [{ code, message }] } } }. */
export function formBodyErrors(issues: readonly BodyIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    const node = issue.path.reduce<Record<string, unknown>>((parent, key) => child(parent, String(key), {}), root);
    const list = child(node, '_errors', []) as unknown as { code: string; message: string }[];
    list.push({ code: issue.code, message: issue.message });
  }
  return root;
}

function child(parent: Record<string, unknown>, key: string, empty: object): Record<string, unknown> {
  if (parent[key] === undefined) parent[key] = empty;
  return parent[key] as Record<string, unknown>;
}

/** Unicode code points, as Discord counts length. */
export function lengthOf(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
