import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  Events,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallbackType, mayPing, type StandIn, startStandIn } from '../../testkit/index.js';
import { connectClient } from './connectClient.js';

const quiz = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('Answer a question')
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Start a quiz')
      .addStringOption((o) => o.setName('section').setDescription('Section').setRequired(true).setAutocomplete(true))
      .addIntegerOption((o) => o.setName('count').setDescription('How many').setMinValue(1).setMaxValue(10))
      .addUserOption((o) => o.setName('with').setDescription('A study partner')),
  );

const answerButtons = new ActionRowBuilder<ButtonBuilder>().addComponents(
  new ButtonBuilder().setCustomId('answer:a').setLabel('A').setStyle(ButtonStyle.Secondary),
  new ButtonBuilder().setCustomId('answer:b').setLabel('B').setStyle(ButtonStyle.Secondary),
);

describe('interactions against a real discord.js client', () => {
  let standIn: StandIn;
  let client: Client;
  let handler: (i: Interaction) => Promise<unknown>;

  beforeEach(async () => {
    standIn = await startStandIn({ clock: 'manual' });
    client = await connectClient(standIn);
    handler = async () => undefined;
    client.on(Events.InteractionCreate, (i) => void handler(i));
  });

  afterEach(async () => {
    await client.destroy();
    await standIn.close();
  });

  it('registers commands globally and per guild', async () => {
    const guild = standIn.guild();
    await client.application?.commands.set([quiz]);
    await client.guilds.cache
      .get(guild.id)
      ?.commands.set([
        new SlashCommandBuilder().setName('prompts').setDescription('Prompts').setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
      ]);

    expect(standIn.registeredCommands().map((c) => c.definition.name)).toEqual(['quiz']);
    expect(standIn.registeredCommands(guild.id)).toEqual([
      expect.objectContaining({ definition: expect.objectContaining({ name: 'prompts', default_member_permissions: '32' }) }),
    ]);
  });

  it('sends a slash command with a subcommand and typed options, and reads the reply', async () => {
    await client.application?.commands.set([quiz]);
    const partner = standIn.guild().moderator;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const text = `${i.options.getSubcommand()} ${i.options.getString('section')} x${i.options.getInteger('count')} with ${i.options.getUser('with')?.username}`;
      await i.reply({ content: text, allowedMentions: { parse: [] } });
    };

    const handle = standIn.slash('quiz', { section: 'intro', count: 3, with: partner.id }, { subcommand: 'start' });
    const reply = await handle.reply();

    expect((await handle.callback()).type).toBe(CallbackType.ChannelMessageWithSource);
    expect(reply).toMatchObject({
      content: 'start intro x3 with moderator',
      ephemeral: false,
      channelId: standIn.guild().channel().id,
      interactionId: handle.id,
    });
    expect(standIn.messages(standIn.guild().channel())).toEqual([reply]);
  });

  it('refuses, in the test, options that Discord’s client would never send', async () => {
    await client.application?.commands.set([quiz]);
    expect(() => standIn.slash('quiz', { section: 'intro', count: 11 }, { subcommand: 'start' })).toThrow(/count/);
    expect(() => standIn.slash('quiz', { count: 2 }, { subcommand: 'start' })).toThrow(/required/);
    expect(() => standIn.slash('quiz', { section: 'intro' })).toThrow(/subcommand/);
  });

  it('sends an autocomplete request and reads the choices', async () => {
    await client.application?.commands.set([quiz]);
    handler = async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond(['intro', 'method', 'debate'].filter((s) => s.startsWith(typed)).map((s) => ({ name: s, value: s })));
    };

    const handle = standIn.autocomplete('quiz', { section: 'de' }, { subcommand: 'start', focused: 'section' });

    expect(await handle.choices()).toEqual([{ name: 'debate', value: 'debate' }]);
  });

  it('clicks a button on the bot’s message and sees the message updated (type 7)', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'Pick one', components: [answerButtons] });
      if (i.isButton()) await i.update({ content: `${i.user.username} chose ${i.customId}`, components: [] });
    };
    const question = await standIn.slash('question').reply();

    const click = standIn.click(question, 'answer:b', 'moderator');
    const updated = await click.reply();

    expect((await click.callback()).type).toBe(CallbackType.UpdateMessage);
    expect(updated.id).toBe(question.id);
    expect(standIn.message(question.id)).toMatchObject({ content: 'moderator chose answer:b', components: [] });
  });

  it('acknowledges a click with a deferred update (type 6) and then edits @original', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'Pick one', components: [answerButtons] });
      if (i.isButton()) {
        await i.deferUpdate();
        await i.editReply({ content: 'graded', components: [] });
      }
    };
    const question = await standIn.slash('question').reply();

    const click = standIn.click(question, 'answer:a');

    expect(await click.reply()).toMatchObject({ id: question.id, content: 'graded' });
    expect((await click.callback()).type).toBe(CallbackType.DeferredUpdateMessage);
    expect(click.calls().map((c) => c.route)).toEqual([
      'POST /interactions/{interaction_id}/{interaction_token}/callback',
      'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
    ]);
  });

  it('chooses in a select menu and gets an ephemeral answer only the chooser sees', async () => {
    const menu = new StringSelectMenuBuilder()
      .setCustomId('section')
      .setPlaceholder('Section')
      .addOptions({ label: 'Intro', value: 'intro' }, { label: 'Debate', value: 'debate' });
    handler = async (i) => {
      if (i.isChatInputCommand())
        await i.reply({ content: 'Which section?', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      if (i.isStringSelectMenu()) await i.reply({ content: `you picked ${i.values.join(',')}`, flags: MessageFlags.Ephemeral });
    };
    const prompt = await standIn.slash('sections').reply();

    const choice = await standIn.select(prompt, 'section', ['debate'], 'member').reply();

    expect(choice).toMatchObject({ content: 'you picked debate', ephemeral: true, visibleTo: standIn.guild().member.id });
    expect(() => standIn.select(prompt, 'section', ['nope'])).toThrow(/no option/);
  });

  it('shows a modal and submits it', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const input = new TextInputBuilder().setCustomId('answer').setLabel('Your answer').setStyle(TextInputStyle.Paragraph);
        await i.showModal(
          new ModalBuilder()
            .setCustomId('prompt:1')
            .setTitle('Prompt')
            .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
        );
      }
      if (i.isModalSubmit()) await i.reply({ content: `saved: ${i.fields.getTextInputValue('answer')}`, flags: MessageFlags.Ephemeral });
    };
    const opened = standIn.slash('prompt');

    expect(await opened.modal()).toMatchObject({ custom_id: 'prompt:1', title: 'Prompt' });
    const submitted = standIn.submitModal(opened, { answer: 'They trained it to comply' });
    expect(await submitted.reply()).toMatchObject({ content: 'saved: They trained it to comply', ephemeral: true });
    expect(() => standIn.submitModal('prompt:1', {})).toThrow(/required/);
  });

  it('defers a reply, edits it, and sends follow-ups', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply('done thinking');
      await i.followUp({ content: 'one more thing', flags: MessageFlags.Ephemeral });
    };

    const handle = standIn.slash('think');

    expect(await handle.reply()).toMatchObject({ content: 'done thinking', ephemeral: false });
    expect(await handle.followUp(0)).toMatchObject({ content: 'one more thing', ephemeral: true });
    expect((await handle.callback()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
  });

  it('fills an ephemeral deferred reply with the first follow-up, as Discord does', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp('here you go');
    };

    const handle = standIn.slash('think');

    expect(await handle.reply()).toMatchObject({ content: 'here you go', ephemeral: true });
    expect(handle.followUps()).toEqual([]);
  });

  it('posts channel messages and creates threads by both routes', async () => {
    const channelId = standIn.guild().channel().id;
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isTextBased() || !('threads' in channel)) throw new Error('expected a text channel');

    const posted = await channel.send({ content: 'Weekly discussion', allowedMentions: { parse: [] } });
    await posted.startThread({ name: 'Week 1' });
    await channel.threads.create({ name: 'Side notes' });
    await posted.edit('Weekly discussion (edited)');
    await (await channel.send('scratch')).delete();

    expect(standIn.messages(channelId).map((m) => [m.content, m.revision])).toEqual([['Weekly discussion (edited)', 1]]);
    expect(standIn.threads(channelId).map((t) => [t.name, t.type])).toEqual([
      ['Week 1', 11],
      ['Side notes', 11],
    ]);
    expect(standIn.message(posted.id)?.threadId).toBe(posted.id);
  });

  it('answers with_response=true with the created message, and deletes @original', async () => {
    let fromResponse: string | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'short-lived', withResponse: true });
      fromResponse = response.resource?.message?.content;
      await i.deleteReply();
    };

    const handle = standIn.slash('blink');
    await standIn.waitFor(() => handle.calls().find((c) => c.method === 'DELETE' && c.status === 204));

    expect(fromResponse).toBe('short-lived');
    expect(handle.original()).toBeUndefined();
    expect(standIn.messages(standIn.guild().channel())).toEqual([]);
  });

  it('gives member permissions and app_permissions per channel', async () => {
    const seen: [boolean | undefined, boolean | undefined][] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push([i.memberPermissions?.has(PermissionFlagsBits.ManageGuild), i.appPermissions.has(PermissionFlagsBits.SendMessages)]);
      await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    };

    await standIn.slash('whoami', {}, { member: 'member' }).reply();
    await standIn.slash('whoami', {}, { member: 'moderator' }).reply();

    expect(seen).toEqual([
      [false, true],
      [true, true],
    ]);
  });

  it('stores allowed_mentions and who a message actually pings', async () => {
    const member = standIn.guild().member.id;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: `<@${member}> quiet`, allowedMentions: { parse: [] } });
      await i.followUp({ content: `<@${member}> loud`, allowedMentions: { users: [member] } });
    };

    const handle = standIn.slash('mention');
    const quiet = await handle.reply();
    const loud = await handle.followUp();

    expect(quiet).toMatchObject({ allowedMentions: { parse: [] }, pings: { users: [], roles: [], everyone: false } });
    expect(mayPing(quiet.allowedMentions)).toBe(false);
    expect(loud.pings.users).toEqual([member]);
  });
});
