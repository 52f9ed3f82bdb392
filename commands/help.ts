import { defineCommand } from '../src/discord/command.js';
import { helpView } from '../src/discord/views/help.js';

export default defineCommand({
  data: { name: 'help', description: 'What Scratchpad does, its commands and what the study bundle covers' },
  run: (ctx, interaction) => interaction.reply(helpView(ctx.content, ctx.catalog)),
});
