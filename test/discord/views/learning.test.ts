import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import type { Question } from '../../../src/content/schema.js';
import { CUSTOM_ID_MAX } from '../../../src/discord/customId.js';
import { exportView } from '../../../src/discord/views/export.js';
import { progressView } from '../../../src/discord/views/progress.js';
import { remindersView } from '../../../src/discord/views/reminders.js';
import {
  nothingDueView,
  reminderView,
  reviewQuestionView,
  reviewSummaryView,
  reviewVerdictView,
} from '../../../src/discord/views/review.js';
import { STATS_CHART, statsView } from '../../../src/discord/views/stats.js';
import { grade } from '../../../src/quiz/grade.js';
import { insightsOf } from '../../../src/quiz/insights.js';
import { applyAnswer, summarize } from '../../../src/quiz/progress.js';
import { emptyProgress, type Progress, type Report } from '../../../src/quiz/records.js';
import type { ReviewSession } from '../../../src/quiz/review.js';
import { groupStats } from '../../../src/quiz/stats.js';
import { componentsOf, expectFits } from './fits.js';

const GUILD = '10000000000000000001';
const OWNER = '20000000000000000001';
let content: Content;
let longest: Question[];
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
  longest = [...content.bundle.questions].sort(
    (a, b) => b.question.length + b.explanation.length - (a.question.length + a.explanation.length),
  );
});

const session = (queue: readonly string[]): ReviewSession => ({
  v: 1,
  id: 'AbC-12_xYz9q1234',
  queue: [...queue],
  shown: 999,
  answered: true,
  attempts: {},
  startedAt: '2026-11-24T12:00:00.000Z',
});

/** A member who missed every question twice, at the given instant. */
function heavyMember(at: Date): Progress {
  return content.bundle.questions.reduce<Progress>((p, q, i) => {
    const wrong = (q.answer + 1) % q.choices.length;
    const once = applyAnswer(p, { id: `a${i}`, question: q, choice: wrong, at, version: '1' }).progress;
    return applyAnswer(once, { id: `b${i}`, question: q, choice: wrong, at, version: '1' }).progress;
  }, emptyProgress());
}

describe('learning-loop views fit Discord and ping nobody', () => {
  it('review question, verdict, summary and nothing-due, with custom_ids under 100 characters', () => {
    const [q] = longest;
    if (!q) throw new Error('no questions');
    const asked = { session: session([q.id]), question: q, n: 999, again: true, left: 10 };
    const question = reviewQuestionView(content, GUILD, asked, OWNER);
    expectFits(question);
    for (const part of componentsOf(question)) expect(part.custom_id?.length ?? 0).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    const verdict = { graded: grade(q, 1), session: session([q.id]), n: 999, counted: false, willReturn: true };
    expectFits(reviewVerdictView(content, GUILD, verdict, OWNER));
    const outcomes = longest.slice(0, 10).map((x, i) => ({
      question: x.id,
      boxBefore: 1,
      boxAfter: i % 2,
      firstCorrect: i % 3 === 0,
      tries: 4,
      conquered: i % 3 !== 2,
    }));
    const summary = {
      outcomes,
      movedUp: outcomes.filter((o) => o.firstCorrect),
      conquered: outcomes.filter((o) => !o.firstCorrect && o.conquered),
      firstTryRight: 4,
    };
    expectFits(reviewSummaryView(content, summary, 'finished'));
    expectFits(nothingDueView(new Date()));
    expectFits(nothingDueView(undefined));
    expectFits(reminderView('x'.repeat(100), GUILD, OWNER, 150));
  });

  it('/progress show with insights, reminders and export', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const progress = heavyMember(now);
    const sections = content.bundle.sections.map((s) => s.id);
    const insights = insightsOf(progress, sections, content.bundle.questions, now);
    expect(insights.hardest).toHaveLength(5);
    expectFits(progressView(content, summarize(progress, sections, content.bundle.questions, now), OWNER, insights));
    const settings = {
      v: 1 as const,
      enabled: true,
      threshold: 50,
      time: '06:00',
      quiet: { from: '22:00', to: '07:30' },
      dmsClosed: false,
      noticePending: false,
      lastSentDay: null,
      lastSlot: null,
      updatedAt: now.toISOString(),
    };
    expectFits(remindersView({ settings, zone: 'America/Argentina/ComodRivadavia', next: now }, 'UTC'));
    expectFits(remindersView(undefined, 'UTC'));
    const view = exportView([{ name: 'scratchpad-answers.csv', text: 'a' }], 300);
    expectFits({ ...view, components: [] });
  });

  it('/quiz stats with every question missed, claim cards and many open reports', async () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const members = [heavyMember(now), heavyMember(new Date(now.getTime() - 20 * 86_400_000))];
    const reports: Report[] = Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      question: longest[i % longest.length]?.id ?? 'q',
      user: OWNER,
      reason: 'r'.repeat(1000),
      at: now.toISOString(),
      version: '1',
      status: 'open',
    }));
    const stats = groupStats(content, members, reports, now, () => content.bundle.claims[0] ?? null);
    const view = await statsView(content, stats);
    expectFits({ ...view, components: [] });
    expect(view.files.map((f) => f.name)).toEqual([STATS_CHART]);
  });
});
