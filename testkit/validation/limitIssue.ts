import { type BodyIssue, formatPath } from './issue.js';

type Path = readonly (string | number)[];

/** An issue from a documented Discord limit that the OpenAPI description does not carry. */
export function limitIssue(path: Path, code: string, message: string, why: string): BodyIssue {
  return { path, code, message, reason: `${formatPath(path)}: ${why} (documented limit)` };
}

export function maxLength(path: Path, max: number): [Path, string, string] {
  return [path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`];
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
