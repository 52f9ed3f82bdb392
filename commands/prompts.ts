import { ChannelType, MessageFlags, ApplicationCommandOptionType as Option, PermissionFlagsBits } from 'discord.js';
import { missingBotPermissions } from '../src/discord/channelPermissions.js';
import { defineCommand, type SlashInteraction, type SubcommandArgs } from '../src/discord/command.js';
import { Refusal } from '../src/discord/errors.js';
import type { CommandData } from '../src/discord/options.js';
import { promptPermissions } from '../src/discord/promptPoster.js';
import { suggestComponents, suggestSubcommands } from '../src/discord/promptSuggestions.js';
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
import { stanceSettingsText } from '../src/discord/views/stance.js';
import { zoneChoices, zoneFrom } from '../src/discord/zoneOption.js';
import { parseClockTime, WEEKDAYS } from '../src/prompts/slots.js';
import type { Services } from '../src/services.js';

const DEFAULTS = { weekday: 1, time: '17:00', timezone: 'UTC', thread: true } as const;

const data = {
  name: 'prompts',
  description: 'Weekly discussion prompts: suggest one; moderators schedule them and review suggestions',
  options: [
    {
      type: Option.Subcommand,
      name: 'setup',
      description: 'Choose the channel, day, time and time zone of the weekly prompt',
      options: [
        {
          type: Option.Channel,
          name: 'channel',
          description: 'Text channel to post in',
          required: true,
          channel_types: [ChannelType.GuildText],
        },
        {
          type: Option.Integer,
          name: 'day',
          description: 'Day of the week (default Monday)',
          choices: WEEKDAYS.map((name, index) => ({ name, value: index + 1 })),
        },
        { type: Option.String, name: 'time', description: 'Time of day, 24-hour HH:mm (default 17:00)', min_length: 1, max_length: 8 },
        {
          type: Option.String,
          name: 'timezone',
          description: 'IANA time zone such as Europe/Berlin (default UTC)',
          autocomplete: true,
          max_length: 64,
        },
        { type: Option.Boolean, name: 'thread', description: 'Open a discussion thread on each post (default on)' },
      ],
    },
    { type: Option.Subcommand, name: 'status', description: 'Channel, schedule, next and last post, rotation and the last error' },
    { type: Option.Subcommand, name: 'post-now', description: 'Post the next prompt now; the weekly schedule stays as it is' },
    { type: Option.Subcommand, name: 'skip', description: 'Skip the next prompt in the rotation' },
    { type: Option.Subcommand, name: 'pause', description: 'Pause the weekly posts' },
    { type: Option.Subcommand, name: 'resume', description: 'Resume the weekly posts from the next slot' },
    { type: Option.Subcommand, name: 'off', description: 'Turn the weekly posts off (settings are kept)' },
    { type: Option.Subcommand, name: 'suggest', description: 'Suggest a discussion prompt, with a stance question if you like' },
    { type: Option.Subcommand, name: 'suggestions', description: 'Review members’ suggested prompts (Manage Server)' },
    {
      type: Option.Subcommand,
      name: 'stances',
      description: 'Stance questions on the weekly posts: on or off, and how long a round stays open (Manage Server)',
      options: [
        { type: Option.Boolean, name: 'enabled', description: 'Show stance buttons on the weekly posts', required: true },
        {
          type: Option.Integer,
          name: 'days',
          description: 'Days a round stays open; 0 closes it at the next post (the default)',
          min_value: 0,
          max_value: 14,
        },
      ],
    },
  ],
} as const satisfies CommandData;
type SetupArgs = SubcommandArgs<typeof data, 'setup'>;

const reply = (interaction: SlashInteraction, view: PromptsView) => interaction.reply({ ...view, flags: MessageFlags.Ephemeral });

function parseTime(input: string): string {
  const time = parseClockTime(input);
  if (!time) throw new Refusal(`“${input}” is not a time of day. Use 24-hour HH:mm, such as 17:00 or 09:30.`);
  return time;
}

async function setup(ctx: Services, interaction: SlashInteraction, args: SetupArgs) {
  const time = parseTime(args.time ?? DEFAULTS.time);
  const timezone = zoneFrom(args.timezone ?? DEFAULTS.timezone);
  const thread = args.thread ?? DEFAULTS.thread;
  const channelId = args.channel.id;
  const missing = await missingBotPermissions(interaction.client, interaction.guildId, channelId, promptPermissions(thread));
  if (!missing) throw new Refusal('I cannot see that channel. Check that Scratchpad can view it, then try again.');
  if (missing.length > 0) throw new Refusal(missingPermissionsText(channelId, missing));
  const weekday = args.day ?? DEFAULTS.weekday;
  const { record, nextPost } = await ctx.prompts.setup(interaction.guildId, { channelId, weekday, time, timezone, thread });
  return reply(interaction, setupDoneView(record, nextPost));
}

async function status(ctx: Services, interaction: SlashInteraction) {
  const { guildId } = interaction;
  const found = await ctx.prompts.status(guildId);
  return reply(interaction, found ? statusView(guildId, found, ctx.clock.now()) : notice(NOT_SET_UP));
}

async function postNow(ctx: Services, interaction: SlashInteraction) {
  const { guildId } = interaction;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const delivery = await ctx.prompts.postNow(guildId);
  const status = delivery && (await ctx.prompts.status(guildId));
  if (!delivery || !status) return interaction.editReply(notice(NOT_SET_UP));
  const { record, lastPrompt } = status;
  const title = delivery.promptId === undefined ? undefined : lastPrompt?.title;
  return interaction.editReply(postNowView(guildId, record.channelId, delivery, title));
}

async function skip(ctx: Services, interaction: SlashInteraction) {
  const skipped = await ctx.prompts.skip(interaction.guildId);
  if (!skipped) return reply(interaction, notice(NOT_SET_UP));
  return reply(interaction, skippedView(skipped.skipped.title, skipped.next?.title));
}

const change = (action: 'pause' | 'resume' | 'off') => async (ctx: Services, interaction: SlashInteraction) => {
  const changed = await ctx.prompts[action](interaction.guildId);
  if (!changed) return reply(interaction, notice(NOT_SET_UP));
  return reply(interaction, changedView(action, changed.before, changed.after, changed.nextPost));
};

async function stances(ctx: Services, interaction: SlashInteraction, args: SubcommandArgs<typeof data, 'stances'>) {
  const days = args.days === null ? undefined : args.days || null;
  const settings = await ctx.stances.configure(interaction.guildId, { enabled: args.enabled, ...(days === undefined ? {} : { days }) });
  return reply(interaction, notice(stanceSettingsText(settings)));
}

// Discord hides whole commands only: /prompts stays visible so members can suggest; the rest is checked at run time.
const MODERATOR = { requires: PermissionFlagsBits.ManageGuild };

export default defineCommand({
  data,
  subcommands: {
    setup: { ...MODERATOR, run: setup },
    status: { ...MODERATOR, run: status },
    'post-now': { ...MODERATOR, run: postNow },
    skip: { ...MODERATOR, run: skip },
    pause: { ...MODERATOR, run: change('pause') },
    resume: { ...MODERATOR, run: change('resume') },
    off: { ...MODERATOR, run: change('off') },
    ...suggestSubcommands,
    stances: { ...MODERATOR, run: stances },
  },
  components: suggestComponents,
  async autocomplete(_ctx, interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'timezone') return interaction.respond([]);
    return interaction.respond(zoneChoices(focused.value));
  },
});
