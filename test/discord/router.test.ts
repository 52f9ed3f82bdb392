import { ApplicationCommandOptionType, type CommandInteractionOption, PermissionFlagsBits } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { button, commandJson, defineCommand, modal, select } from '../../src/discord/command.js';
import { customId } from '../../src/discord/customId.js';
import { EXPIRED } from '../../src/discord/errors.js';
import { createRouter, GUILD_ONLY } from '../../src/discord/router.js';
import type { Services } from '../../src/services.js';
import { type FakeKind, type FakeOptions, fakeInteraction } from './fakeInteraction.js';

let nowMs = 0;
const ctx = { log: pino({ level: 'silent' }), clock: { now: () => new Date(nowMs) } } as Services;
const pageId = customId('demo:page', z.object({ page: z.coerce.number().int().min(0) }));
const pickId = customId('demo:pick', z.object({}));
const formId = customId('demo:form', z.object({ topic: z.string() }));
const { Subcommand, String: Text, Integer } = ApplicationCommandOptionType;

function demo(requires?: bigint) {
  const calls = { run: vi.fn(), page: vi.fn(), pick: vi.fn(), form: vi.fn() };
  const command = defineCommand({
    data: {
      name: 'demo',
      description: 'demo',
      options: [
        { type: Text, name: 'text', description: 'text', required: true },
        { type: Integer, name: 'size', description: 'size', choices: [{ name: 'Small', value: 1 }] },
      ],
    },
    ...(requires === undefined ? {} : { requires }),
    cooldown: 10,
    run: async (_ctx, _interaction, args) => calls.run(args),
    components: [
      button(pageId, async (_ctx, _interaction, args) => calls.page(args)),
      select(pickId, async (_ctx, interaction) => calls.pick(interaction.values)),
      modal(formId, ['reason'], async (_ctx, _interaction, args) => calls.form(args)),
    ],
  });
  return { command, calls };
}

function grouped() {
  const calls = { open: vi.fn(), admin: vi.fn() };
  const command = defineCommand({
    data: {
      name: 'group',
      description: 'group',
      options: [
        { type: Subcommand, name: 'open', description: 'open', options: [{ type: Text, name: 'what', description: 'what' }] },
        { type: Subcommand, name: 'admin', description: 'admin' },
      ],
    },
    subcommands: {
      open: { cooldown: 5, run: async (_ctx, _interaction, args) => calls.open(args) },
      admin: { requires: PermissionFlagsBits.ManageChannels, run: async () => calls.admin() },
    },
  });
  return { command, calls };
}

const contentOf = (interaction: { answers: { body: unknown }[] }) =>
  (interaction.answers[0]?.body as { content?: string } | undefined)?.content;
const text = (name: string, value: string): CommandInteractionOption => ({ name, type: Text, value });
const sub = (name: string, ...options: CommandInteractionOption[]): CommandInteractionOption => ({ name, type: Subcommand, options });

async function send(commands: ReturnType<typeof demo>['command'][], kind: FakeKind, name: string, options: FakeOptions = {}) {
  const interaction = fakeInteraction(kind, name, options);
  await createRouter(commands).dispatch(ctx, interaction);
  return contentOf(interaction);
}

describe('router: slash commands', () => {
  it('hands the handler the options its definition declares, typed, with null for one left out', async () => {
    const { command, calls } = demo();
    await send([command], 'command', 'demo', { options: [text('text', 'hello')] });
    expect(calls.run).toHaveBeenCalledWith({ text: 'hello', size: null });
  });

  it('answers "expired" for a command that no longer exists or options of an older definition', async () => {
    const { command, calls } = demo();
    expect(await send([command], 'command', 'renamed')).toBe(EXPIRED);
    expect(await send([command], 'command', 'demo')).toBe(EXPIRED);
    expect(await send([command], 'command', 'demo', { options: [{ name: 'text', type: Integer, value: 3 }] })).toBe(EXPIRED);
    expect(calls.run).not.toHaveBeenCalled();
  });

  it('refuses a value outside the declared choices instead of handing it on', async () => {
    const { command, calls } = demo();
    const options = [text('text', 'hi'), { name: 'size', type: Integer, value: 9 }];
    expect(await send([command], 'command', 'demo', { options })).toBe('Pick a **size** from the list.');
    expect(calls.run).not.toHaveBeenCalled();
  });

  it('routes each subcommand to its own handler with its own options; an unknown one is "expired"', async () => {
    const { command, calls } = grouped();
    await send([command], 'command', 'group', { options: [sub('open', text('what', 'x'))] });
    expect(calls.open).toHaveBeenCalledWith({ what: 'x' });
    expect(await send([command], 'command', 'group', { options: [sub('removed')] })).toBe(EXPIRED);
    expect(await send([command], 'command', 'group')).toBe(EXPIRED);
  });

  it('refuses a subcommand without its declared permission, naming that permission', async () => {
    const { command, calls } = grouped();
    expect(await send([command], 'command', 'group', { options: [sub('admin')] })).toBe(
      'You need the **Manage Channels** permission to use this.',
    );
    expect(calls.admin).not.toHaveBeenCalled();
    await send([command], 'command', 'group', { options: [sub('admin')], permissions: [PermissionFlagsBits.ManageChannels] });
    expect(calls.admin).toHaveBeenCalledOnce();
    expect(commandJson(command).default_member_permissions).toBeUndefined();
  });

  it('makes a member wait between two uses of a subcommand with a cooldown', async () => {
    const { command, calls } = grouped();
    const router = createRouter([command]);
    const open = () => fakeInteraction('command', 'group', { options: [sub('open')] });
    nowMs = 1_000_000;
    await router.dispatch(ctx, open());
    const early = open();
    nowMs += 3_000;
    await router.dispatch(ctx, early);
    expect(contentOf(early)).toBe('Easy there: try `/group open` again in 2 s.');
    nowMs += 2_000;
    await router.dispatch(ctx, open());
    await router.dispatch(ctx, fakeInteraction('command', 'group', { options: [sub('admin')] }));
    expect(calls.open).toHaveBeenCalledTimes(2);
  });

  it('answers outside a server with a short explanation', async () => {
    const { command, calls } = demo();
    expect(await send([command], 'command', 'demo', { guild: false, options: [text('text', 'x')] })).toBe(GUILD_ONLY);
    expect(calls.run).not.toHaveBeenCalled();
  });
});

describe('router: components', () => {
  it('dispatches a button by custom_id prefix with decoded, typed arguments', async () => {
    const { command, calls } = demo();
    await send([command], 'button', pageId.encode({ page: 3 }));
    expect(calls.page).toHaveBeenCalledWith({ page: 3 });
  });

  it('answers an unknown or tampered custom_id with "expired"', async () => {
    const { command, calls } = demo();
    for (const raw of ['gone:away:1', 'demo:page:-4', 'demo:page', 'demo:page:1:extra']) {
      expect(await send([command], 'button', raw)).toBe(EXPIRED);
    }
    expect(calls.page).not.toHaveBeenCalled();
  });

  it('answers a component of another kind than its route declares with "expired", before the handler runs', async () => {
    const { command, calls } = demo();
    expect(await send([command], 'select', pageId.encode({ page: 1 }))).toBe(EXPIRED);
    expect(await send([command], 'modal', pageId.encode({ page: 1 }))).toBe(EXPIRED);
    expect(await send([command], 'button', pickId.encode({}))).toBe(EXPIRED);
    expect(await send([command], 'button', formId.encode({ topic: 'a' }))).toBe(EXPIRED);
    expect(calls.page).not.toHaveBeenCalled();
    expect(calls.pick).not.toHaveBeenCalled();
    expect(calls.form).not.toHaveBeenCalled();
    await send([command], 'select', pickId.encode({}), { values: ['x'] });
    expect(calls.pick).toHaveBeenCalledWith(['x']);
  });

  it('hands a modal handler its declared fields; a modal from an older version without one is "expired"', async () => {
    const { command, calls } = demo();
    expect(await send([command], 'modal', formId.encode({ topic: 'a' }), { fields: { other: 'x' } })).toBe(EXPIRED);
    expect(calls.form).not.toHaveBeenCalled();
    await send([command], 'modal', formId.encode({ topic: 'a' }), { fields: { reason: 'typo' } });
    expect(calls.form).toHaveBeenCalledWith({ topic: 'a', reason: 'typo' });
  });

  it("re-checks the command's permission on its buttons, and keeps it as Discord's default", async () => {
    const { command, calls } = demo(PermissionFlagsBits.ManageGuild);
    expect(await send([command], 'command', 'demo', { options: [text('text', 'x')] })).toBe(
      'You need the **Manage Server** permission to use this.',
    );
    expect(await send([command], 'button', pageId.encode({ page: 1 }))).toMatch(/Manage Server/);
    expect(calls.run).not.toHaveBeenCalled();
    expect(calls.page).not.toHaveBeenCalled();
    await send([command], 'button', pageId.encode({ page: 1 }), { permissions: [PermissionFlagsBits.ManageGuild] });
    expect(calls.page).toHaveBeenCalledOnce();
    expect(commandJson(command).default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });

  it('checks a permission declared on one component only', async () => {
    const calls = vi.fn();
    const command = defineCommand({
      data: { name: 'gated', description: 'gated' },
      run: async () => {},
      components: [button(pageId, async () => calls(), { requires: PermissionFlagsBits.ManageMessages })],
    });
    expect(await send([command], 'button', pageId.encode({ page: 1 }))).toBe('You need the **Manage Messages** permission to use this.');
    expect(calls).not.toHaveBeenCalled();
  });

  it('refuses a duplicate command name or custom_id prefix at start-up', () => {
    expect(() => createRouter([demo().command, demo().command])).toThrow(/Duplicate command name "demo"/);
    const other = defineCommand({
      data: { name: 'other', description: 'other' },
      run: async () => {},
      components: [button(pageId, async () => {})],
    });
    expect(() => createRouter([demo().command, other])).toThrow(/Duplicate custom_id prefix "demo:page"/);
  });
});
