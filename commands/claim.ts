import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { defineCommand, on } from '../src/discord/command.js';
import { ephemeral } from '../src/discord/reply.js';
import { EXPIRED } from '../src/discord/router.js';
import { openClaimId } from '../src/discord/studyIds.js';
import { CLAIM_TEXT, claimCardView, claimLengthMessage, claimView, notCoveredView } from '../src/discord/views/claim.js';

// No min/max length on the option: the bot explains the limits itself, in words, for text Discord lets through.
const data = new SlashCommandBuilder()
  .setName('claim')
  .setDescription('Check something someone said against the claim cards of the study bundle')
  .addStringOption((option) => option.setName('text').setDescription('What someone said, in a sentence').setRequired(true))
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer (default: the channel sees it)'));

/** Each check runs a search over every claim card: one per member every few seconds. */
export const CLAIM_COOLDOWN_SECONDS = 5;

export default defineCommand({
  data,
  cooldownSeconds: CLAIM_COOLDOWN_SECONDS,
  execute: async (ctx, interaction) => {
    const text = interaction.options.getString('text', true).trim();
    if (text.length < CLAIM_TEXT.min || text.length > CLAIM_TEXT.max) return interaction.reply(ephemeral(claimLengthMessage(text.length)));
    const decision = ctx.content.findClaim(text);
    const view = decision.match ? claimView(ctx.content, { ...decision, match: decision.match }) : notCoveredView(decision);
    const visible = interaction.options.getBoolean('private') ? MessageFlags.Ephemeral : undefined;
    return interaction.reply({ ...view, flags: visible });
  },
  components: [
    on(openClaimId, async (ctx, interaction) => {
      const claim = interaction.isStringSelectMenu() ? ctx.content.claims.get(interaction.values[0] ?? '') : undefined;
      if (!claim) return interaction.reply(ephemeral(EXPIRED));
      return interaction.reply({ ...claimCardView(ctx.content, claim), flags: MessageFlags.Ephemeral });
    }),
  ],
});
