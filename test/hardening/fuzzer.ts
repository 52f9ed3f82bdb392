import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { commands } from '../../commands/index.js';
import { createLogger } from '../../src/log.js';
import type { CommandRecord, MessageRecord, RawInteraction, StandIn } from '../../testkit/index.js';
import { mayPing } from '../../testkit/index.js';
import type { CommandOptionDefinition } from '../../testkit/world/records.js';
import { type BotUnderTest, startBot } from '../e2e/harness.js';

/**
 * The interaction fuzzer (issue 10, part 1). One bot (src/main.ts `run`, memory store) against one stand-in;
 * fast-check generates what the bot can receive, from the commands registered with the stand-in (so a new
 * command is fuzzed without touching this file) and from the custom_id prefixes of the routing table, and sends
 * it with `standIn.rawInteraction`, which lets through what Discord's client never would.
 *
 * Invariants, checked after every case (a failure throws, fast-check shrinks and prints seed, path and payload):
 * exactly one accepted first callback within 3 s, and a deferred reply that gets filled; nothing the bot sent was
 * rejected by the stand-in (OpenAPI spec, documented limits, 3 s / 15 min / double-callback rules); no message
 * the bot posts or edits may ping anyone (its allowed_mentions must forbid it, and nothing was pinged); no
 * unhandled rejection or exception and no "interaction failed" log line (a bug behind "Something went wrong");
 * the token in no log line; heap (after GC, stand-in history dropped) not growing over the run.
 */

export interface FuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /** fast-check replay path printed by a failure. */
  readonly path?: string;
  /** Allowed heap growth (MB) between the 10 % mark and the end, after GC. */
  readonly heapBudgetMb?: number;
  readonly progress?: (line: string) => void;
}

export interface FuzzReport {
  readonly cases: number;
  readonly seed: number;
  readonly violations: number;
  readonly failure?: string;
  readonly byKind: Record<string, number>;
  readonly callbacks: Record<string, number>;
  readonly heapMb: { readonly atTenPercent: number; readonly atEnd: number; readonly growth: number };
  readonly durationMs: number;
  /** What holds memory at the end: the bot's channel cache, the stand-in's channels (threads included) and messages. */
  readonly sizes: Record<string, number>;
}

type Who = 'member' | 'moderator' | 'owner' | 'ann' | 'bob';
interface Context {
  readonly who: Who;
  readonly dm: boolean;
  readonly uncachedChannel: boolean;
  readonly memberPermissions: 'real' | 'none';
  readonly appPermissions: 'real' | 'none';
}
interface OptionCase {
  readonly name: string;
  readonly type: number;
  readonly value: string | number | boolean;
}
type IdPart = { readonly from: 'pool'; readonly pick: number; readonly mutate: Mutation } | { readonly from: 'made'; readonly id: string };
type Mutation = 'none' | 'truncate' | 'flip' | 'other-owner' | 'extra' | 'drop-last';
type Case =
  | { readonly kind: 'slash'; readonly command: string; readonly sub: string | null; readonly options: OptionCase[]; readonly ctx: Context }
  | {
      readonly kind: 'autocomplete';
      readonly command: string;
      readonly sub: string | null;
      readonly focused: string;
      readonly value: string;
      readonly ctx: Context;
    }
  | {
      readonly kind: 'button' | 'select' | 'modal';
      readonly id: IdPart;
      readonly values: string[];
      readonly reason: string;
      readonly source: number;
      readonly ctx: Context;
    };

const SUB = 1;
const GROUP = 2;
const MEMBERS = [{ username: 'ann' }, { username: 'bob' }];
const UNKNOWN_ID = '999999999999999999';

/** Text that has broken bots: empty, huge, unicode, bidi and zero-width, markdown, mentions of every kind. */
function nastyText(ids: { readonly user: string; readonly role: string; readonly channel: string }) {
  return fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '@everyone',
      '@here',
      `<@${ids.user}>`,
      `<@!${ids.user}>`,
      `<@&${ids.role}>`,
      `<#${ids.channel}>`,
      `@everyone <@${UNKNOWN_ID}> <@&${UNKNOWN_ID}>`,
      '\u202Eevila\u202C',
      'a\u200Bb\u200C\u200D\uFEFF',
      '**bold** __u__ ~~s~~ ||spoiler|| `code` ```js\nx```',
      '> quote\n# heading\n- list',
      '[link](https://example.com) https://discord.gg/x',
      'Europe/Berlin',
      'alignment faking',
      'intro',
      '17:00',
      '25:99',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text a member might type to probe for leaks
      '${process.env.DISCORD_TOKEN}',
      '\u0000\u0001\u007f',
      '🧪'.repeat(60),
      'ن'.repeat(120),
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: 90, max: 6_500 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 10, max: 400 }).map((n) => '@here '.repeat(n)),
  );
}

function numberFor(option: CommandOptionDefinition) {
  const edges = [0, -1, 1, 2, 3, 4, 5, 7, 9, 10, 11, 300, 301, 999, -(2 ** 53) + 1, 2 ** 53 - 1];
  const around = [option.min_value, option.max_value].flatMap((v) => (v === undefined ? [] : [v - 1, v, v + 1]));
  const choices = (option.choices ?? []).map((c) => c.value).filter((v): v is number => typeof v === 'number');
  return fc.constantFrom(...edges, ...around, ...choices);
}

function optionArb(option: CommandOptionDefinition, ids: Ids): fc.Arbitrary<OptionCase> {
  const of = (value: fc.Arbitrary<string | number | boolean>) => value.map((v) => ({ name: option.name, type: option.type, value: v }));
  switch (option.type) {
    case 4:
    case 10:
      return of(numberFor(option));
    case 5:
      return of(fc.boolean());
    case 6:
    case 9:
      return of(fc.constantFrom(ids.user, ids.moderator, ids.bot, UNKNOWN_ID, ids.role));
    case 7:
      return of(fc.constantFrom(ids.channel, ids.otherChannel, ids.uncached, UNKNOWN_ID, ids.user));
    case 8:
      return of(fc.constantFrom(ids.role, UNKNOWN_ID));
    default: {
      const choices = (option.choices ?? []).map((c) => String(c.value));
      return of(choices.length > 0 ? fc.oneof(fc.constantFrom(...choices), nastyText(ids)) : nastyText(ids));
    }
  }
}

interface Ids {
  readonly user: string;
  readonly moderator: string;
  readonly bot: string;
  readonly role: string;
  readonly channel: string;
  readonly otherChannel: string;
  readonly uncached: string;
  readonly members: readonly string[];
}

/** Leaves of a registered command: one entry per subcommand path (or the command itself). */
function leaves(command: CommandRecord): { sub: string | null; options: CommandOptionDefinition[] }[] {
  const top = command.definition.options ?? [];
  const subs = top.filter((o) => o.type === SUB || o.type === GROUP);
  if (subs.length === 0) return [{ sub: null, options: top }];
  return subs.flatMap((s) =>
    s.type === SUB
      ? [{ sub: s.name, options: s.options ?? [] }]
      : (s.options ?? []).map((inner) => ({ sub: `${s.name} ${inner.name}`, options: inner.options ?? [] })),
  );
}

const contextArb: fc.Arbitrary<Context> = fc.record({
  who: fc.constantFrom<Who>('member', 'member', 'moderator', 'owner', 'ann', 'bob'),
  dm: fc
    .boolean()
    .chain((b) => (b ? fc.boolean() : fc.constant(false)))
    .chain((b) => (b ? fc.boolean() : fc.constant(false))),
  uncachedChannel: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
  memberPermissions: fc.constantFrom<'real' | 'none'>('real', 'real', 'real', 'real', 'real', 'real', 'real', 'none'),
  appPermissions: fc.constantFrom<'real' | 'none'>('real', 'real', 'real', 'real', 'real', 'real', 'real', 'none'),
});

function caseArb(registered: readonly CommandRecord[], ids: Ids, prefixes: readonly string[]): fc.Arbitrary<Case> {
  const known = registered.flatMap((command) => leaves(command).map((leaf) => ({ command: command.definition.name, ...leaf })));
  const commandName = fc.oneof(
    fc.constantFrom(...registered.map((c) => c.definition.name)),
    fc.constantFrom('quizz', 'old-command', 'Quiz', ''),
    fc.string({ minLength: 1, maxLength: 32 }),
  );
  const slash = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom(...known).chain((leaf) =>
        fc.record({
          kind: fc.constant('slash' as const),
          command: fc.constant(leaf.command),
          sub: fc.oneof({ weight: 9, arbitrary: fc.constant(leaf.sub) }, { weight: 1, arbitrary: fc.constantFrom(null, 'gone', 'start') }),
          options: fc
            .tuple(...leaf.options.map((o) => fc.option(optionArb(o, ids), { freq: o.required ? 12 : 2, nil: undefined })))
            .map((all) => all.filter((o): o is OptionCase => o !== undefined)),
          ctx: contextArb,
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('slash' as const),
        command: commandName,
        sub: fc.constantFrom(null, 'start'),
        options: fc.constant<OptionCase[]>([]),
        ctx: contextArb,
      }),
    },
  );
  const focusable = known.flatMap((leaf) => leaf.options.filter((o) => o.type === 3).map((o) => ({ ...leaf, focused: o.name })));
  const autocomplete = fc.record({
    kind: fc.constant('autocomplete' as const),
    command: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...focusable.map((f) => f.command)) }, { weight: 1, arbitrary: commandName }),
    sub: fc.constantFrom(null, ...new Set(focusable.map((f) => f.sub))),
    focused: fc.constantFrom(...new Set(focusable.map((f) => f.focused)), 'nope'),
    value: nastyText(ids),
    ctx: contextArb,
  });
  const segment = fc.oneof(
    fc.constantFrom('', '0', '1', '3', '4', '5', '-1', '999', '1000', '1e3', 'abc', 'intro', 'paper', UNKNOWN_ID, ...ids.members),
    fc.string({ maxLength: 20 }),
  );
  const made = fc
    .tuple(
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...prefixes) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
      fc.array(segment, { maxLength: 6 }),
    )
    .map(([prefix, args]) => ({ from: 'made' as const, id: [prefix, ...args].join(':') }));
  const pooled = fc.record({
    from: fc.constant('pool' as const),
    pick: fc.nat(),
    mutate: fc.constantFrom<Mutation>('none', 'none', 'none', 'truncate', 'flip', 'other-owner', 'extra', 'drop-last'),
  });
  const component = fc.record({
    kind: fc.constantFrom('button' as const, 'button' as const, 'button' as const, 'select' as const, 'modal' as const),
    id: fc.oneof(made, pooled),
    values: fc.array(fc.oneof(fc.constantFrom('1', '2', 'intro', 'paper', 'news', 'x'), fc.string({ maxLength: 120 })), { maxLength: 3 }),
    reason: nastyText(ids),
    source: fc.nat(),
    ctx: contextArb,
  });
  return fc.oneof({ weight: 5, arbitrary: slash }, { weight: 2, arbitrary: autocomplete }, { weight: 5, arbitrary: component });
}

function mutateId(raw: string, mutation: Mutation, ids: Ids): string {
  switch (mutation) {
    case 'truncate':
      return raw.slice(0, Math.max(0, raw.length - 1 - (raw.length % 7)));
    case 'flip':
      return raw.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
    case 'other-owner':
      return raw.replace(/\d{17,20}/, (id) => (id === ids.user ? ids.moderator : ids.user));
    case 'extra':
      return `${raw}:1`;
    case 'drop-last':
      return raw.split(':').slice(0, -1).join(':');
    default:
      return raw;
  }
}

interface Sinks {
  readonly problems: string[];
  readonly logText: string[];
}

function capturingLogger(sinks: Sinks, secret: () => string) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString();
      if (secret() !== '' && line.includes(secret())) sinks.problems.push(`a log line contains the token: ${line.slice(0, 300)}`);
      const parsed = JSON.parse(line) as { level: number; msg?: string; ref?: string; err?: { message?: string; stack?: string } };
      if (parsed.level >= 50)
        sinks.problems.push(
          `error log "${parsed.msg}" (interaction ${parsed.ref ?? '?'}): ${parsed.err?.stack ?? parsed.err?.message ?? line.slice(0, 400)}`,
        );
      done();
    },
  });
  return createLogger('warn', [], stream);
}

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const heapMb = () => Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;

export async function runFuzzer(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const sinks: Sinks = { problems: [], logText: [] };
  let token = '';
  const log = capturingLogger(sinks, () => token);
  const bot: BotUnderTest = await startBot({
    guilds: [{ name: 'Fuzz', members: MEMBERS, channels: ['general', 'other'] }],
    requireRegisteredCommands: false,
    strict: false,
    log,
  });
  token = bot.standIn.token;
  const { standIn } = bot;
  const onUnhandled = (err: unknown) => sinks.problems.push(`unhandled: ${(err as Error)?.stack ?? String(err)}`);
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  const pool: MessageRecord[] = [];
  const onMessage = (message: MessageRecord) => {
    if (message.authorId !== standIn.bot.id) return;
    const pings = message.pings;
    if ((pings.users?.length ?? 0) > 0 || (pings.roles?.length ?? 0) > 0 || pings.everyone)
      sinks.problems.push(
        `message ${message.id} pinged: ${JSON.stringify(pings)} content ${JSON.stringify(message.content.slice(0, 200))}`,
      );
    // A deferred reply's placeholder (flag 128, "is thinking…") carries no text and no allowed_mentions of its own.
    const loading = (message.flags & 128) !== 0;
    if (!loading && mayPing(message.allowedMentions))
      sinks.problems.push(`message ${message.id} allows mentions: ${JSON.stringify(message.allowedMentions)}`);
    if (message.components.length > 0 && !pool.includes(message)) {
      pool.push(message);
      if (pool.length > 60) pool.shift();
    }
  };
  standIn.events.on('message', onMessage);
  standIn.events.on('messageUpdate', onMessage);

  const guild = standIn.guild();
  const uncached = standIn.addUnannouncedChannel(guild.id, 'uncached');
  const idOf = (name: string) => guild.record.members.find((m) => standIn.user(m.userId)?.username === name)?.userId ?? '';
  const ids: Ids = {
    user: guild.member.id,
    moderator: guild.moderator.id,
    bot: standIn.bot.id,
    role: guild.role('Moderator').id,
    channel: guild.channel('general').id,
    otherChannel: guild.channel('other').id,
    uncached: uncached.id,
    members: [guild.member.id, guild.moderator.id, idOf('ann'), idOf('bob')],
  };
  const memberRef = (who: Who) => (who === 'ann' || who === 'bob' ? idOf(who) : who);
  const prefixes = [...new Set(commands.flatMap((c) => (c.components ?? []).map((r) => r.id.prefix)))];
  const registered = standIn.registeredCommands();
  if (registered.length === 0) throw new Error('no commands registered with the stand-in');

  // A few real messages with components, so pooled custom_ids and sources exist from the first case.
  for (const [name, sub] of [
    ['summary', undefined],
    ['source', undefined],
    ['quiz', 'start'],
    ['progress', 'reset'],
  ] as const) {
    await standIn.slash(name, {}, sub ? { subcommand: sub } : {}).reply();
  }
  // The claim engine is built by the first /claim: built now, it is not counted as heap growth by the leak check.
  await standIn.slash('claim', { text: 'did claude fake alignment in training?' }).reply();
  // A weekly post with stance buttons and a member's suggestion under review, so their custom_ids are pooled too.
  const moderator = (subcommand: string, options = {}) => standIn.slash('prompts', options, { member: 'moderator', subcommand }).reply();
  await moderator('setup', { channel: ids.channel });
  await moderator('post-now');
  const form = standIn.slash('prompts', {}, { subcommand: 'suggest' });
  await form.modal();
  await standIn
    .submitModal(form, {
      title: 'A seeded suggestion',
      text: 'Would the group like to discuss this one week?',
      question: '',
      positions: '',
    })
    .reply();
  await moderator('suggestions');

  /** Messages the bot may still edit: the pool, the latest 200 replies, round questions and posts of the last 15 min. */
  const stillInUse = () => {
    const now = standIn.clock.now();
    const all = guild.record.channelIds.flatMap((id) => standIn.messages(id));
    const posts = all.filter((m) => m.interactionId === null && m.createdAt > now - 15 * 60_000);
    const replies = all.sort((a, b) => a.createdAt - b.createdAt).slice(-200);
    return [...pool, ...posts, ...replies].map((m) => m.id);
  };

  const byKind: Record<string, number> = {};
  const callbacks: Record<string, number> = {};
  const gc = forceGc();
  let count = 0;
  let heapAtTen = 0;
  const tenth = Math.max(1, Math.floor(options.cases / 10));

  const resolvedOptions = (list: readonly OptionCase[]) => {
    const resolved: Record<string, Record<string, unknown>> = {};
    const add = (kind: string, id: string, value: unknown) => {
      resolved[kind] ??= {};
      (resolved[kind] as Record<string, unknown>)[id] = value;
    };
    for (const option of list) {
      const id = String(option.value);
      if (option.type === 6 || option.type === 9) {
        const user = standIn.user(id);
        add('users', id, {
          id,
          username: user?.username ?? 'ghost',
          discriminator: '0',
          global_name: null,
          avatar: null,
          bot: user?.bot ?? false,
        });
      } else if (option.type === 7) {
        // Discord resolves only channels that exist; an id that names none arrives unresolved.
        const channel = standIn.channel(id);
        if (channel) add('channels', id, { id, type: channel.type, name: channel.name, permissions: '0', parent_id: channel.parentId });
      } else if (option.type === 8) {
        const role = guild.record.roles.find((r) => r.id === id);
        add('roles', id, {
          id,
          name: role?.name ?? 'ghost',
          color: 0,
          hoist: false,
          position: 1,
          permissions: '0',
          managed: false,
          mentionable: false,
          flags: 0,
        });
      }
    }
    return Object.keys(resolved).length > 0 ? { resolved } : {};
  };

  const wrap = (sub: string | null, leaf: Record<string, unknown>[]) => {
    if (!sub) return leaf;
    const [first, second] = sub.split(' ');
    const inner = { type: SUB, name: second ?? first, options: leaf };
    return second ? [{ type: GROUP, name: first, options: [inner] }] : [inner];
  };

  const toRaw = (c: Case): RawInteraction => {
    const base = {
      member: memberRef(c.ctx.who),
      dm: c.ctx.dm,
      ...(c.ctx.uncachedChannel ? { channel: uncached.id } : {}),
      ...(c.ctx.memberPermissions === 'none' ? { memberPermissions: '0' } : {}),
      ...(c.ctx.appPermissions === 'none' ? { appPermissions: '0' } : {}),
    };
    const commandId = (name: string) => registered.find((r) => r.definition.name === name)?.id ?? UNKNOWN_ID;
    if (c.kind === 'slash') {
      const leaf = c.options.map((o) => ({ name: o.name, type: o.type, value: o.value }));
      return {
        ...base,
        type: 2,
        data: { id: commandId(c.command), name: c.command, type: 1, options: wrap(c.sub, leaf), ...resolvedOptions(c.options) },
      };
    }
    if (c.kind === 'autocomplete') {
      const leaf = [{ name: c.focused, type: 3, value: c.value, focused: true }];
      return { ...base, type: 4, data: { id: commandId(c.command), name: c.command, type: 1, options: wrap(c.sub, leaf) } };
    }
    const live = pool.filter((m) => !m.deleted && standIn.message(m.id));
    const source = live.length > 0 ? live[c.source % live.length] : undefined;
    const pooledIds = live.flatMap((m) => componentIds(m.components));
    const customId =
      c.id.from === 'made'
        ? c.id.id
        : mutateId(pooledIds.length > 0 ? (pooledIds[c.id.pick % pooledIds.length] as string) : 'quiz:next', c.id.mutate, ids);
    if (c.kind === 'modal') {
      const components = [{ type: 1, components: [{ type: 4, custom_id: 'reason', value: c.reason }] }];
      return { ...base, type: 5, data: { custom_id: customId, components }, ...(source && c.source % 2 === 0 ? { source } : {}) };
    }
    if (!source) throw new Error('no message to click on');
    const data =
      c.kind === 'button' ? { custom_id: customId, component_type: 2 } : { custom_id: customId, component_type: 3, values: c.values };
    return { ...base, type: 3, data, source };
  };

  const runCase = async (c: Case) => {
    count += 1;
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    if (count % tenth === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      standIn.forgetHistory(stillInUse());
      gc();
      const heap = heapMb();
      if (count === tenth) heapAtTen = heap;
      options.progress?.(`fuzz: ${count} cases, heap ${heap} MB`);
    }
    const raw = toRaw(c);
    const describe = () => JSON.stringify(raw, (key, value) => (key === 'source' ? (value as MessageRecord).id : value));
    const handle = standIn.rawInteraction(raw);
    const fail = (why: string) => {
      throw new Error(`${why}\n  interaction ${handle.id} payload sent: ${describe()}`);
    };
    try {
      const callback = await handle.callback({ timeoutMs: 5_000 });
      callbacks[callback.type] = (callbacks[callback.type] ?? 0) + 1;
      if (callback.type === 5) await handle.reply({ timeoutMs: 5_000 });
    } catch (err) {
      fail(`no valid first response: ${(err as Error).message.slice(0, 1500)}`);
    }
    // Let trailing work of this interaction (follow-ups, edits) reach the stand-in before the checks.
    await new Promise((resolve) => setImmediate(resolve));
    const rejected = standIn.takeRejections();
    if (rejected.length > 0)
      sinks.problems.push(...rejected.map((call) => `stand-in rejected ${call.method} ${call.path}: ${JSON.stringify(call.error)}`));
    if (sinks.problems.length > 0) fail(sinks.problems.splice(0).join('\n'));
  };

  let failure: string | undefined;
  try {
    await fc.assert(fc.asyncProperty(caseArb(registered, ids, prefixes), runCase), {
      numRuns: options.cases,
      seed: options.seed,
      ...(options.path ? { path: options.path } : {}),
      endOnFailure: false,
      timeout: 20_000,
      includeErrorInReport: true,
    });
  } catch (err) {
    failure = (err as Error).message;
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const call of standIn.takeRejections()) sinks.problems.push(`late rejection ${call.method} ${call.path}`);
    standIn.forgetHistory(stillInUse());
    gc();
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    standIn.events.off('message', onMessage);
    standIn.events.off('messageUpdate', onMessage);
  }
  const atEnd = heapMb();
  const growth = Math.round((atEnd - heapAtTen) * 10) / 10;
  const budget = options.heapBudgetMb ?? 40;
  if (!failure && growth > budget) failure = `heap grew ${growth} MB between 10 % and the end of the run (budget ${budget} MB)`;
  if (!failure && sinks.problems.length > 0) failure = `after the last case: ${sinks.problems.join('\n')}`;
  const sizes = {
    botChannelCache: bot.app.client.channels.cache.size,
    standInChannels: guild.record.channelIds.length + standIn.threads().length,
    standInMessages: guild.record.channelIds.reduce((sum, id) => sum + standIn.messages(id).length, 0),
  };
  await bot.app.stop();
  await standIn.close();
  return {
    sizes,
    cases: options.cases,
    seed: options.seed,
    violations: failure ? 1 : 0,
    ...(failure ? { failure } : {}),
    byKind,
    callbacks,
    heapMb: { atTenPercent: heapAtTen, atEnd, growth },
    durationMs: Date.now() - started,
  };
}

function componentIds(components: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.custom_id === 'string') out.push(record.custom_id);
      walk(record.components);
    }
  };
  walk(components);
  return out;
}

export type { StandIn };
