import type { StandInCore } from '../../core.js';
import type { Route } from '../router.js';

export function gatewayRoutes(core: StandInCore): Route[] {
  return [
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: 'bot',
      handle: () => ({
        status: 200,
        body: {
          url: core.gateway.url,
          shards: core.recommendedShards,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: core.maxConcurrency },
        },
      }),
    },
    { method: 'GET', template: '/gateway', auth: 'webhook', handle: () => ({ status: 200, body: { url: core.gateway.url } }) },
  ];
}
