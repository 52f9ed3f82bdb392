import type { StandInCore } from '../../core.js';
import { asArray } from '../../validation/limitIssue.js';
import type { CommandDefinition, CommandRecord } from '../../world/records.js';
import { apiErrors } from '../apiError.js';
import type { Route, RouteRequest, RouteResponse } from '../router.js';

const GLOBAL = '/applications/{application_id}/commands';
const GUILD = '/applications/{application_id}/guilds/{guild_id}/commands';

/** Command registration: list, bulk overwrite (what deploy scripts use) and create, globally and per guild. */
export function commandRoutes(core: StandInCore): Route[] {
  return [GLOBAL, GUILD].flatMap((template): Route[] => [
    { method: 'GET', template, auth: 'bot', handle: (r) => list(core, r) },
    { method: 'PUT', template, auth: 'bot', handle: (r) => overwrite(core, r) },
    { method: 'POST', template, auth: 'bot', handle: (r) => create(core, r) },
  ]);
}

function list(core: StandInCore, request: RouteRequest): RouteResponse {
  const scope = scopeOf(core, request);
  return { status: 200, body: core.world.commands(scope).map(apiCommand) };
}

function overwrite(core: StandInCore, request: RouteRequest): RouteResponse {
  const scope = scopeOf(core, request);
  const records = asArray(request.body).map((body) => toRecord(core, scope, body as CommandDefinition));
  core.world.setCommands(scope, records);
  return { status: 200, body: records.map(apiCommand) };
}

function create(core: StandInCore, request: RouteRequest): RouteResponse {
  const scope = scopeOf(core, request);
  const record = toRecord(core, scope, request.body as CommandDefinition);
  const others = core.world.commands(scope).filter((c) => c.id !== record.id);
  const isNew = others.length === core.world.commands(scope).length;
  core.world.setCommands(scope, [...others, record]);
  return { status: isNew ? 201 : 200, body: apiCommand(record) };
}

function scopeOf(core: StandInCore, { params }: RouteRequest): string | null {
  if (params.application_id !== core.applicationId) {
    throw apiErrors.wrongApplication(`application id ${params.application_id} is not the stand-in's application ${core.applicationId}`);
  }
  const guildId = params.guild_id;
  if (guildId === undefined) return null;
  if (!core.world.guilds.has(guildId)) throw apiErrors.unknownGuild(`no guild ${guildId} in the stand-in`);
  return guildId;
}

/** Discord keeps a command's id when a bulk overwrite re-sends a command of the same name and type. */
function toRecord(core: StandInCore, guildId: string | null, body: CommandDefinition): CommandRecord {
  const definition: CommandDefinition = { ...body, type: body.type ?? 1 };
  const existing = core.world.commands(guildId).find((c) => c.definition.name === definition.name && c.definition.type === definition.type);
  return {
    id: existing?.id ?? core.world.ids.next(),
    applicationId: core.applicationId,
    guildId,
    version: core.world.ids.next(),
    definition,
  };
}

function apiCommand(record: CommandRecord): Record<string, unknown> {
  const d = record.definition;
  return {
    ...d,
    id: record.id,
    application_id: record.applicationId,
    version: record.version,
    type: d.type ?? 1,
    description: d.description ?? '',
    default_member_permissions:
      d.default_member_permissions === undefined || d.default_member_permissions === null ? null : String(d.default_member_permissions),
    nsfw: d.nsfw ?? false,
    integration_types: d.integration_types ?? [0],
    contexts: d.contexts ?? null,
    ...(record.guildId ? { guild_id: record.guildId } : {}),
  };
}
