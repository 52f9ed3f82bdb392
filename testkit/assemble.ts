import { randomBytes } from 'node:crypto';
import { resolveClock } from './clock.js';
import type { StandInCore } from './core.js';
import { StandInEvents } from './events.js';
import { Faults } from './faults.js';
import { GatewayHub } from './gateway/gatewayHub.js';
import { PRIVILEGED_INTENTS } from './gateway/opcodes.js';
import { CallJournal } from './http/callJournal.js';
import { HttpFront } from './http/httpFront.js';
import { Router } from './http/router.js';
import { channelRoutes } from './http/routes/channelRoutes.js';
import { commandRoutes } from './http/routes/commandRoutes.js';
import { dmRoutes } from './http/routes/dmRoutes.js';
import { gatewayRoutes } from './http/routes/gatewayRoutes.js';
import { guildRoutes } from './http/routes/guildRoutes.js';
import { interactionRoutes } from './http/routes/interactionRoutes.js';
import { threadRoutes } from './http/routes/threadRoutes.js';
import { webhookRoutes } from './http/routes/webhookRoutes.js';
import { InteractionDriver } from './interactions/driver.js';
import { InteractionStore } from './interactions/interactionRecord.js';
import { DISCORD_RULES } from './interactions/rules.js';
import { SnowflakeSource, SpreadSnowflakes } from './snowflake.js';
import type { StandInOptions, StandInParts } from './standIn.js';
import { assertSpecRoutes } from './validation/requestSchemas.js';
import { buildGuild, createSharedUsers, type GuildBuildContext } from './world/fixtures.js';
import { World } from './world/world.js';

const GUILD_AGE_MS = 30 * 86_400_000;

/** Builds the world from the fixtures, wires REST, gateway, faults and driver, and starts listening. */
export async function assemble(options: StandInOptions): Promise<StandInParts> {
  const clock = resolveClock(options.clock);
  const events = new StandInEvents();
  const ids = new SnowflakeSource(clock);
  const botId = ids.next();
  const world = new World(ids, clock, events, { id: botId, username: options.botName ?? 'Scratchpad', globalName: null, bot: true });
  const buildContext: GuildBuildContext = {
    world,
    ids,
    guildIds: new SpreadSnowflakes(clock.now() - GUILD_AGE_MS),
    users: createSharedUsers(world, ids),
  };
  for (const [i, fixture] of (options.guilds ?? [{}]).entries()) buildGuild(buildContext, fixture, i);
  const token = options.token ?? botToken(botId);
  const journal = new CallJournal(events, options.onRejection);
  const gateway = new GatewayHub({
    world,
    events,
    token,
    applicationId: botId,
    options: {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: (options.privilegedIntents ?? []).reduce((mask, name) => mask | PRIVILEGED_INTENTS[name], 0),
      privilegedMask: Object.values(PRIVILEGED_INTENTS).reduce((mask, bit) => mask | bit, 0),
      guildsPerShardMax: 2500,
    },
    onProblem: (path, code, reason) => journal.recordGatewayProblem(clock.now(), path, code, reason),
  });
  const core: StandInCore = {
    world,
    events,
    clock,
    interactions: new InteractionStore(),
    gateway,
    applicationId: botId,
    rules: { ...DISCORD_RULES, ...options.rules },
    recommendedShards: options.shardCount ?? 1,
    maxConcurrency: options.maxConcurrency ?? 16,
    waitTimeoutMs: options.waitTimeoutMs ?? 10_000,
  };
  const faults = new Faults(gateway, events, core.waitTimeoutMs);
  const routes = [
    gatewayRoutes,
    interactionRoutes,
    webhookRoutes,
    channelRoutes,
    threadRoutes,
    guildRoutes,
    commandRoutes,
    dmRoutes,
  ].flatMap((make) => make(core));
  assertSpecRoutes(routes);
  const http = new HttpFront({ core, router: new Router(routes), faults, token, journal });
  http.server.on('upgrade', (request, socket, head) => {
    if (!gateway.handleUpgrade(request, socket, head)) socket.destroy();
  });
  const address = await http.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  gateway.baseUrl = `ws://${address}`;
  const driver = new InteractionDriver(core, (id) => journal.forInteraction(id), options.requireRegisteredCommands ?? false);
  return { core, http, driver, buildContext, faults, journal, token, options, apiUrl: `http://${address}/api` };
}

/** Discord's token shape: base64(user id) . timestamp . HMAC. */
function botToken(botId: string): string {
  return `${Buffer.from(botId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
}
