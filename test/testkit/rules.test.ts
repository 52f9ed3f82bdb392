import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StandIn, StandInRejectionError, startStandIn } from '../../testkit/index.js';
import { connectClient } from './connectClient.js';

/** A promise the test resolves, so a handler can wait while the test moves the clock. */
function gate(): { open: () => void; passed: Promise<void> } {
  let resolve: () => void = () => undefined;
  const passed = new Promise<void>((r) => {
    resolve = r;
  });
  return { open: () => resolve(), passed };
}

describe("Discord's rules", () => {
  let standIn: StandIn;
  let client: Client;
  let handler: (i: Interaction) => Promise<unknown>;
  let failures: unknown[];

  beforeEach(async () => {
    standIn = await startStandIn({ clock: 'manual' });
    client = await connectClient(standIn);
    failures = [];
    handler = async () => undefined;
    client.on(Events.InteractionCreate, (i) => void handler(i).catch((error: unknown) => failures.push(error)));
  });

  afterEach(async () => {
    await client.destroy();
    await standIn.close();
  });

  const failure = () => standIn.waitFor(() => failures[0]);

  it('answers a second callback for one interaction with 40060', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('first');
      await client.rest.post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: 'second' } }, auth: false });
    };

    const handle = standIn.slash('twice');

    expect(await handle.reply()).toMatchObject({ content: 'first' });
    expect(await failure()).toMatchObject({ code: 40060, status: 400 });
    expect(standIn.takeRejections()).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 40060 }) })]);
  });

  it('answers a callback later than 3 s after dispatch with 10062', async () => {
    const late = gate();
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await late.passed;
      await i.reply('too late');
    };

    const handle = standIn.slash('slow');
    standIn.clock.advance(3_001);
    late.open();

    await expect(handle.callback()).rejects.toThrow(StandInRejectionError);
    await expect(handle.callback()).rejects.toThrow(/3001 ms after the interaction was dispatched; Discord allows 3000 ms/);
    expect(await failure()).toMatchObject({ code: 10062 });
    expect(standIn.takeRejections()).toHaveLength(1);
  });

  it('refuses a webhook call with a token older than 15 minutes with 10062', async () => {
    const later = gate();
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await later.passed;
      await i.editReply('an hour later');
    };

    const handle = standIn.slash('slow');
    await handle.callback();
    standIn.clock.advance(15 * 60_000 + 1);
    later.open();

    expect(await failure()).toMatchObject({ code: 10062 });
    expect(standIn.takeRejections()[0]?.error?.reason).toMatch(/token is 15\.0 min old/);
  });

  it('refuses over-long content with 50035 naming the path', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply('x'.repeat(2001));
    };

    await expect(standIn.slash('long').callback()).rejects.toThrow(/data\.content: 2001 characters/);
    const error = (await failure()) as DiscordAPIError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error.code).toBe(50035);
    expect(error.message).toContain('data.content[BASE_TYPE_MAX_LENGTH]');
    expect(standIn.takeRejections()[0]?.body).toMatchObject({ type: 4 });
  });

  it('refuses channel messages over 2000 characters although the OpenAPI description allows 4000', async () => {
    const channel = client.channels.cache.get(standIn.guild().channel().id);
    if (!channel?.isSendable()) throw new Error('expected a text channel');

    await expect(channel.send('y'.repeat(2001))).rejects.toMatchObject({ code: 50035 });
    expect(standIn.takeRejections()[0]?.error?.reason).toMatch(/content: 2001 characters; .*2000/);
  });

  it('refuses embeds holding more than 6000 characters in all', async () => {
    const embeds = [1, 2].map((n) => new EmbedBuilder().setTitle(`Part ${n}`).setDescription('z'.repeat(3500)));
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ embeds });
    };

    await expect(standIn.slash('embeds').callback()).rejects.toThrow(/data\.embeds: .*7012 characters/);
    expect(await failure()).toMatchObject({
      code: 50035,
      rawError: { errors: { data: { embeds: { _errors: [expect.objectContaining({ code: 'MAX_EMBED_SIZE_EXCEEDED' })] } } } },
    });
    standIn.takeRejections();
  });

  it('refuses 6 action rows and 6 buttons in one row', async () => {
    const row = (n: number, prefix: string) =>
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        Array.from({ length: n }, (_, i) =>
          new ButtonBuilder().setCustomId(`${prefix}${i}`).setLabel(`${i}`).setStyle(ButtonStyle.Primary),
        ),
      );
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const rows = i.commandName === 'rows' ? Array.from({ length: 6 }, (_, r) => row(1, `r${r}-`)) : [row(6, 'b')];
      await i.reply({ content: 'pick', components: rows });
    };

    await expect(standIn.slash('rows').callback()).rejects.toThrow(/data\.components: 6 action rows/);
    await expect(standIn.slash('buttons').callback()).rejects.toThrow(/data\.components\[0\]\.components: 6 items/);
    expect(standIn.takeRejections()).toHaveLength(2);
  });

  it('refuses autocomplete choice values over 100 characters', async () => {
    handler = async (i) => {
      if (i.isAutocomplete()) await i.respond([{ name: 'long', value: 'v'.repeat(101) }]);
    };

    await expect(standIn.autocomplete('quiz', { section: 'a' }, { focused: 'section' }).choices()).rejects.toThrow(
      /choices\[0\]\.value: 101 characters/,
    );
    standIn.takeRejections();
  });

  it('answers an unknown route with 404 and records it as a failure', async () => {
    await expect(client.rest.get('/users/@me/guilds/nothing-here')).rejects.toMatchObject({ status: 404 });

    const [rejected] = standIn.rejections;
    expect(rejected).toMatchObject({ status: 404, route: null, path: '/api/v10/users/@me/guilds/nothing-here' });
    await expect(Promise.resolve().then(() => standIn.assertNoRejections())).rejects.toThrow(
      /GET \/api\/v10\/users\/@me\/guilds\/nothing-here → 404/,
    );
    standIn.takeRejections();
  });

  it('fails close() when a rejection was left unhandled', async () => {
    const extra = await startStandIn({ clock: 'manual' });
    await fetch(`${extra.apiUrl}/v10/gateway/bot`);

    await expect(extra.close()).rejects.toThrow(/needs "Authorization: Bot <token>"/);
  });

  it('decodes %40original and serves the original response', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'original', flags: MessageFlags.Ephemeral });
      await i.fetchReply();
    };

    const handle = standIn.slash('fetch');
    await standIn.waitFor(() => handle.calls().find((c) => c.method === 'GET'));

    expect(handle.calls().map((c) => [c.method, c.path.endsWith('/messages/@original'), c.status])).toEqual([
      ['POST', false, 204],
      ['GET', true, 200],
    ]);
  });
});
