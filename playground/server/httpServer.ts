import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../src/log.js';
import { ActionError, type PlaygroundActions } from './actions.js';
import type { ClockControl } from './clockControl.js';
import type { LiveFeed } from './liveFeed.js';
import type { WebBundle } from './webBundle.js';

export interface ServerParts {
  readonly bundle: WebBundle;
  readonly feed: LiveFeed;
  readonly actions: PlaygroundActions;
  readonly clock: ClockControl;
  readonly log: Logger;
}

const MAX_BODY = 64 * 1024;

/** Scripts, styles and data only from this server: even a bug that put text into markup could not run it. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The playground's HTTP server: the page, the control API (POST, JSON only, so another site's page cannot
 * send one without a CORS preflight this server never answers) and the live feed.
 */
export function createPlaygroundServer(parts: ServerParts): Server {
  const post: Record<string, (body: unknown) => Promise<unknown>> = {
    '/api/interactions': (body) => parts.actions.interact(body),
    '/api/autocomplete': async (body) => ({ choices: await parts.actions.autocomplete(body) }),
    '/api/clock/jump': () => parts.clock.jumpToNextPost(),
    '/api/clock/jump-reminder': () => parts.clock.jumpToNextReminder(),
  };
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://playground').pathname;
    if (request.method === 'GET' && path === '/api/live') return parts.feed.connect(request, response);
    const handler = post[path];
    if (handler) return void answer(request, response, handler, parts.log);
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(response, 405, { error: 'method not allowed' });
    const asset = path.startsWith('/api/') ? undefined : parts.bundle.get(path);
    if (!asset) return json(response, 404, { error: `nothing at ${path}` });
    response.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-cache', ...PAGE_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : asset.body);
  });
}

async function answer(request: IncomingMessage, response: ServerResponse, handler: (body: unknown) => Promise<unknown>, log: Logger) {
  try {
    if (request.method !== 'POST') throw new ActionError(405, 'use POST');
    if (!request.headers['content-type']?.startsWith('application/json')) throw new ActionError(415, 'send JSON');
    json(response, 200, await handler(await readJson(request)));
  } catch (err) {
    if (err instanceof ActionError) return json(response, err.status, { error: err.message });
    log.error({ err }, 'playground request failed');
    json(response, 500, { error: `Something went wrong in the playground: ${(err as Error).message}` });
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ActionError(413, 'request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ActionError(400, 'the body is not JSON');
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...PAGE_HEADERS });
  response.end(JSON.stringify(body));
}
