import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { type Command, defineCommand, on } from '../../src/discord/command.js';
import { customId } from '../../src/discord/customId.js';
import { createRouter, EXPIRED, GUILD_ONLY } from '../../src/discord/router.js';
import type { Services } from '../../src/services.js';
import { fakeInteraction } from './fakeInteraction.js';

let nowMs = 0;
const ctx = { log: pino({ level: 'silent' }), clock: { now: () => new Date(nowMs) } } as Services;
const pageId = customId('demo:page', z.object({ page: z.coerce.number().int().min(0) }));

function demo(overrides: Partial<Command> = {}) {
  const execute = vi.fn(async () => {});
  const page = vi.fn(async () => {});
  const command = defineCommand({
    data: new SlashCommandBuilder().setName('demo').setDescription('demo'),
    execute,
    components: [on(pageId, page)],
    ...overrides,
  });
  return { command, execute, page };
}

const contentOf = (answer: { body: unknown } | undefined) => (answer?.body as { content?: string } | undefined)?.content;

describe('router', () => {
  it('dispatches a slash command by name', async () => {
    const { command, execute } = demo();
    await createRouter([command]).dispatch(ctx, fakeInteraction('command', 'demo'));
    expect(execute).toHaveBeenCalledOnce();
  });

  it('dispatches a button by custom_id prefix with decoded, typed arguments', async () => {
    const { command, page } = demo();
    await createRouter([command]).dispatch(ctx, fakeInteraction('button', pageId.encode({ page: 3 })));
    expect(page).toHaveBeenCalledWith(ctx, expect.anything(), { page: 3 });
  });

  it('answers an unknown or tampered custom_id with an ephemeral "expired"', async () => {
    const { command, page } = demo();
    const router = createRouter([command]);
    for (const raw of ['gone:away:1', 'demo:page:-4', 'demo:page', 'demo:page:1:extra']) {
      const interaction = fakeInteraction('button', raw);
      await router.dispatch(ctx, interaction);
      expect(contentOf(interaction.answers[0])).toBe(EXPIRED);
    }
    expect(page).not.toHaveBeenCalled();
  });

  it('answers a command that no longer exists instead of staying silent', async () => {
    const interaction = fakeInteraction('command', 'renamed');
    await createRouter([demo().command]).dispatch(ctx, interaction);
    expect(contentOf(interaction.answers[0])).toBe(EXPIRED);
  });

  it('refuses a duplicate command name or custom_id prefix at start-up', () => {
    expect(() => createRouter([demo().command, demo().command])).toThrow(/Duplicate command name "demo"/);
    const other = defineCommand({
      data: new SlashCommandBuilder().setName('other').setDescription('other'),
      execute: async () => {},
      components: [on(pageId, async () => {})],
    });
    expect(() => createRouter([demo().command, other])).toThrow(/Duplicate custom_id prefix "demo:page"/);
  });

  it('re-checks a declared permission for commands and their buttons', async () => {
    const { command, execute, page } = demo({ requires: PermissionFlagsBits.ManageGuild });
    const router = createRouter([command]);
    const member = fakeInteraction('command', 'demo');
    const click = fakeInteraction('button', pageId.encode({ page: 1 }));
    await router.dispatch(ctx, member);
    await router.dispatch(ctx, click);
    expect(execute).not.toHaveBeenCalled();
    expect(page).not.toHaveBeenCalled();
    expect(contentOf(member.answers[0])).toMatch(/Manage Server/);
    await router.dispatch(ctx, fakeInteraction('command', 'demo', { permissions: [PermissionFlagsBits.ManageGuild] }));
    expect(execute).toHaveBeenCalledOnce();
    expect(command.data.toJSON().default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });

  it('answers outside a server with a short explanation', async () => {
    const { command, execute } = demo();
    const interaction = fakeInteraction('command', 'demo', { guild: false });
    await createRouter([command]).dispatch(ctx, interaction);
    expect(execute).not.toHaveBeenCalled();
    expect(contentOf(interaction.answers[0])).toBe(GUILD_ONLY);
  });

  it('makes a member wait between two uses of a command with a cooldown', async () => {
    const { command, execute } = demo({ cooldownSeconds: 10 });
    const router = createRouter([command]);
    nowMs = 1_000_000;
    await router.dispatch(ctx, fakeInteraction('command', 'demo'));
    const early = fakeInteraction('command', 'demo');
    nowMs += 3_000;
    await router.dispatch(ctx, early);
    expect(contentOf(early.answers[0])).toBe('Easy there: try `/demo` again in 7 s.');
    nowMs += 7_000;
    await router.dispatch(ctx, fakeInteraction('command', 'demo'));
    expect(execute).toHaveBeenCalledTimes(2);
  });
});
