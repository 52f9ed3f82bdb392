import { describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import { promptPostView } from '../../../src/discord/views/prompts.js';
import { ballotView, historyView, revealView, reviewView, takenText, trendView } from '../../../src/discord/views/stance.js';
import type { StanceRound } from '../../../src/stances/records.js';
import { historyOf, revealOf, trendOf } from '../../../src/stances/reveal.js';
import { promptOf, type Suggestion } from '../../../src/stances/suggestions.js';
import { expectFits } from './fits.js';

const content = new Content(await loadBundleOrThrow('content'));
const AUTHOR = '600000000000000001';
const sneaky = '@everyone **look** <@123456789012345678>';
const longest = (char: string, length: number) => char.repeat(length);

/** A round on a member's suggestion written to the limits, with mentions and markdown in every text. */
function memberRound(members: number): StanceRound {
  const labels = Array.from({ length: 5 }, (_, n) => `${sneaky} ${n}`.padEnd(80, 'x'));
  const at = '2026-03-02T17:00:00.000Z';
  return {
    v: 1,
    guild: '100000000000000001',
    channelId: '200000000000000001',
    messageId: '300000000000000001',
    threadId: '400000000000000001',
    promptId: 'suggestion-1',
    title: `${sneaky} ${longest('t', 50)}`,
    stance: {
      id: 'suggestion-1',
      question: `${sneaky} ${longest('q', 150)}`,
      positions: labels.map((label, n) => ({ id: `p${n + 1}`, label })),
    },
    section: 'deceptive-alignment',
    openedAt: at,
    closesAt: '2026-03-09T17:00:00.000Z',
    members: Object.fromEntries(
      Array.from({ length: members }, (_, n) => [
        String(600000000000000000n + BigInt(n)),
        { first: `p${(n % 5) + 1}`, final: `p${((n + 1) % 5) + 1}`, firstAt: at, finalAt: at },
      ]),
    ),
    state: 'closed',
  };
}

const neutralised = (text: string) => {
  expect(text).not.toMatch(/(^|[^\u200b])@everyone/);
  expect(text).not.toMatch(/<@\d/);
};

describe('stance views', () => {
  it('the ballot fits a message and shows member text without mentions or markdown', () => {
    const round = { ...memberRound(1000), state: 'open' as const };
    const view = { ...ballotView(round), embeds: [] };
    expectFits(view);
    neutralised(view.content);
    expect(view.content).toContain('1000 members took a stance so far');
    expect(view.content).toContain('\\*\\*look\\*\\*');
    expect(ballotView(round).components).toHaveLength(1);
    expect(ballotView({ ...round, state: 'closed' }).components).toEqual([]);
  });

  it('the reveal fits one embed at the limits, with every label neutralised, and names no member', () => {
    const round = memberRound(1000);
    const view = { ...revealView(content, round, revealOf(round)), components: [] };
    expectFits(view);
    const text = JSON.stringify(view.embeds);
    neutralised(text);
    expect(text).not.toContain('600000000000000001');
    expect(view.embeds[0]?.fields?.map((field) => field.name)).toEqual([
      'First stances',
      'Final stances',
      'Changed their mind',
      'Read more',
    ]);
  });

  it('history, trend and the confirmation neutralise member text too', () => {
    const round = memberRound(3);
    const member = Object.keys(round.members)[0] ?? '';
    const history = historyView(historyOf([round], member));
    neutralised(JSON.stringify(history));
    const trend = trendOf([round], round.stance.id);
    if (!trend) throw new Error('expected a trend');
    neutralised(JSON.stringify(trendView(trend, true)));
    neutralised(takenText(sneaky, round.closesAt, false));
  });

  it('a suggestion under review and posted as a prompt credits its author without pinging anyone', () => {
    const suggestion: Suggestion = {
      id: 7,
      author: AUTHOR,
      title: sneaky,
      text: `${sneaky} ${longest('w', 900)}`,
      question: sneaky,
      positions: ['Yes', sneaky],
      status: 'pending',
      at: '2026-03-02T12:00:00.000Z',
      told: false,
    };
    const review = reviewView(suggestion, 1);
    expectFits(review);
    neutralised(
      JSON.stringify({ ...review.embeds[0], fields: review.embeds[0]?.fields?.filter((field) => field.name !== 'Suggested by') }),
    );
    const post = promptPostView({ prompt: promptOf(suggestion), section: undefined, sources: [], suggestedBy: AUTHOR });
    expectFits({ ...post, embeds: post.embeds ?? [], components: [] });
    expect(post.embeds?.[0]?.fields).toEqual([{ name: 'Suggested by', value: `<@${AUTHOR}>`, inline: false }]);
    neutralised(JSON.stringify({ ...post.embeds?.[0], fields: [] }));
  });
});
