import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { helpView } from '../src/discord/views/help.js';

export default defineCommand({
  data: new SlashCommandBuilder().setName('help').setDescription('What Scratchpad does, its commands and what the study bundle covers'),
  execute: (ctx, interaction) => interaction.reply(helpView(ctx.content, ctx.catalog)),
});
