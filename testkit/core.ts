import type { StandInClock } from './clock.js';
import type { StandInEvents } from './events.js';
import type { GatewayHub } from './gateway/gatewayHub.js';
import type { InteractionStore } from './interactions/interactionRecord.js';
import type { InteractionRules } from './interactions/rules.js';
import type { World } from './world/world.js';

/** What the HTTP routes, the gateway and the interaction driver share. */
export interface StandInCore {
  readonly world: World;
  readonly events: StandInEvents;
  readonly clock: StandInClock;
  readonly interactions: InteractionStore;
  readonly gateway: GatewayHub;
  readonly applicationId: string;
  readonly rules: InteractionRules;
  readonly recommendedShards: number;
  readonly maxConcurrency: number;
  readonly waitTimeoutMs: number;
}
