import { AttachmentBuilder, ButtonStyle, ComponentType, DiscordAPIError, Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../testkit/index.js';
import { attachmentText } from '../../testkit/world/attachments.js';
import { connectClient } from './connectClient.js';

let standIn: StandIn | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await standIn?.close();
  standIn = undefined;
  stop = undefined;
});

async function setup() {
  standIn = await startStandIn({ clock: 'manual' });
  const client = await connectClient(standIn);
  stop = async () => {
    await client.destroy();
  };
  return { standIn, client };
}

const button = {
  type: ComponentType.ActionRow,
  components: [{ type: ComponentType.Button, custom_id: 'dm:go', label: 'Go', style: ButtonStyle.Primary }],
} as const;

describe('stand-in direct messages', () => {
  it('opens one DM channel per user and keeps what the bot posts there, files included', async () => {
    const { standIn, client } = await setup();
    const member = standIn.guild().member;
    const dm = await client.users.createDM(member.id);
    expect((await client.users.createDM(member.id, { force: true })).id).toBe(dm.id);
    await dm.send({ content: 'Reviews are due', files: [new AttachmentBuilder(Buffer.from('a,b\r\n1,2\r\n'), { name: 'x.csv' })] });
    const [message] = standIn.dms('member');
    expect(message?.content).toBe('Reviews are due');
    expect(message && attachmentText(message, 'x.csv')).toBe('a,b\r\n1,2\r\n');
    expect(standIn.dms('moderator')).toEqual([]);
  });

  it('answers 403 50007 to a DM for a member who closed DMs, as a refusal, not a bot bug', async () => {
    const { standIn, client } = await setup();
    standIn.closeDms('member');
    const dm = await client.users.createDM(standIn.guild().member.id);
    const error = await dm.send('hello').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50007);
    expect(standIn.rejections).toEqual([]);
    standIn.openDms('member');
    await dm.send('hello again');
    expect(standIn.dms().map((m) => m.content)).toEqual(['hello again']);
  });

  it('delivers a click on a DM message as a DM interaction that the bot can answer in the DM', async () => {
    const { standIn, client } = await setup();
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isButton()) return;
      void interaction.reply({ content: `in guild: ${interaction.inGuild()}, by ${interaction.user.id}`, allowedMentions: { parse: [] } });
    });
    const dm = await client.users.createDM(standIn.guild().member.id);
    await dm.send({ content: 'Start?', components: [button] });
    const [prompt] = standIn.dms();
    if (!prompt) throw new Error('no DM');
    const reply = await standIn.clickInDm(prompt, 'dm:go').reply();
    expect(reply.content).toBe(`in guild: false, by ${standIn.guild().member.id}`);
    expect(reply.channelId).toBe(prompt.channelId);
    expect(standIn.dms().map((m) => m.content)).toEqual(['Start?', reply.content]);
  });
});
