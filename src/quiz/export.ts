/**
 * A member's quiz data as files: answers and misses as CSV for a spreadsheet, missed questions as a TSV that
 * Anki imports as cards. csv-stringify (from the `csv` project: small, no dependencies, maintained since 2010)
 * does the RFC 4180 quoting and line endings rather than hand-written escaping, which is where CSV exports break.
 */
import { stringify } from 'csv-stringify/sync';
import type { Content } from '../content/content.js';
import type { Question } from '../content/schema.js';
import type { LoggedAnswer, Progress, QuestionHistory } from './records.js';

export interface ExportFile {
  readonly name: string;
  readonly text: string;
}

const letter = (choice: number) => String.fromCharCode(65 + choice);
const choiceText = (question: Question, choice: number | null) =>
  choice === null ? '' : `${letter(choice)}. ${question.choices[choice] ?? '(choice no longer in the bundle)'}`;
const sourceUrls = (content: Content, question: Question) => question.sources.flatMap((id) => content.sources.get(id)?.url ?? []).join(' ');
const GONE = '(no longer in the study bundle)';

/** RFC 4180: comma, CRLF, quotes doubled; a byte-order mark so spreadsheet programs read the text as UTF-8. */
const csv = (header: readonly string[], rows: readonly (readonly unknown[])[]) =>
  stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });

export const ANSWERS_HEADER = [
  'answered_at',
  'section',
  'question_id',
  'question',
  'your_answer',
  'correct_answer',
  'result',
  'explanation',
  'sources',
] as const;

/** Every kept answer, oldest first (`historyOf`: the latest HISTORY_KEPT). */
export function answersCsv(content: Content, answers: readonly LoggedAnswer[]): string {
  const rows = answers.map((answer) => {
    const question = content.questions.get(answer.question);
    const result = answer.correct ? 'right' : 'wrong';
    if (!question) return [answer.at, '', answer.question, GONE, '', '', result, '', ''];
    return [
      answer.at,
      content.sections.get(question.section)?.title ?? question.section,
      question.id,
      question.question,
      choiceText(question, answer.choice),
      choiceText(question, question.answer),
      result,
      question.explanation,
      sourceUrls(content, question),
    ];
  });
  return csv(ANSWERS_HEADER, rows);
}

export const MISSES_HEADER = [
  'question_id',
  'section',
  'question',
  'your_most_chosen_wrong_answer',
  'correct_answer',
  'times_missed',
  'times_seen',
  'still_in_review',
  'next_review',
  'explanation',
  'sources',
] as const;

/** The wrong choice a member picked most often (ties: the lower letter). */
export function mostChosenWrong(entry: Pick<QuestionHistory, 'wrongChoices'>): number | null {
  const ranked = Object.entries(entry.wrongChoices).sort(([a, x], [b, y]) => y - x || Number(a) - Number(b));
  return ranked[0] ? Number(ranked[0][0]) : null;
}

/** Questions of the current bundle the member has missed at least once, still under review first. */
export function missedQuestions(content: Content, progress: Progress): { question: Question; entry: QuestionHistory }[] {
  return content.bundle.questions
    .flatMap((question) => {
      const entry = progress.questions[question.id];
      return entry && entry.right < entry.seen ? [{ question, entry }] : [];
    })
    .sort((a, b) => Number(b.entry.box > 0) - Number(a.entry.box > 0) || b.entry.seen - b.entry.right - (a.entry.seen - a.entry.right));
}

export function missesCsv(content: Content, progress: Progress): string {
  const rows = missedQuestions(content, progress).map(({ question, entry }) => [
    question.id,
    content.sections.get(question.section)?.title ?? question.section,
    question.question,
    choiceText(question, mostChosenWrong(entry) ?? (entry.lastCorrect ? null : entry.lastChoice)),
    choiceText(question, question.answer),
    entry.seen - entry.right,
    entry.seen,
    entry.box > 0 ? 'yes' : 'no',
    entry.due ?? '',
    question.explanation,
    sourceUrls(content, question),
  ]);
  return csv(MISSES_HEADER, rows);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\s+/g, ' ');

function ankiFront(question: Question): string {
  const choices = question.choices.map((text, choice) => `${letter(choice)}. ${escapeHtml(text)}`).join('<br>');
  return `${escapeHtml(question.question)}<br><br>${choices}`;
}

function ankiBack(content: Content, question: Question): string {
  const links = question.sources.flatMap((id) => {
    const source = content.sources.get(id);
    // Single-quoted attribute: a double quote anywhere would make the TSV writer quote the whole field.
    return source ? [`<a href='${escapeHtml(source.url).replace(/'/g, '%27')}'>${escapeHtml(source.title)}</a>`] : [];
  });
  return `<b>${escapeHtml(choiceText(question, question.answer))}</b><br><br>${escapeHtml(question.explanation)}<br><br>${links.join('<br>')}`;
}

/** The fields of each Anki note, in order (README: "Export"). */
export const ANKI_COLUMNS = ['Front', 'Back', 'Tags'] as const;

/**
 * Anki's text import with its file headers (Anki 2.1.55+): tab-separated, HTML fields, the Basic note type,
 * a Scratchpad deck and the third column as tags. Fields hold no tab or newline, so no row needs quoting.
 */
export function ankiTsv(content: Content, progress: Progress): string {
  const headers = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    '#deck:Scratchpad',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    '#tags column:3',
  ];
  const rows = missedQuestions(content, progress).map(({ question }) => [
    ankiFront(question),
    ankiBack(content, question),
    `scratchpad scratchpad::${question.section}`,
  ]);
  return `${headers.join('\n')}\n${stringify(rows, { delimiter: '\t', record_delimiter: 'unix' })}`;
}

/** The three files of `/progress export`. */
export function exportFiles(content: Content, progress: Progress, answers: readonly LoggedAnswer[]): ExportFile[] {
  return [
    { name: 'scratchpad-answers.csv', text: answersCsv(content, answers) },
    { name: 'scratchpad-misses.csv', text: missesCsv(content, progress) },
    { name: 'scratchpad-anki.tsv', text: ankiTsv(content, progress) },
  ];
}
