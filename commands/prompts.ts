import {
  ChannelType,
  type ChatInputCommandInteraction,
  type GuildBasedChannel,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { missingBotPermissions, promptPermissions } from '../src/discord/promptPoster.js';
import {
  changedView,
  missingPermissionsText,
  NOT_SET_UP,
  notice,
  type PromptsView,
  postNowView,
  setupDoneView,
  skippedView,
  statusView,
} from '../src/discord/views/prompts.js';
import { canonicalZone, parseClockTime, suggestZones, WEEKDAYS } from '../src/prompts/slots.js';
import type { Services } from '../src/services.js';

const DEFAULTS = { weekday: 1, time: '17:00', timezone: 'UTC', thread: true } as const;

const data = new SlashCommandBuilder()
  .setName('prompts')
  .setDescription('A weekly discussion prompt posted to a channel, with a thread (Manage Server)')
  .addSubcommand((sub) =>
    sub
      .setName('setup')
      .setDescription('Choose the channel, day, time and time zone of the weekly prompt')
      .addChannelOption((option) =>
        option.setName('channel').setDescription('Text channel to post in').addChannelTypes(ChannelType.GuildText).setRequired(true),
      )
      .addIntegerOption((option) =>
        option
          .setName('day')
          .setDescription('Day of the week (default Monday)')
          .addChoices(WEEKDAYS.map((name, index) => ({ name, value: index + 1 }))),
      )
      .addStringOption((option) =>
        option.setName('time').setDescription('Time of day, 24-hour HH:mm (default 17:00)').setMinLength(1).setMaxLength(8),
      )
      .addStringOption((option) =>
        option
          .setName('timezone')
          .setDescription('IANA time zone such as Europe/Berlin (default UTC)')
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .addBooleanOption((option) => option.setName('thread').setDescription('Open a discussion thread on each post (default on)')),
  )
  .addSubcommand((sub) => sub.setName('status').setDescription('Channel, schedule, next and last post, rotation and the last error'))
  .addSubcommand((sub) => sub.setName('post-now').setDescription('Post the next prompt now; the weekly schedule stays as it is'))
  .addSubcommand((sub) => sub.setName('skip').setDescription('Skip the next prompt in the rotation'))
  .addSubcommand((sub) => sub.setName('pause').setDescription('Pause the weekly posts'))
  .addSubcommand((sub) => sub.setName('resume').setDescription('Resume the weekly posts from the next slot'))
  .addSubcommand((sub) => sub.setName('off').setDescription('Turn the weekly posts off (settings are kept)'));

const reply = (interaction: ChatInputCommandInteraction, view: PromptsView) =>
  interaction.reply({ ...view, flags: MessageFlags.Ephemeral });

function guildOf(interaction: ChatInputCommandInteraction): string {
  if (!interaction.guildId) throw new UserFacingError('Scratchpad works inside a server.');
  return interaction.guildId;
}

function timeOption(interaction: ChatInputCommandInteraction): string {
  const input = interaction.options.getString('time') ?? DEFAULTS.time;
  const time = parseClockTime(input);
  if (!time) throw new UserFacingError(`“${input}” is not a time of day. Use 24-hour HH:mm, such as 17:00 or 09:30.`);
  return time;
}

function zoneOption(interaction: ChatInputCommandInteraction): string {
  const input = interaction.options.getString('timezone') ?? DEFAULTS.timezone;
  const zone = canonicalZone(input);
  if (zone) return zone;
  const close = suggestZones(input, 3);
  const hint = close.length > 0 ? ` Did you mean ${close.map((name) => `\`${name}\``).join(', ')}?` : '';
  throw new UserFacingError(`“${input}” is not an IANA time zone.${hint} Pick one from the list as you type, such as \`Europe/Berlin\`.`);
}

async function channelOption(interaction: ChatInputCommandInteraction): Promise<GuildBasedChannel> {
  const chosen = interaction.options.getChannel('channel', true, [ChannelType.GuildText]);
  const channel = interaction.guild?.channels.cache.get(chosen.id) ?? (await interaction.guild?.channels.fetch(chosen.id));
  if (!channel) throw new UserFacingError('I cannot see that channel. Check that Scratchpad can view it, then try again.');
  return channel;
}

async function setup(ctx: Services, interaction: ChatInputCommandInteraction) {
  const guildId = guildOf(interaction);
  const time = timeOption(interaction);
  const timezone = zoneOption(interaction);
  const thread = interaction.options.getBoolean('thread') ?? DEFAULTS.thread;
  const channel = await channelOption(interaction);
  const missing = await missingBotPermissions(channel, promptPermissions(thread));
  if (missing.length > 0) throw new UserFacingError(missingPermissionsText(channel.id, missing));
  const weekday = interaction.options.getInteger('day') ?? DEFAULTS.weekday;
  // Discord offers only the seven choices; any other number must not reach the stored schedule.
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new UserFacingError('Pick a day of the week from the list.');
  const { record, nextPost } = await ctx.prompts.setup(guildId, { channelId: channel.id, weekday, time, timezone, thread });
  return reply(interaction, setupDoneView(record, nextPost));
}

async function status(ctx: Services, interaction: ChatInputCommandInteraction) {
  const guildId = guildOf(interaction);
  const found = await ctx.prompts.status(guildId);
  return reply(interaction, found ? statusView(guildId, found, ctx.clock.now()) : notice(NOT_SET_UP));
}

async function postNow(ctx: Services, interaction: ChatInputCommandInteraction) {
  const guildId = guildOf(interaction);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const delivery = await ctx.prompts.postNow(guildId);
  const record = delivery && (await ctx.prompts.status(guildId))?.record;
  if (!delivery || !record) return interaction.editReply(notice(NOT_SET_UP));
  const title = delivery.promptId === undefined ? undefined : ctx.content.prompts.get(delivery.promptId)?.title;
  return interaction.editReply(postNowView(guildId, record.channelId, delivery, title));
}

async function skip(ctx: Services, interaction: ChatInputCommandInteraction) {
  const skipped = await ctx.prompts.skip(guildOf(interaction));
  if (!skipped) return reply(interaction, notice(NOT_SET_UP));
  return reply(interaction, skippedView(skipped.skipped.title, skipped.next?.title));
}

async function change(ctx: Services, interaction: ChatInputCommandInteraction, action: 'pause' | 'resume' | 'off') {
  const changed = await ctx.prompts[action](guildOf(interaction));
  if (!changed) return reply(interaction, notice(NOT_SET_UP));
  return reply(interaction, changedView(action, changed.before, changed.after, changed.nextPost));
}

export default defineCommand({
  data,
  requires: PermissionFlagsBits.ManageGuild,
  execute(ctx, interaction) {
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'setup') return setup(ctx, interaction);
    if (sub === 'status') return status(ctx, interaction);
    if (sub === 'post-now') return postNow(ctx, interaction);
    if (sub === 'skip') return skip(ctx, interaction);
    if (sub === 'pause' || sub === 'resume' || sub === 'off') return change(ctx, interaction, sub);
    return reply(interaction, notice('This subcommand no longer exists. Run `/prompts status`.'));
  },
  async autocomplete(_ctx, interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'timezone') return interaction.respond([]);
    return interaction.respond(suggestZones(focused.value).map((zone) => ({ name: zone, value: zone })));
  },
});
