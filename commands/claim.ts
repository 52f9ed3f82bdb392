import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Content } from '../src/content/content.js';
import { asApiJson } from '../src/discord/apiJson.js';
import { defineCommand, select } from '../src/discord/command.js';
import { Expired } from '../src/discord/errors.js';
import { ephemeral } from '../src/discord/reply.js';
import { openClaimId } from '../src/discord/studyIds.js';
import { CLAIM_TEXT, claimCardView, claimLengthMessage, claimReply } from '../src/discord/views/claim.js';
import type { MessageView } from '../src/discord/views/parts.js';
import { plainUserText } from '../src/discord/views/userText.js';

// No min/max length on the option: the bot explains the limits itself, in words, for text Discord lets through.
const data = {
  name: 'claim',
  description: 'Check something someone said against the claim cards of the study bundle',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'What someone said, in a sentence', required: true },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer (default: the channel sees it)' },
  ],
} as const;

/** Each check runs a search over every claim card: one per member every few seconds. */
export const CLAIM_COOLDOWN_SECONDS = 5;

/**
 * Replies by the exact text checked, per bundle: a sentence asked again (its decision is cached too) gets the reply
 * already built. Building the card embed and escaping the member's words was a third of a repeated check's CPU.
 */
const builtReplies = new WeakMap<Content, LRUCache<string, MessageView>>();

function replyFor(content: Content, text: string): MessageView {
  let replies = builtReplies.get(content);
  if (replies === undefined) {
    replies = new LRUCache<string, MessageView>({ max: 500 });
    builtReplies.set(content, replies);
  }
  let view = replies.get(text);
  if (view === undefined) {
    view = asApiJson(claimReply(content, content.findClaim(text)));
    replies.set(text, view);
  }
  return view;
}

export default defineCommand({
  data,
  cooldown: CLAIM_COOLDOWN_SECONDS,
  run: async (ctx, interaction, args) => {
    const text = plainUserText(args.text);
    if (text.length < CLAIM_TEXT.min || text.length > CLAIM_TEXT.max) return interaction.reply(ephemeral(claimLengthMessage(text.length)));
    const visible = args.private ? MessageFlags.Ephemeral : undefined;
    // The first check in a process builds the claim engine: Discord's 3-second window is answered before that.
    if (!ctx.content.claimsReady) {
      await interaction.deferReply({ flags: visible });
      await ctx.content.prepareClaims();
    }
    const view = replyFor(ctx.content, text);
    return interaction.deferred ? interaction.editReply(view) : interaction.reply({ ...view, flags: visible });
  },
  components: [
    select(openClaimId, async (ctx, interaction) => {
      const claim = ctx.content.claims.get(interaction.values[0] ?? '');
      if (!claim) throw new Expired('no such claim');
      return interaction.reply({ ...claimCardView(ctx.content, claim), flags: MessageFlags.Ephemeral });
    }),
  ],
});
