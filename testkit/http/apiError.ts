import { type BodyIssue, formBodyErrors } from '../validation/issue.js';

/**
 * How a request ended:
 * - ok: accepted;
 * - rejected: the bot broke a rule (unknown route, bad token, invalid body, second or late callback…), a bug;
 * - refused: Discord would refuse it because of the world (missing permission in a channel), not a bug by itself;
 * - fault: injected by the test through `faults`.
 */
export type Outcome = 'ok' | 'rejected' | 'refused' | 'fault';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly discordMessage: string,
    /** Why the stand-in answered this way, for the failure report. */
    readonly reason: string,
    readonly outcome: Outcome = 'rejected',
    readonly extra: { errors?: Record<string, unknown>; body?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${code} ${discordMessage}: ${reason}`);
  }

  responseBody(): Record<string, unknown> {
    if (this.extra.body) return this.extra.body;
    return { message: this.discordMessage, code: this.code, ...(this.extra.errors ? { errors: this.extra.errors } : {}) };
  }
}

export const apiErrors = {
  unknownRoute: (method: string, path: string) => new ApiError(404, 0, '404: Not Found', `the stand-in knows no route ${method} ${path}`),
  unauthorized: (reason: string) => new ApiError(401, 0, '401: Unauthorized', reason),
  invalidJson: (reason: string) => new ApiError(400, 50109, 'The request body contains invalid JSON.', reason),
  invalidFormBody: (issues: readonly BodyIssue[]) =>
    new ApiError(400, 50035, 'Invalid Form Body', issues.map((i) => i.reason).join('; '), 'rejected', { errors: formBodyErrors(issues) }),
  unknownInteraction: (reason: string) => new ApiError(404, 10062, 'Unknown interaction', reason),
  alreadyAcknowledged: (reason: string) => new ApiError(400, 40060, 'Interaction has already been acknowledged.', reason),
  unknownWebhook: (reason: string) => new ApiError(404, 10015, 'Unknown Webhook', reason),
  unknownMessage: (reason: string) => new ApiError(404, 10008, 'Unknown Message', reason),
  unknownChannel: (reason: string, outcome: Outcome = 'rejected') => new ApiError(404, 10003, 'Unknown Channel', reason, outcome),
  unknownGuild: (reason: string) => new ApiError(404, 10004, 'Unknown Guild', reason),
  missingAccess: (reason: string, outcome: Outcome = 'refused') => new ApiError(403, 50001, 'Missing Access', reason, outcome),
  missingPermissions: (reason: string, outcome: Outcome = 'refused') => new ApiError(403, 50013, 'Missing Permissions', reason, outcome),
  emptyMessage: (reason: string) => new ApiError(400, 50006, 'Cannot send an empty message', reason),
  notAuthor: (reason: string) => new ApiError(403, 50005, 'Cannot edit a message authored by another user', reason),
  nonTextChannel: (reason: string) => new ApiError(400, 50008, 'Cannot send messages in a non-text channel', reason),
  threadExists: (reason: string) => new ApiError(400, 160004, 'A thread has already been created for this message', reason),
  wrongApplication: (reason: string) =>
    new ApiError(403, 20012, 'You are not authorized to perform this action on this application', reason),
  rateLimited: (retryAfter: number, global: boolean, reason: string) =>
    new ApiError(429, 0, 'You are being rate limited.', reason, 'fault', {
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'stand-in-fault',
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    }),
  serverError: (status: number, reason: string) =>
    new ApiError(status, 0, `${status}: Internal Server Error`, reason, 'fault', {
      body: { message: `${status}: Internal Server Error`, code: 0 },
    }),
};
