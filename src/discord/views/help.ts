import { type APIEmbed, type InteractionReplyOptions, MessageFlags } from 'discord.js';
import type { Content } from '../../content/content.js';
import type { CommandSummary } from '../catalog.js';
import { noMentions, truncate } from '../reply.js';
import { BRAND_COLOUR, fitLines } from './parts.js';

const FIELD_MAX = 1024;

/** Whole lines packed into embed fields of at most 1024 characters, so no command is cut off. */
function commandFields(commands: readonly CommandSummary[]): APIEmbed['fields'] {
  const chunks: string[][] = [[]];
  let length = 0;
  for (const command of commands) {
    const line = truncate(`\`${command.usage}\` ${command.description}`, FIELD_MAX);
    if (length + line.length + 1 > FIELD_MAX) {
      chunks.push([]);
      length = 0;
    }
    chunks.at(-1)?.push(line);
    length += line.length + 1;
  }
  return chunks.map((lines, index) => ({ name: index === 0 ? 'Commands' : 'More commands', value: lines.join('\n') }));
}

export function helpView(content: Content, commands: readonly CommandSummary[]): InteractionReplyOptions {
  const { info, sections } = content.bundle;
  const embed: APIEmbed = {
    title: 'Scratchpad: study the alignment-faking debate',
    color: BRAND_COLOUR,
    description:
      'In December 2024 Anthropic and Redwood Research reported that Claude 3 Opus sometimes complied with a new training goal while reasoning, in a hidden scratchpad, about protecting its existing values. ' +
      'Scratchpad helps a study group work through that experiment, why it looks like deceptive alignment, and the objections to that reading: read sections, look up sources, check claims, quiz yourselves, and discuss a prompt each week: take a stance on it privately and see how the group moved when the round closes.',
    fields: [
      ...(commandFields(commands) ?? []),
      {
        name: 'What the bundle covers',
        value: fitLines(
          sections.map((section) => `${section.order}. ${section.title}`),
          1024,
        ),
      },
    ],
    footer: { text: `Content bundle v${info.version} · updated ${info.updated}` },
  };
  return { embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: noMentions };
}
