import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandInCore } from '../core.js';
import type { Faults } from '../faults.js';
import { bodyIssues } from '../validation/bodyValidator.js';
import { ApiError, apiErrors } from './apiError.js';
import type { CallJournal } from './callJournal.js';
import type { CallRecord } from './callLog.js';
import { parseBody, readRaw } from './requestBody.js';
import type { RouteMatch, Router } from './router.js';

const API_PREFIX = ['api', 'v10'];

export interface HttpFrontDeps {
  readonly core: StandInCore;
  readonly router: Router;
  readonly faults: Faults;
  readonly token: string;
  readonly journal: CallJournal;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** The REST side: every request is matched, authenticated, faulted, validated, handled and recorded. */
export class HttpFront {
  readonly server: Server;

  constructor(private readonly deps: HttpFrontDeps) {
    this.server = createServer((request, response) => void this.serve(request, response));
  }

  async listen(port: number, host: string): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    return `${host}:${address.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const call = this.newCall(request.method ?? 'GET', url);
    const answer = await this.answer(call, request, url).catch((error: unknown) => this.failure(call, error));
    call.status = answer.status;
    call.response = answer.body;
    this.deps.journal.record(call);
    respond(response, answer);
  }

  private async answer(call: CallRecord, request: IncomingMessage, url: URL): Promise<Answer> {
    call.body = await parseBody(await readRaw(request), request.headers['content-type']);
    const match = this.match(call, url);
    call.route = `${match.route.method} ${match.route.template}`;
    call.interactionId = this.interactionOf(match.params);
    this.authenticate(call, request.headers.authorization, match.route.auth);
    this.deps.faults.apply(call, match.params);
    const issues = bodyIssues(match.route.method, match.route.template, call.body);
    if (issues.length > 0) throw apiErrors.invalidFormBody(issues);
    const result = match.route.handle({ params: match.params, query: url.searchParams, body: call.body, call });
    return { status: result.status, body: result.body };
  }

  private match(call: CallRecord, url: URL): RouteMatch {
    const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
    const [api, version, ...rest] = segments;
    if (api !== API_PREFIX[0] || version !== API_PREFIX[1]) {
      throw apiErrors.unknownRoute(
        call.method,
        `${call.path} (the stand-in serves /api/v10; discord.js must get rest: { api: standIn.apiUrl } and version 10)`,
      );
    }
    const match = this.deps.router.match(call.method, rest);
    if (!match) throw apiErrors.unknownRoute(call.method, `/${rest.join('/')}`);
    return match;
  }

  private authenticate(call: CallRecord, header: string | undefined, needs: 'bot' | 'webhook'): void {
    if (header === undefined) {
      call.auth = 'none';
      if (needs === 'bot') throw apiErrors.unauthorized(`${call.route} needs "Authorization: Bot <token>" and none was sent`);
      return;
    }
    if (header !== `Bot ${this.deps.token}`) {
      call.auth = 'invalid';
      throw apiErrors.unauthorized(`Authorization header is not "Bot <the stand-in's token>" (got "${header.slice(0, 12)}…")`);
    }
    call.auth = 'bot';
  }

  private interactionOf(params: Readonly<Record<string, string>>): string | null {
    if (params.interaction_id) return params.interaction_id;
    return params.webhook_token ? (this.deps.core.interactions.withToken(params.webhook_token)?.id ?? null) : null;
  }

  private failure(call: CallRecord, error: unknown): Answer {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(500, 0, '500: Internal Server Error', `the stand-in itself failed: ${(error as Error)?.stack ?? String(error)}`);
    call.outcome = apiError.outcome;
    call.error = {
      code: apiError.code,
      message: apiError.discordMessage,
      reason: apiError.reason,
      ...(apiError.extra.errors ? { errors: apiError.extra.errors } : {}),
    };
    return {
      status: apiError.status,
      body: apiError.responseBody(),
      ...(apiError.extra.headers ? { headers: apiError.extra.headers } : {}),
    };
  }

  private newCall(method: string, url: URL): CallRecord {
    return {
      seq: this.deps.journal.nextSeq(),
      at: this.deps.core.clock.now(),
      method: method.toUpperCase(),
      path: url.pathname.split('/').map(decodeSegment).join('/'),
      route: null,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      auth: 'none',
      status: 0,
      response: undefined,
      outcome: 'ok',
      error: null,
      interactionId: null,
    };
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function respond(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  const text = JSON.stringify(answer.body);
  response
    .writeHead(answer.status, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
    .end(text);
}
