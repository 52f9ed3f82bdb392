import { assemble } from './assemble.js';
import type { ClockOption, StandInClock } from './clock.js';
import type { StandInCore } from './core.js';
import type { StandInEvents } from './events.js';
import type { Faults } from './faults.js';
import type { PrivilegedIntent } from './gateway/opcodes.js';
import type { CallJournal } from './http/callJournal.js';
import { type CallRecord, StandInRejectionError } from './http/callLog.js';
import type { HttpFront } from './http/httpFront.js';
import type { OptionInput } from './interactions/commandOptions.js';
import type { AutocompleteContext, InteractionDriver, MessageRef, RawInteraction, SlashContext } from './interactions/driver.js';
import type { InteractionHandle } from './interactions/interactionHandle.js';
import type { InteractionRecord } from './interactions/interactionRecord.js';
import type { ModalFields } from './interactions/modalSubmission.js';
import type { InteractionRules } from './interactions/rules.js';
import { type StandInSnapshot, snapshotOf } from './snapshot.js';
import { type WaitOptions, waitFor } from './waitFor.js';
import { apiGuildCreate } from './world/apiShapes.js';
import { dmsOf } from './world/dms.js';
import { addChannel, buildGuild, type GuildBuildContext, type GuildFixture, roleByName } from './world/fixtures.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MessageRecord, RoleRecord, UserRecord } from './world/records.js';
import { type ChannelRef, type GuildRef, type MemberRef, resolveChannel, resolveGuild, resolveMember } from './world/refs.js';

export interface StandInOptions {
  /** Guild fixtures (default: one guild with a 'general' channel). See manyGuilds() for bulk. */
  readonly guilds?: readonly GuildFixture[];
  /** Shard count recommended by GET /gateway/bot (default 1). The client may still choose its own. */
  readonly shardCount?: number;
  /** Default 0: a free port. */
  readonly port?: number;
  readonly host?: string;
  /** 'real' (default: wall clock, advance() shifts it) or 'manual' (frozen), or your own StandInClock. */
  readonly clock?: ClockOption;
  readonly token?: string;
  readonly botName?: string;
  /** Discord's 3 s / 15 min rules; change only to test the rules themselves. */
  readonly rules?: Partial<InteractionRules>;
  /** close() throws when requests were rejected and not taken with takeRejections() (default true). */
  readonly strict?: boolean;
  /** HELLO's heartbeat_interval (default 41250, as Discord). */
  readonly heartbeatIntervalMs?: number;
  /** session_start_limit.max_concurrency (default 16, so shards identify without discord.js's 5 s spacing). */
  readonly maxConcurrency?: number;
  /** Privileged intents granted to the application (default none, like a new application). */
  readonly privilegedIntents?: readonly PrivilegedIntent[];
  /** Slash commands must have been registered through the API before a test can invoke them (default false). */
  readonly requireRegisteredCommands?: boolean;
  /** Real ms that waits (handles, waitFor) allow before failing (default 10000). */
  readonly waitTimeoutMs?: number;
  /** Called with a failure report whenever a request is rejected (e.g. console.error). */
  readonly onRejection?: (report: string, call: CallRecord) => void;
}

/** @internal What assemble() builds. */
export interface StandInParts {
  readonly core: StandInCore;
  readonly http: HttpFront;
  readonly driver: InteractionDriver;
  readonly buildContext: GuildBuildContext;
  readonly faults: Faults;
  readonly journal: CallJournal;
  readonly token: string;
  readonly options: StandInOptions;
  readonly apiUrl: string;
}

/** Fixture helpers for one guild. */
export interface GuildView {
  readonly id: string;
  readonly name: string;
  readonly record: GuildRecord;
  /** A channel or thread by name or id (default: the first text channel). */
  channel(ref?: ChannelRef): ChannelRecord;
  role(name: string): RoleRecord;
  /** A regular member, without Manage Server. */
  readonly member: UserRecord;
  /** A member with the Moderator role (Manage Server). */
  readonly moderator: UserRecord;
  readonly owner: UserRecord;
}

export interface SessionInfo {
  readonly id: string;
  readonly shard: readonly [number, number];
  readonly connected: boolean;
  readonly sequence: number;
  readonly resumes: number;
}

export function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  return assemble(options).then((parts) => new StandIn(parts));
}

/** A local stand-in for Discord (REST under /api/v10 and the gateway) that a real discord.js Client logs in to. */
export class StandIn {
  /** REST base without version, for discord.js `rest: { api }`. */
  readonly apiUrl: string;
  /** The bot token it accepts. */
  readonly token: string;
  /** Injected failures: 429, 5xx, forbidden or unknown channels, gateway drops. */
  readonly faults: Faults;
  private readonly core: StandInCore;
  private closed = false;

  /** @internal use startStandIn() */
  constructor(private readonly parts: StandInParts) {
    this.apiUrl = parts.apiUrl;
    this.token = parts.token;
    this.faults = parts.faults;
    this.core = parts.core;
  }

  get gatewayUrl(): string {
    return this.core.gateway.url;
  }

  /** Also the bot's user id, as for applications created since 2020. */
  get applicationId(): string {
    return this.core.applicationId;
  }

  get bot(): UserRecord {
    return this.core.world.bot;
  }

  get clock(): StandInClock {
    return this.core.clock;
  }

  /** Every change, as plain JSON-serialisable records (for a live mirror). */
  get events(): StandInEvents {
    return this.core.events;
  }

  /** Every HTTP request the bot made (and gateway protocol violations, as method 'WS'). */
  get calls(): readonly CallRecord[] {
    return this.parts.journal.calls;
  }

  /** Requests the stand-in rejected (the bot broke a rule) that no test has taken yet. */
  get rejections(): CallRecord[] {
    return this.parts.journal.open();
  }

  /** Takes (acknowledges) the current rejections, so that an expected rejection does not fail close(). */
  takeRejections(): CallRecord[] {
    return this.parts.journal.take();
  }

  assertNoRejections(): void {
    const open = this.rejections;
    if (open.length > 0) throw new StandInRejectionError(open);
  }

  guilds(): GuildRecord[] {
    return [...this.core.world.guilds.values()];
  }

  guild(ref: GuildRef = 0): GuildView {
    const world = this.core.world;
    const record = resolveGuild(world, ref);
    const user = (id: string) => world.users.get(id) as UserRecord;
    return {
      id: record.id,
      name: record.name,
      record,
      channel: (channel) => resolveChannel(world, record, channel),
      role: (name) => roleByName(record, name),
      member: user(record.memberUserId),
      moderator: user(record.moderatorUserId),
      owner: user(record.ownerId),
    };
  }

  /** The bot's direct messages to a member of the first guild (or any user id), oldest first. */
  dms(member: MemberRef = 'member'): MessageRecord[] {
    const channel = dmsOf(this.core.world).existingChannel(this.userId(member));
    return channel ? this.core.world.messagesIn(channel.id) : [];
  }

  /** The member stops accepting DMs from the bot: the bot's next DM to them gets 403 50007. */
  closeDms(member: MemberRef = 'member'): void {
    dmsOf(this.core.world).close(this.userId(member));
  }

  openDms(member: MemberRef = 'member'): void {
    dmsOf(this.core.world).open(this.userId(member));
  }

  /** The user a DM channel is with; undefined for any other channel. */
  dmRecipientOf(channelId: string): string | undefined {
    return dmsOf(this.core.world).recipientOf(channelId);
  }

  /** Clicks a button on a message in a member's DM channel with the bot. */
  clickInDm(message: MessageRef, customId: string): InteractionHandle {
    return this.parts.driver.clickInDm(message, customId);
  }

  private userId(member: MemberRef): string {
    return resolveMember(this.core.world, resolveGuild(this.core.world), member);
  }

  /** The bot joins a new guild: it is added and, when a shard owns it, sent as GUILD_CREATE. */
  addGuild(fixture: GuildFixture = {}): GuildView {
    const guild = buildGuild(this.parts.buildContext, fixture, this.core.world.guilds.size);
    this.core.gateway.sessionFor(guild.id)?.dispatch('GUILD_CREATE', apiGuildCreate(this.core.world, guild));
    return this.guild(guild.id);
  }

  /**
   * A text channel that exists but was never announced to the bot (no CHANNEL_CREATE): the bot's cache lacks it,
   * as it lacks a channel created while a shard was disconnected. For fuzzers.
   */
  addUnannouncedChannel(guild: GuildRef = 0, name = 'unannounced'): ChannelRecord {
    const record = resolveGuild(this.core.world, guild);
    return addChannel(this.parts.buildContext, record, { name }, record.channelIds.length);
  }

  channel(id: string): ChannelRecord | undefined {
    return this.core.world.channels.get(id);
  }

  user(id: string): UserRecord | undefined {
    return this.core.world.users.get(id);
  }

  /** A slash command as `member` types it: `slash('quiz', { section: 'intro' }, { member: 'moderator', subcommand: 'start' })`. */
  slash(name: string, options: OptionInput = {}, context: SlashContext = {}): InteractionHandle {
    return this.parts.driver.slash(name, options, context);
  }

  /** An autocomplete request while typing the `focused` option, whose value is the partial text. */
  autocomplete(name: string, options: OptionInput, context: AutocompleteContext): InteractionHandle {
    return this.parts.driver.autocomplete(name, options, context);
  }

  /** A button click on a message the bot posted. */
  click(message: MessageRef, customId: string, as?: MemberRef): InteractionHandle {
    return this.parts.driver.click(message, customId, as);
  }

  /** A select-menu choice on a message the bot posted. */
  select(message: MessageRef, customId: string, values: readonly string[], as?: MemberRef): InteractionHandle {
    return this.parts.driver.select(message, customId, values, as);
  }

  /** Submits a modal the bot showed (the handle that got it, or the modal's custom_id). */
  submitModal(target: InteractionHandle | string, fields: ModalFields, as?: MemberRef): InteractionHandle {
    return this.parts.driver.submitModal(target, fields, as);
  }

  /** Any interaction payload, even one Discord's client would never send (fuzzers): see RawInteraction. */
  rawInteraction(spec: RawInteraction): InteractionHandle {
    return this.parts.driver.raw(spec);
  }

  /**
   * Drops the history of finished work: call records, interaction records and messages other than `keep`, so a
   * long run (a soak, a fuzzer) can measure the bot's memory rather than the stand-in's. Rejections not yet
   * taken are kept. The world itself (guilds, channels, users, commands) stays.
   */
  forgetHistory(keep: readonly string[] = []): void {
    this.parts.journal.forget();
    this.core.interactions.clear();
    this.core.world.forgetMessages(new Set(keep));
  }

  /** Live messages of a channel or thread, oldest first, ephemeral ones included (see `ephemeral`, `visibleTo`). */
  messages(channel: string | { readonly id: string }): MessageRecord[] {
    return this.core.world.messagesIn(typeof channel === 'string' ? channel : channel.id);
  }

  message(id: string): MessageRecord | undefined {
    return this.core.world.messages.get(id);
  }

  /** Threads, of one parent channel or all. */
  threads(parent?: string | { readonly id: string }): ChannelRecord[] {
    return this.core.world.threads(typeof parent === 'object' ? parent.id : parent);
  }

  /** Commands registered through the API: global ones, or one guild's. */
  registeredCommands(guildId: string | null = null): CommandRecord[] {
    return this.core.world.commands(guildId);
  }

  interactions(): InteractionRecord[] {
    return this.core.interactions.all();
  }

  gatewaySessions(): SessionInfo[] {
    return this.core.gateway
      .currentSessions()
      .map((s) => ({ id: s.id, shard: s.shard, connected: s.connected, sequence: s.sequence, resumes: s.resumes }));
  }

  waitFor<T>(probe: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    return waitFor(this.core.events, probe, { ...options, timeoutMs: options.timeoutMs ?? this.core.waitTimeoutMs });
  }

  /** The first live message in the channel that matches. */
  waitForMessage(
    channel: string | { readonly id: string },
    matches: (m: MessageRecord) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<MessageRecord> {
    const id = typeof channel === 'string' ? channel : channel.id;
    return this.waitFor(() => this.messages(id).find(matches), { description: `a message in channel ${id}`, ...options });
  }

  snapshot(): StandInSnapshot {
    return snapshotOf(this.core.world, this.core.interactions);
  }

  /** Stops the servers and drops every connection. Throws (strict mode) if requests were rejected and not taken. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.core.gateway.close();
    await this.parts.http.close();
    if (this.parts.options.strict !== false) this.assertNoRejections();
  }
}
