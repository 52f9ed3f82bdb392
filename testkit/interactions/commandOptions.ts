import { ApplicationCommandOptionType as OptionType } from 'discord-api-types/v10';
import { apiChannel, apiMember, apiRole, apiUser } from '../world/apiShapes.js';
import type { ChannelRecord, CommandDefinition, CommandOptionDefinition, GuildRecord } from '../world/records.js';
import type { World } from '../world/world.js';

export type OptionValue = string | number | boolean;
export type OptionInput = Readonly<Record<string, OptionValue>>;

export interface OptionScope {
  readonly world: World;
  readonly guild: GuildRecord;
  readonly channel: ChannelRecord;
  /** For messages: "slash /quiz: …". */
  readonly label: string;
}

export interface BuiltOptions {
  readonly options: Record<string, unknown>[];
  readonly resolved: Record<string, Record<string, unknown>> | undefined;
}

/**
 * The `options` (and `resolved`) of a slash-command or autocomplete interaction, typed from the registered
 * definition when there is one (then unknown, missing-required and out-of-range values throw, since Discord's
 * client would never send them), else from the JS values.
 */
export function buildOptions(
  scope: OptionScope,
  definition: CommandDefinition | undefined,
  input: OptionInput,
  subcommand: string | undefined,
  focused?: string,
): BuiltOptions {
  const path = subcommand?.trim().split(/\s+/).filter(Boolean) ?? [];
  const { defs, wrap } = descend(scope, definition, path);
  if (defs && focused === undefined) requireAll(scope, defs, input);
  const resolved: Record<string, Record<string, unknown>> = {};
  const leaf = Object.entries(input).map(([name, value]) => leafOption(scope, defs, name, value, focused === name, resolved));
  return { options: wrap(leaf), resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

interface Level {
  readonly defs: readonly CommandOptionDefinition[] | undefined;
  readonly wrap: (leaf: Record<string, unknown>[]) => Record<string, unknown>[];
}

function descend(scope: OptionScope, definition: CommandDefinition | undefined, path: readonly string[]): Level {
  if (path.length > 2) throw new Error(`${scope.label}: subcommand '${path.join(' ')}' is deeper than Discord allows`);
  let defs = definition ? (definition.options ?? []) : undefined;
  const nested = defs?.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup) ?? false;
  if (nested && path.length === 0) throw new Error(`${scope.label} has subcommands; pass { subcommand: 'name' } (or 'group name')`);
  const wrappers: ((inner: Record<string, unknown>[]) => Record<string, unknown>)[] = [];
  path.forEach((name, depth) => {
    const type = depth === path.length - 1 ? OptionType.Subcommand : OptionType.SubcommandGroup;
    const found = defs?.find((o) => o.name === name && o.type === type);
    if (defs && !found) throw new Error(`${scope.label} has no ${type === 1 ? 'subcommand' : 'subcommand group'} '${name}'`);
    defs = defs ? (found?.options ?? []) : undefined;
    wrappers.push((inner) => ({ type, name, options: inner }));
  });
  return { defs, wrap: (leaf) => wrappers.reduceRight((inner, wrapper) => [wrapper(inner)], leaf) };
}

function requireAll(scope: OptionScope, defs: readonly CommandOptionDefinition[], input: OptionInput): void {
  const missing = defs.filter((d) => d.required && input[d.name] === undefined).map((d) => d.name);
  if (missing.length > 0)
    throw new Error(`${scope.label}: required option(s) ${missing.join(', ')} missing; Discord's client would not send this`);
}

function leafOption(
  scope: OptionScope,
  defs: readonly CommandOptionDefinition[] | undefined,
  name: string,
  value: OptionValue,
  focused: boolean,
  resolved: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  const def = defs?.find((d) => d.name === name);
  if (defs && !def) throw new Error(`${scope.label} has no option '${name}' (options: ${defs.map((d) => d.name).join(', ') || 'none'})`);
  const type = def?.type ?? inferType(value);
  if (!focused) {
    checkValue(scope, name, type, value, def);
    resolve(scope, type, value, resolved);
  }
  return { name, type, value, ...(focused ? { focused: true } : {}) };
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function checkValue(scope: OptionScope, name: string, type: number, value: OptionValue, def: CommandOptionDefinition | undefined): void {
  const fail = (why: string) => {
    throw new Error(`${scope.label}: option '${name}' ${why}; Discord's client would not send this`);
  };
  const expected: Record<number, (v: OptionValue) => boolean> = {
    [OptionType.String]: (v) => typeof v === 'string',
    [OptionType.Integer]: (v) => typeof v === 'number' && Number.isInteger(v),
    [OptionType.Number]: (v) => typeof v === 'number',
    [OptionType.Boolean]: (v) => typeof v === 'boolean',
  };
  const check = expected[type] ?? ((v: OptionValue) => typeof v === 'string');
  if (!check(value)) fail(`is of type ${type} but got ${JSON.stringify(value)}`);
  if (!def) return;
  if (def.choices && def.choices.length > 0 && !def.choices.some((c) => c.value === value))
    fail(`must be one of ${def.choices.map((c) => JSON.stringify(c.value)).join(', ')}`);
  if (
    typeof value === 'number' &&
    ((def.min_value !== undefined && value < def.min_value) || (def.max_value !== undefined && value > def.max_value))
  )
    fail(`is outside ${def.min_value ?? '-∞'}..${def.max_value ?? '∞'}`);
  if (
    typeof value === 'string' &&
    ((def.min_length !== undefined && value.length < def.min_length) || (def.max_length !== undefined && value.length > def.max_length))
  )
    fail(`length is outside ${def.min_length ?? 0}..${def.max_length ?? 6000}`);
}

function resolve(scope: OptionScope, type: number, value: OptionValue, resolved: Record<string, Record<string, unknown>>): void {
  const id = String(value);
  const add = (kind: string, entry: unknown) => {
    resolved[kind] ??= {};
    (resolved[kind] as Record<string, unknown>)[id] = entry;
  };
  const { world, guild } = scope;
  const user = world.users.get(id);
  const role = guild.roles.find((r) => r.id === id);
  if ((type === OptionType.User || type === OptionType.Mentionable) && user) {
    add('users', apiUser(user));
    const member = world.member(guild.id, id);
    if (member) {
      const { user: _user, ...rest } = apiMember(world, member);
      add('members', { ...rest, permissions: String(world.permissionsIn(scope.channel.id, id)) });
    }
  } else if ((type === OptionType.Role || type === OptionType.Mentionable) && role) {
    add('roles', apiRole(role));
  } else if (type === OptionType.Channel && world.channels.get(id)?.guildId === guild.id) {
    const channel = world.channels.get(id) as ChannelRecord;
    add('channels', { ...apiChannel(channel), permissions: String(world.permissionsIn(id, guild.memberUserId)) });
  } else if (type >= OptionType.User && type <= OptionType.Mentionable) {
    throw new Error(`${scope.label}: option value ${id} is no user, role or channel of guild ${guild.name}`);
  }
}
