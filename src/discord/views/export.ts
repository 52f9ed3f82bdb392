import { AttachmentBuilder } from 'discord.js';
import type { ExportFile } from '../../quiz/export.js';
import { HISTORY_KEPT } from '../../quiz/records.js';
import { noMentions } from '../reply.js';
import { BRAND_COLOUR } from './parts.js';

const descriptions: Readonly<Record<string, string>> = {
  'scratchpad-answers.csv': 'Your answers, oldest first',
  'scratchpad-misses.csv': 'Questions you missed, with your most-chosen wrong answer',
  'scratchpad-anki.tsv': 'Your missed questions as Anki cards',
};

/** `/progress export`: the files as attachments and what each one is. */
export function exportView(files: readonly ExportFile[], answers: number) {
  return {
    embeds: [
      {
        title: 'Your quiz data',
        color: BRAND_COLOUR,
        description:
          `**scratchpad-answers.csv**: your last ${answers} answer${answers === 1 ? '' : 's'} (up to ${HISTORY_KEPT} are kept), ` +
          'with the question, your answer, the right one, the explanation and the sources.\n' +
          '**scratchpad-misses.csv**: every question you have missed, still in review or not.\n' +
          '**scratchpad-anki.tsv**: your missed questions as cards. In Anki: File › Import, pick the file; ' +
          'it sets up the Basic note type, a Scratchpad deck and tags by section.',
      },
    ],
    files: files.map(
      (file) =>
        new AttachmentBuilder(Buffer.from(file.text, 'utf8'), { name: file.name, description: descriptions[file.name] ?? file.name }),
    ),
    allowedMentions: noMentions,
  };
}
