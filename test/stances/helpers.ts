import { Content } from '../../src/content/content.js';
import { loadBundle } from '../../src/content/loader.js';
import type { Stance } from '../../src/content/schema.js';
import { Prompts } from '../../src/prompts/service.js';
import { manualTicker } from '../../src/prompts/ticks.js';
import type { StanceRound } from '../../src/stances/records.js';
import type { Reveal } from '../../src/stances/reveal.js';
import { type StanceDisplay, StanceService } from '../../src/stances/service.js';
import { SuggestionQueue } from '../../src/stances/suggestions.js';
import type { Store } from '../../src/store/store.js';
import { CHANNEL, fakePoster, GUILD, HOUR, type mutableClock, silent } from '../prompts/helpers.js';

export const STANCE: Stance = {
  id: 'da-evidence',
  question: 'Is this evidence of deceptive alignment?',
  positions: [
    { id: 'yes', label: 'Yes' },
    { id: 'partly', label: 'Partly' },
    { id: 'no', label: 'No' },
  ],
};

/**
 * The small fixture bundle with prompts a, b, c, d asking STANCE and `plain` asking none. Loaded through the
 * loader, so the fixture stays valid whatever else the bundle learns.
 */
export async function stanceContent(): Promise<Content> {
  const loaded = await loadBundle('test/fixtures/bundle-min');
  if (!loaded.ok) throw new Error('the fixture bundle does not load');
  const [base] = loaded.bundle.prompts;
  if (!base) throw new Error('the fixture bundle has no prompt');
  const prompts = ['a', 'b', 'c', 'd', 'plain'].map((id) => {
    const prompt = { ...base, id, title: `Prompt ${id}`, section: 'alpha' };
    return id === 'plain' ? prompt : { ...prompt, stance: STANCE };
  });
  return new Content({ ...loaded.bundle, prompts });
}

/** A display that records what it was asked to show. */
export function fakeDisplay() {
  const ballots: StanceRound[] = [];
  const reveals: { round: StanceRound; reveal: Reveal }[] = [];
  const display: StanceDisplay = {
    async showBallot(round) {
      ballots.push(round);
    },
    async reveal(round, reveal) {
      reveals.push({ round, reveal });
      return String(500000000000000000n + BigInt(reveals.length));
    },
  };
  return { display, ballots, reveals };
}

export const member = (n: number) => String(600000000000000000n + BigInt(n));

let posted = 0;

/** The prompts helpers' fake poster, with message ids unique across every bot process of a test run, as Discord's are. */
function uniquePoster(clock: { now(): Date }) {
  const fake = fakePoster(clock);
  const post = fake.poster.post.bind(fake.poster);
  fake.poster.post = async (channelId, card) => {
    await post(channelId, card);
    const sent = fake.sent.pop();
    const messageId = String(310000000000000000n + BigInt(posted++));
    if (sent) fake.sent.push({ ...sent, messageId });
    return messageId;
  };
  return fake;
}

/** One bot process: prompts (with suggestions ahead of the rotation) and stance rounds on a (possibly shared) store. */
export function stanceBot(store: Store, clock: ReturnType<typeof mutableClock>, content: Content) {
  const suggestions = new SuggestionQueue(store, clock);
  const ticks = manualTicker();
  const stances = new StanceService({ store, content, clock, log: silent, suggestions, ticker: ticks.ticker, editIntervalMs: 0 });
  // random() near 1 appends each new prompt to the rotation, so posts come in bundle order: a, b, c, d, plain.
  const prompts = new Prompts({
    store,
    content,
    clock,
    log: silent,
    graceMs: 12 * HOUR,
    ticker: ticks.ticker,
    guildPrompts: suggestions,
    random: () => 0.999,
  });
  const poster = uniquePoster(clock);
  const shown = fakeDisplay();
  const owns = (guild: string) => guild === GUILD;
  return {
    content,
    suggestions,
    stances,
    prompts,
    poster,
    shown,
    async start() {
      await stances.start(shown.display, owns);
      await prompts.scheduler.start({ poster: poster.poster, owns, onPosted: (post) => stances.opened(post).then(() => {}) });
    },
    stop() {
      stances.stop();
      prompts.scheduler.stop();
    },
    /** Moves to the next due slot and runs it; returns the post's message id. */
    async nextPost(): Promise<string> {
      const next = prompts.scheduler.nextDue();
      if (!next) throw new Error('nothing scheduled');
      clock.set(next.at);
      const [result] = await prompts.scheduler.runDue(next.at);
      if (result?.delivery?.ok !== true) throw new Error(`no post: ${JSON.stringify(result)}`);
      return result.delivery.messageId;
    },
  };
}

export const weekly = { channelId: CHANNEL, weekday: 1, time: '17:00', timezone: 'UTC', thread: true };
