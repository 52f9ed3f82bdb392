import { randomBytes } from 'node:crypto';
import type { StandInCore } from '../core.js';
import type { CallRecord } from '../http/callLog.js';
import { apiMessage } from '../world/apiShapes.js';
import { dmsOf } from '../world/dms.js';
import type { GuildRecord, MessageRecord } from '../world/records.js';
import { type ChannelRef, type GuildRef, type MemberRef, resolveChannel, resolveGuild, resolveMember } from '../world/refs.js';
import { buildOptions, type OptionInput } from './commandOptions.js';
import { checkSelection, findComponent } from './componentLookup.js';
import { InteractionHandle } from './interactionHandle.js';
import { type Invocation, interactionBase } from './interactionPayload.js';
import { type InteractionKind, type InteractionRecord, InteractionType } from './interactionRecord.js';
import { type ModalFields, modalSubmission } from './modalSubmission.js';
import { selectData } from './selectData.js';

export interface SlashContext {
  /** Default: the first guild. */
  readonly guild?: GuildRef;
  /** Default: the guild's first text channel. */
  readonly channel?: ChannelRef;
  /** Default: 'member', the regular member without Manage Server. */
  readonly member?: MemberRef;
  /** 'name' or 'group name'. */
  readonly subcommand?: string;
  readonly locale?: string;
}

export interface AutocompleteContext extends SlashContext {
  /** The option being typed in; its value in `options` is the partial text. */
  readonly focused: string;
}

const CHAT_INPUT = 1;

/**
 * An interaction Discord's client would not necessarily send: any data, from a DM, about a channel the bot never
 * saw, with chosen permissions. For fuzzers; the rules (3 s, one callback) and body validation still apply.
 */
export interface RawInteraction {
  readonly type: 2 | 3 | 4 | 5;
  readonly data: Record<string, unknown>;
  readonly guild?: GuildRef;
  /** Where the reply lands (default: the guild's first text channel). */
  readonly channel?: ChannelRef;
  readonly member?: MemberRef;
  /** The message a component sits on; it must be live for an update (7) or deferred update (6) to succeed. */
  readonly source?: MessageRef;
  /** Sent as from a DM with the bot: no guild_id, no member, a `user` and a DM channel. */
  readonly dm?: boolean;
  /** member.permissions and app_permissions as sent (default: computed from the world). */
  readonly memberPermissions?: string;
  readonly appPermissions?: string;
}

/** A message record or id. */
export type MessageRef = MessageRecord | string;

/** Builds complete interaction payloads, as a Discord client would cause them, and dispatches them to the owning shard. */
export class InteractionDriver {
  private readonly syntheticIds = new Map<string, string>();

  constructor(
    private readonly core: StandInCore,
    private readonly callsOf: (interactionId: string) => readonly CallRecord[],
    private readonly requireRegistered: boolean,
  ) {}

  slash(name: string, options: OptionInput = {}, context: SlashContext = {}): InteractionHandle {
    return this.command(name, options, context, undefined);
  }

  autocomplete(name: string, options: OptionInput, context: AutocompleteContext): InteractionHandle {
    if (options[context.focused] === undefined)
      throw new Error(`autocomplete /${name}: the focused option '${context.focused}' needs a (partial) value in options`);
    return this.command(name, options, context, context.focused);
  }

  click(message: MessageRef, customId: string, as?: MemberRef): InteractionHandle {
    const source = this.liveMessage(message);
    const component = findComponent(source, customId, 'button');
    const data = { custom_id: customId, component_type: component.type, ...idOf(component) };
    return this.dispatch(this.componentInvocation(source, as), InteractionType.MessageComponent, 'button', customId, data, source);
  }

  select(message: MessageRef, customId: string, values: readonly string[], as?: MemberRef): InteractionHandle {
    const source = this.liveMessage(message);
    const component = findComponent(source, customId, 'select');
    checkSelection(component, values);
    const invocation = this.componentInvocation(source, as);
    const data = {
      custom_id: customId,
      component_type: component.type,
      ...idOf(component),
      ...selectData(this.core.world, invocation, Number(component.type), values),
    };
    return this.dispatch(invocation, InteractionType.MessageComponent, 'select', customId, data, source);
  }

  /** Submits a modal the bot showed: pass the handle that got it, or its custom_id (the latest one shown). */
  submitModal(target: InteractionHandle | string, fields: ModalFields, as?: MemberRef): InteractionHandle {
    const opener = typeof target === 'string' ? this.modalOpener(target) : target.record;
    if (opener.callback?.type !== 9)
      throw new Error(`${opener.kind} '${opener.name}' was not answered with a modal (callback ${opener.callback?.type ?? 'none yet'})`);
    const modal = opener.callback.data as Record<string, unknown>;
    const guild = resolveGuild(this.core.world, opener.guildId);
    const userId = as === undefined ? opener.userId : resolveMember(this.core.world, guild, as);
    if (userId !== opener.userId)
      throw new Error(`modal '${String(modal.custom_id)}' was shown to ${opener.userId}; only that user can submit it`);
    const channel = resolveChannel(this.core.world, guild, opener.channelId);
    const source = opener.sourceMessageId ? (this.core.world.messages.get(opener.sourceMessageId) ?? null) : null;
    const data = { custom_id: modal.custom_id, components: modalSubmission(modal, fields) };
    return this.dispatch(
      { guild, channel, userId, locale: localeOf(opener) },
      InteractionType.ModalSubmit,
      'modal',
      String(modal.custom_id),
      data,
      source,
    );
  }

  raw(spec: RawInteraction): InteractionHandle {
    const invocation = this.invocation({
      ...(spec.guild === undefined ? {} : { guild: spec.guild }),
      ...(spec.channel === undefined ? {} : { channel: spec.channel }),
      ...(spec.member === undefined ? {} : { member: spec.member }),
    });
    const source =
      spec.source === undefined
        ? null
        : (this.core.world.messages.get(typeof spec.source === 'string' ? spec.source : spec.source.id) ?? null);
    const kind: InteractionKind = spec.type === 2 ? 'slash' : spec.type === 4 ? 'autocomplete' : spec.type === 5 ? 'modal' : 'button';
    const name = String(spec.data.custom_id ?? spec.data.name ?? '');
    return this.dispatch(invocation, spec.type, kind, name, spec.data, source, (payload) => {
      const patched: Record<string, unknown> = { ...payload };
      if (spec.memberPermissions !== undefined) patched.member = { ...(payload.member as object), permissions: spec.memberPermissions };
      if (spec.appPermissions !== undefined) patched.app_permissions = spec.appPermissions;
      return spec.dm ? this.asDm(patched, invocation.userId, String(patched.channel_id)) : patched;
    });
  }

  /** A click on a button of a message in the user's DM channel with the bot (a reminder's "Start review"). */
  clickInDm(message: MessageRef, customId: string): InteractionHandle {
    const source = this.liveMessage(message);
    const userId = dmsOf(this.core.world).recipientOf(source.channelId);
    if (!userId) throw new Error(`message ${source.id} is not in a DM channel`);
    const component = findComponent(source, customId, 'button');
    const data = { custom_id: customId, component_type: component.type, ...idOf(component) };
    // DMs reach shard 0; a guild the user shares with the bot supplies that session and the user's name.
    const guild = [...this.core.world.guilds.values()].find((g) => g.members.some((m) => m.userId === userId));
    const channel = this.core.world.channels.get(source.channelId);
    if (!guild || !channel) throw new Error(`user ${userId} shares no guild with the bot`);
    const invocation = { guild, channel, userId, locale: 'en-US' };
    return this.dispatch(invocation, InteractionType.MessageComponent, 'button', customId, data, source, (payload) =>
      this.asDm(payload, userId, channel.id),
    );
  }

  /** A payload as sent from a DM with the bot: no guild_id, no member, a `user` and a DM channel. */
  private asDm(payload: Record<string, unknown>, userId: string, channelId: string): Record<string, unknown> {
    const { guild_id: _g, guild: _gg, member: _m, guild_locale: _l, ...rest } = payload;
    const user = this.core.world.users.get(userId);
    return {
      ...rest,
      user: { id: userId, username: user?.username ?? 'user', discriminator: '0', global_name: null, avatar: null },
      channel: { id: channelId, type: 1, recipients: [], last_message_id: null, flags: 0 },
      authorizing_integration_owners: { '1': userId },
      context: 1,
    };
  }

  private command(name: string, options: OptionInput, context: SlashContext, focused: string | undefined): InteractionHandle {
    const invocation = this.invocation(context);
    const registered = this.core.world.findCommand(name, invocation.guild.id);
    if (!registered && this.requireRegistered) throw new Error(`/${name} is not registered globally or in guild ${invocation.guild.name}`);
    const scope = {
      world: this.core.world,
      guild: invocation.guild,
      channel: invocation.channel,
      label: `${focused ? 'autocomplete' : 'slash'} /${name}`,
    };
    const built = buildOptions(scope, registered?.definition, options, context.subcommand, focused);
    const data = {
      id: registered?.id ?? this.syntheticId(name),
      name,
      type: CHAT_INPUT,
      ...(registered?.guildId ? { guild_id: registered.guildId } : {}),
      options: built.options,
      ...(built.resolved ? { resolved: built.resolved } : {}),
    };
    const type = focused ? InteractionType.Autocomplete : InteractionType.ApplicationCommand;
    return this.dispatch(invocation, type, focused ? 'autocomplete' : 'slash', name, data, null);
  }

  private dispatch(
    invocation: Invocation,
    type: number,
    kind: InteractionKind,
    name: string,
    data: Record<string, unknown>,
    source: MessageRecord | null,
    patch: (payload: Record<string, unknown>) => Record<string, unknown> = (payload) => payload,
  ): InteractionHandle {
    const { core } = this;
    const session = core.gateway.sessionFor(invocation.guild.id);
    if (!session)
      throw new Error(
        `cannot send ${kind} '${name}': the bot has no gateway session for guild ${invocation.guild.name} (is the client logged in?)`,
      );
    const id = core.world.ids.next();
    const token = `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
    const payload = patch({
      ...interactionBase(core, invocation, id, token, type),
      data,
      ...(source ? { message: apiMessage(core.world, source) } : {}),
    });
    const record: InteractionRecord = {
      id,
      token,
      type,
      kind,
      name,
      guildId: invocation.guild.id,
      channelId: invocation.channel.id,
      userId: invocation.userId,
      dispatchedAt: core.clock.now(),
      shard: session.shard,
      sourceMessageId: source?.id ?? null,
      callback: null,
      originalMessageId: null,
      followUpIds: [],
      originalEdits: 0,
      payload,
    };
    core.interactions.add(record);
    core.events.publish('interaction', record);
    session.dispatch('INTERACTION_CREATE', payload);
    return new InteractionHandle(core, this.callsOf, record);
  }

  private invocation(context: SlashContext): Invocation {
    const guild = resolveGuild(this.core.world, context.guild);
    return {
      guild,
      channel: resolveChannel(this.core.world, guild, context.channel),
      userId: resolveMember(this.core.world, guild, context.member),
      locale: context.locale ?? 'en-US',
    };
  }

  private componentInvocation(message: MessageRecord, as: MemberRef | undefined): Invocation {
    const guild: GuildRecord = resolveGuild(this.core.world, message.guildId);
    const invoker = (message.interactionMetadata?.user as { id?: string } | undefined)?.id;
    const userId = as === undefined ? (message.visibleTo ?? invoker ?? guild.memberUserId) : resolveMember(this.core.world, guild, as);
    if (message.visibleTo && message.visibleTo !== userId)
      throw new Error(`message ${message.id} is ephemeral to ${message.visibleTo}; ${userId} cannot see it`);
    return { guild, channel: resolveChannel(this.core.world, guild, message.channelId), userId, locale: 'en-US' };
  }

  private liveMessage(ref: MessageRef): MessageRecord {
    const id = typeof ref === 'string' ? ref : ref.id;
    const message = this.core.world.messages.get(id);
    if (!message || message.deleted) throw new Error(`no live message ${id}`);
    return message;
  }

  private modalOpener(customId: string): InteractionRecord {
    const opener = this.core.interactions
      .all()
      .reverse()
      .find((r) => r.callback?.type === 9 && (r.callback.data as { custom_id?: string } | null)?.custom_id === customId);
    if (!opener) throw new Error(`the bot never showed a modal with custom_id '${customId}'`);
    return opener;
  }

  private syntheticId(name: string): string {
    const id = this.syntheticIds.get(name) ?? this.core.world.ids.next();
    this.syntheticIds.set(name, id);
    return id;
  }
}

function idOf(component: Record<string, unknown>): { id?: number } {
  return typeof component.id === 'number' ? { id: component.id } : {};
}

function localeOf(record: InteractionRecord): string {
  return typeof record.payload.locale === 'string' ? record.payload.locale : 'en-US';
}
