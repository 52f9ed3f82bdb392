import type { CallRecord } from './callLog.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly call: CallRecord;
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface Route {
  readonly method: Method;
  /** Path template exactly as in Discord's OpenAPI description, e.g. /channels/{channel_id}/messages. */
  readonly template: string;
  /** 'bot': needs `Authorization: Bot <token>`; 'webhook': interaction token in the path, no Authorization. */
  readonly auth: 'bot' | 'webhook';
  handle(request: RouteRequest): RouteResponse;
}

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** Matches decoded paths to templates; literal segments (@original) win over parameters ({message_id}). */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes
      .map((route) => ({ route, segments: route.template.split('/').filter(Boolean) }))
      .sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  }

  match(method: string, segments: readonly string[]): RouteMatch | undefined {
    for (const { route, segments: template } of this.compiled) {
      if (route.method !== method || template.length !== segments.length) continue;
      const params = bind(template, segments);
      if (params) return { route, params };
    }
    return undefined;
  }
}

function bind(template: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const expected = template[i] ?? '';
    const actual = segments[i] ?? '';
    if (expected.startsWith('{')) params[expected.slice(1, -1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

function literalCount(segments: readonly string[]): number {
  return segments.filter((s) => !s.startsWith('{')).length;
}
