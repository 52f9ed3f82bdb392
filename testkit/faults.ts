import type { StandInEvents } from './events.js';
import type { GatewayHub } from './gateway/gatewayHub.js';
import type { GatewaySession } from './gateway/session.js';
import { apiErrors } from './http/apiError.js';
import type { CallRecord } from './http/callLog.js';
import { waitFor } from './waitFor.js';

/**
 * Which requests a fault applies to:
 * - 'POST /channels/{channel_id}/messages' (a route template, as in `call.route`),
 * - 'POST /channels/123/messages' (a concrete path), either also without the method,
 * - a RegExp tested against 'METHOD /path', or a predicate on the call.
 */
export type RouteMatcher = string | RegExp | ((call: CallRecord) => boolean);

export interface FaultHandle {
  /** How many times the fault has fired. */
  readonly hits: number;
  /** Stops it before its count runs out. */
  remove(): void;
}

export interface RateLimitOptions {
  /** How many matching requests get a 429 (default 1). */
  readonly times?: number;
  /** Seconds, sent as `retry_after` and the Retry-After header (default 0.05). */
  readonly retryAfter?: number;
  readonly global?: boolean;
}

export interface ServerErrorOptions {
  readonly times?: number;
  readonly status?: 500 | 502 | 503 | 504;
}

export interface GatewayRecovery {
  readonly shard: readonly [number, number];
  /** 'resumed' when the client sent RESUME and got RESUMED; 'reidentified' when it started a new session. */
  readonly how: 'resumed' | 'reidentified';
  readonly sessionId: string;
}

interface RouteFault {
  readonly matches: (call: CallRecord) => boolean;
  remaining: number;
  hits: number;
  readonly fire: (call: CallRecord) => never;
}

interface ChannelFault {
  readonly kind: 'missing-permissions' | 'unknown';
  hits: number;
}

/** Failures on demand: 429s, 5xx, a channel the bot may not use or that vanished, a dropped gateway. */
export class Faults {
  private routeFaults: RouteFault[] = [];
  private readonly channelFaults = new Map<string, ChannelFault>();

  constructor(
    private readonly gateway: GatewayHub,
    private readonly events: StandInEvents,
    private readonly waitTimeoutMs: number,
  ) {}

  rateLimit(route: RouteMatcher, options: RateLimitOptions = {}): FaultHandle {
    const retryAfter = options.retryAfter ?? 0.05;
    return this.addRouteFault(route, options.times ?? 1, (call) => {
      throw apiErrors.rateLimited(
        retryAfter,
        options.global ?? false,
        `fault: rate limit on ${call.route ?? call.path}, retry_after ${retryAfter}s`,
      );
    });
  }

  serverError(route: RouteMatcher, options: ServerErrorOptions = {}): FaultHandle {
    const status = options.status ?? 500;
    return this.addRouteFault(route, options.times ?? 1, (call) => {
      throw apiErrors.serverError(status, `fault: ${status} on ${call.route ?? call.path}`);
    });
  }

  /** Every bot request on /channels/{channelId}/… answers 403 50013 Missing Permissions until removed. */
  missingPermissions(channelId: string): FaultHandle {
    return this.addChannelFault(channelId, { kind: 'missing-permissions', hits: 0 });
  }

  /** Every bot request on /channels/{channelId}/… answers 404 10003 Unknown Channel until removed. */
  unknownChannel(channelId: string): FaultHandle {
    return this.addChannelFault(channelId, { kind: 'unknown', hits: 0 });
  }

  /**
   * Cuts the gateway connection of one shard (or all) without closing the session, as a network drop does.
   * Resolves once each affected shard is serving again, saying whether it resumed or had to identify anew.
   */
  async dropGateway(options: { shard?: number; how?: 'terminate' | 'reconnect' } = {}): Promise<GatewayRecovery[]> {
    const dropped = this.gateway.drop(options.shard, options.how ?? 'terminate');
    if (dropped.length === 0)
      throw new Error(`dropGateway: no connected gateway session${options.shard === undefined ? '' : ` for shard ${options.shard}`}`);
    const before = new Map(dropped.map((s) => [s.id, s.resumes]));
    return Promise.all(dropped.map((session) => this.recovery(session, before.get(session.id) ?? 0)));
  }

  clear(): void {
    this.routeFaults = [];
    this.channelFaults.clear();
  }

  /** Called for every request before validation; throws the injected error when a fault applies. */
  apply(call: CallRecord, params: Readonly<Record<string, string>>): void {
    const channelId = params.channel_id;
    const channelFault = channelId === undefined ? undefined : this.channelFaults.get(channelId);
    if (channelFault) {
      channelFault.hits += 1;
      if (channelFault.kind === 'unknown') throw apiErrors.unknownChannel(`fault: channel ${channelId} made unknown by the test`, 'fault');
      throw apiErrors.missingPermissions(`fault: channel ${channelId} made forbidden by the test`, 'fault');
    }
    const fault = this.routeFaults.find((f) => f.remaining > 0 && f.matches(call));
    if (!fault) return;
    fault.remaining -= 1;
    fault.hits += 1;
    fault.fire(call);
  }

  private addRouteFault(route: RouteMatcher, times: number, fire: (call: CallRecord) => never): FaultHandle {
    const fault: RouteFault = { matches: matcher(route), remaining: times, hits: 0, fire };
    this.routeFaults.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      remove: () => {
        fault.remaining = 0;
      },
    };
  }

  private addChannelFault(channelId: string, fault: ChannelFault): FaultHandle {
    this.channelFaults.set(channelId, fault);
    return {
      get hits() {
        return fault.hits;
      },
      remove: () => {
        if (this.channelFaults.get(channelId) === fault) this.channelFaults.delete(channelId);
      },
    };
  }

  private recovery(session: GatewaySession, resumesBefore: number): Promise<GatewayRecovery> {
    const key = session.shard.join('/');
    return waitFor(
      this.events,
      () => {
        if (session.resumes > resumesBefore && session.connected)
          return { shard: session.shard, how: 'resumed' as const, sessionId: session.id };
        const current = this.gateway.currentSessions().find((s) => s.shard.join('/') === key);
        if (current && current !== session && current.connected)
          return { shard: current.shard, how: 'reidentified' as const, sessionId: current.id };
        return undefined;
      },
      { timeoutMs: this.waitTimeoutMs, description: `shard ${key} to come back after the dropped connection` },
    );
  }
}

function matcher(route: RouteMatcher): (call: CallRecord) => boolean {
  if (typeof route === 'function') return route;
  if (route instanceof RegExp) return (call) => route.test(`${call.method} ${apiPath(call.path)}`);
  const [first, ...rest] = route.trim().split(/\s+/);
  const hasMethod = rest.length > 0;
  const method = hasMethod ? first?.toUpperCase() : undefined;
  const path = hasMethod ? rest.join(' ') : (first ?? '');
  return (call) =>
    (method === undefined || call.method === method) && (call.route?.endsWith(` ${path}`) === true || apiPath(call.path) === path);
}

function apiPath(path: string): string {
  return path.replace(/^\/api\/v\d+/, '');
}
