import type { Outcome } from './apiError.js';

/** One HTTP request the bot made, as the stand-in saw and answered it. */
export interface CallRecord {
  readonly seq: number;
  /** Stand-in clock time of arrival. */
  readonly at: number;
  readonly method: string;
  /** Path as requested, percent-decoding applied (…/messages/@original). */
  readonly path: string;
  /** The matched route template (OpenAPI form), e.g. "POST /channels/{channel_id}/messages"; null when unknown. */
  route: string | null;
  readonly query: Record<string, string>;
  body: unknown;
  auth: 'bot' | 'none' | 'invalid';
  status: number;
  response: unknown;
  outcome: Outcome;
  error: { code: number; message: string; reason: string; errors?: Record<string, unknown> } | null;
  interactionId: string | null;
}

const STRING_PREVIEW = 80;
const BODY_PREVIEW = 1500;

/** A failure report: the request the bot sent and why the stand-in answered as it did. */
export function describeCall(call: CallRecord): string {
  const query = Object.keys(call.query).length > 0 ? `?${new URLSearchParams(call.query)}` : '';
  const head = `${call.method} ${shortenPath(call.path)}${query} → ${call.status}${call.error ? ` ${call.error.code} ${call.error.message}` : ''}`;
  const lines = [head];
  if (call.error) lines.push(`  why:  ${call.error.reason}`);
  if (call.body !== undefined) lines.push(`  body: ${preview(call.body)}`);
  return lines.join('\n');
}

export class StandInRejectionError extends Error {
  override readonly name = 'StandInRejectionError';

  constructor(
    readonly calls: readonly CallRecord[],
    context = 'The Discord stand-in rejected requests the bot sent',
  ) {
    super(`${context} (${calls.length}):\n${calls.map(describeCall).join('\n')}`);
  }
}

function shortenPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.length > 32 ? `${segment.slice(0, 8)}…` : segment))
    .join('/');
}

function preview(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > STRING_PREVIEW ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );
  if (text === undefined) return String(value);
  return text.length > BODY_PREVIEW ? `${text.slice(0, BODY_PREVIEW)}…` : text;
}
