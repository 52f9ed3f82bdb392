import { Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { type BotUnderTest, startBot } from './harness.js';
import { embedOf, fieldOf } from './messages.js';

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('runtime end to end (real discord.js client against the stand-in)', () => {
  it('logs in, becomes ready with its guild, and registers every command', async () => {
    bot = await startBot();
    const { standIn, app } = bot;
    expect(app.client.isReady()).toBe(true);
    expect(app.client.guilds.cache.has(standIn.guild().id)).toBe(true);
    const names = standIn.registeredCommands().map((command) => command.definition.name);
    expect(names.sort()).toEqual(commands.map((command) => command.data.name).sort());
  });

  it('answers /help privately with the commands, the sections and the bundle version', async () => {
    bot = await startBot();
    const reply = await bot.standIn.slash('help').reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    const embed = embedOf(reply);
    expect(fieldOf(reply, 'Commands')).toContain('/help');
    expect(fieldOf(reply, 'What the bundle covers')).toContain('1. ');
    expect(embed.footer?.text).toBe(
      `Content bundle v${bot.app.services.content.version} · updated ${bot.app.services.content.bundle.info.updated}`,
    );
  });

  it('survives a 429 on the interaction callback: discord.js waits retry_after and the reply lands', async () => {
    bot = await startBot();
    const limit = bot.standIn.faults.rateLimit('POST /interactions/{interaction_id}/{interaction_token}/callback', { retryAfter: 0.2 });
    const reply = await bot.standIn.slash('help').reply();
    expect(limit.hits).toBe(1);
    expect(reply.embeds).toHaveLength(1);
  });

  it('resumes after the gateway connection drops and keeps answering', async () => {
    bot = await startBot();
    const [recovery] = await bot.standIn.faults.dropGateway();
    expect(recovery?.how).toBe('resumed');
    const reply = await bot.standIn.slash('help').reply();
    expect(reply.embeds).toHaveLength(1);
  });

  it('has an over-long message from the bot rejected with 50035 and the reason', async () => {
    bot = await startBot();
    const channel = bot.standIn.guild().channel();
    const send = bot.app.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'x'.repeat(2001) } });
    await expect(send).rejects.toMatchObject({ code: 50035, status: 400 });
    const [rejected] = bot.standIn.takeRejections();
    expect(rejected?.error?.reason).toMatch(/content/);
    expect(bot.standIn.messages(channel)).toHaveLength(0);
  });

  it('stops cleanly: the client is destroyed and the store closed', async () => {
    bot = await startBot();
    await bot.app.stop();
    expect(bot.app.client.isReady()).toBe(false);
    await bot.standIn.close();
    bot = undefined;
  });
});
