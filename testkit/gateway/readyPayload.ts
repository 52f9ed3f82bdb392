import { apiUser } from '../world/apiShapes.js';
import type { World } from '../world/world.js';
import type { GatewaySession } from './session.js';

export function readyPayload(
  world: World,
  session: GatewaySession,
  applicationId: string,
  guildIds: readonly string[],
  resumeUrl: string,
): Record<string, unknown> {
  return {
    v: 10,
    user: { ...apiUser(world.bot), verified: true, mfa_enabled: false, email: null },
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    shard: [...session.shard],
    application: { id: applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    user_settings: {},
    auth: {},
  };
}
