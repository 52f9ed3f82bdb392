import { type APIEmbed, type APIMessageTopLevelComponent, ComponentType, type JSONEncodable } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { limits } from '../../../src/content/limits.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import { answerId, roundAnswerId } from '../../../src/discord/quizIds.js';
import { leaderboardView } from '../../../src/discord/views/leaderboard.js';
import type { MessageView } from '../../../src/discord/views/parts.js';
import { bar, progressView } from '../../../src/discord/views/progress.js';
import { questionView, reportModal, reportsView, verdictView } from '../../../src/discord/views/quiz.js';
import { roundQuestionView, roundRevealView, roundSummaryView } from '../../../src/discord/views/round.js';
import { summarize } from '../../../src/quiz/progress.js';
import type { Report, Session } from '../../../src/quiz/records.js';

const OWNER = '200000000000000001';
let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

const session: Session = {
  v: 1,
  id: 'AbC-12_xYz9q',
  section: null,
  difficulty: null,
  asked: [],
  answered: true,
  right: 3,
  points: 60,
  startedAt: '2026-11-24T12:00:00.000Z',
};

type Row = { components: { custom_id?: string; label?: string }[] };
const rows = (view: MessageView) =>
  view.components.map((row) => ('toJSON' in row ? (row as JSONEncodable<APIMessageTopLevelComponent>).toJSON() : row) as unknown as Row);

function expectWithinLimits(view: MessageView) {
  expect(view.allowedMentions).toEqual({ parse: [] });
  expect((view.content ?? '').length).toBeLessThanOrEqual(limits.message);
  for (const embed of view.embeds as APIEmbed[]) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(limits.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(limits.embedDescription);
    for (const field of embed.fields ?? []) {
      expect(field.value.length).toBeLessThanOrEqual(limits.embedField);
      expect(field.value.length).toBeGreaterThan(0);
    }
    const total =
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(limits.embedTotal);
  }
  for (const row of rows(view)) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const component of row.components) {
      expect(component.custom_id?.length ?? 0).toBeLessThanOrEqual(100);
      expect(component.label?.length ?? 0).toBeLessThanOrEqual(limits.buttonLabel);
    }
  }
}

describe('quiz views on the real bundle', () => {
  it('fits every question, verdict and round message within Discord limits', () => {
    for (const question of content.bundle.questions) {
      const asked = { session: { ...session, asked: [question.id] }, question, n: 999, reason: 'review' as const };
      expectWithinLimits(questionView(content, asked, OWNER));
      for (const choice of question.choices.keys()) {
        expectWithinLimits(
          verdictView(
            content,
            { graded: { question, choice, correct: choice === question.answer, points: 30 }, n: 999, session, streak: 12 },
            OWNER,
          ),
        );
      }
      const round = { roundId: session.id, channel: '1', n: 10, total: 10, question, deadline: new Date() };
      expectWithinLimits(roundQuestionView(content, round));
      const crowd = Array.from({ length: 300 }, (_, i) => `${200000000000000000 + i}`);
      expectWithinLimits(roundRevealView(content, { ...round, counts: question.choices.map(() => 60), right: crowd, answered: 300 }));
    }
  });

  it('puts the owner in private answer buttons and nobody in round buttons', () => {
    const question = content.bundle.questions[0];
    if (!question) throw new Error('empty bundle');
    const view = questionView(content, { session: { ...session, asked: [question.id] }, question, n: 1, reason: 'new' }, OWNER);
    const ids = rows(view).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
    expect(ids.map((id) => answerId.decode(id))).toEqual(
      question.choices.map((_, choice) => ({ session: session.id, owner: OWNER, n: 1, choice })),
    );
    const round = roundQuestionView(content, { roundId: 'r1', channel: '1', n: 2, total: 5, question, deadline: new Date() });
    const roundIds = rows(round).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
    expect(roundAnswerId.decode(roundIds[0] ?? '')).toEqual({ round: 'r1', n: 2, choice: 0 });
    expect(roundIds.join()).not.toContain(OWNER);
  });

  it('lists many long reports without passing the limits', () => {
    const reports: Report[] = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      question: content.bundle.questions[i % 5]?.id ?? 'x',
      user: OWNER,
      reason: `Line one <@${OWNER}> @everyone\n${'x'.repeat(990)}`,
      at: '2026-11-24T12:00:00.000Z',
      version: '1.0.0',
      status: 'open',
    }));
    const view = reportsView(content, reports);
    expectWithinLimits(view);
    expect((view.embeds[0] as APIEmbed).description).toMatch(/more \(close some to see them\)$/);
    const menu = rows(view)[0]?.components[0] as unknown as { type: number; options: unknown[] };
    expect(menu.type).toBe(ComponentType.StringSelect);
    expect(menu.options).toHaveLength(25);
    expect(reportModal(content.bundle.questions[0], 'x').toJSON().title.length).toBeLessThanOrEqual(45);
  });

  it('shows progress with a bar per section, and the leaderboard and round summary', () => {
    const summary = summarize(
      undefined,
      content.bundle.sections.map((s) => s.id),
      content.bundle.questions,
      new Date(),
    );
    expectWithinLimits(progressView(content, summary, OWNER));
    expect(bar(0)).toBe('▱▱▱▱▱▱▱▱▱▱');
    expect(bar(0.34)).toBe('▰▰▰▱▱▱▱▱▱▱');
    expect(bar(1)).toBe('▰▰▰▰▰▰▰▰▰▰');
    const standing = (rank: number) => ({ user: `${200000000000000000 + rank}`, rank, points: 1000 - rank, correct: 9 });
    const board = {
      period: 'week' as const,
      week: '2026-W48',
      top: Array.from({ length: 10 }, (_, i) => standing(i + 1)),
      me: standing(42),
      ranked: 80,
    };
    expectWithinLimits(leaderboardView(board, OWNER));
    const standings = Array.from({ length: 40 }, (_, i) => ({ user: `${i}`, answered: 5, correct: 3, points: 50 }));
    expectWithinLimits(roundSummaryView({ roundId: 'r', channel: '1', asked: 3, total: 5, standings, endedEarly: 'restart' }));
  });
});
