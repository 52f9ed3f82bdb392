import { pino } from 'pino';
import { Content } from '../../src/content/content.js';
import type { Bundle, Prompt } from '../../src/content/schema.js';
import { PostError, type PromptCard, type PromptPoster } from '../../src/prompts/poster.js';
import { Prompts } from '../../src/prompts/service.js';
import { manualTicker } from '../../src/prompts/ticks.js';
import { openStore, type Store } from '../../src/store/store.js';
import { uniquePrefix } from '../store/backends.js';

export const silent = pino({ level: 'silent' });
export const GUILD = '100000000000000001';
export const CHANNEL = '200000000000000001';
export const HOUR = 3_600_000;

/** The wall-clock weekday and time of an instant in a zone, by Intl (independent of luxon, which the code uses). */
export function localWallClock(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.hour}:${parts.minute}`;
}

export function prompt(id: string): Prompt {
  return {
    id,
    title: `Prompt ${id}`,
    prompt: `What do you think about ${id}?`,
    followUps: [`First follow-up on ${id}`, `Second follow-up on ${id}`],
    section: 'setup',
    sources: ['af-paper'],
  };
}

export function contentWith(ids: readonly string[]): Content {
  const bundle: Bundle = {
    info: { version: '1.0.0', updated: '2025-01-01' },
    sections: [
      {
        id: 'setup',
        title: 'The setup',
        order: 1,
        summary: 'How the experiment was set up.',
        keyPoints: ['one', 'two', 'three'],
        sources: ['af-paper'],
        claims: [],
        body: 'Body text.',
      },
    ],
    sources: [
      {
        id: 'af-paper',
        title: 'Alignment faking in large language models',
        authors: ['Ryan Greenblatt'],
        date: '2024-12-18',
        url: 'https://arxiv.org/abs/2412.14093',
        kind: 'paper',
        stance: 'reports',
        note: 'The paper.',
        aliases: [],
      },
    ],
    claims: [],
    claimWords: { names: [], opposites: [], measures: [] },
    questions: [],
    prompts: ids.map(prompt),
  };
  return new Content(bundle);
}

export interface Sent {
  readonly channelId: string;
  readonly promptId: string;
  readonly messageId: string;
  readonly at: Date;
}

/** A poster that records what it sends; `failWith` makes the next sends (or threads) fail. */
export function fakePoster(clock: { now(): Date }) {
  const sent: Sent[] = [];
  const threads: { channelId: string; messageId: string; name: string }[] = [];
  const state = { failPost: undefined as PostError | undefined, failThread: undefined as PostError | undefined, hang: false };
  const poster: PromptPoster = {
    async post(channelId: string, card: PromptCard) {
      if (state.hang) return new Promise<string>(() => {});
      if (state.failPost) throw state.failPost;
      const messageId = String(300000000000000000n + BigInt(sent.length));
      sent.push({ channelId, promptId: card.prompt.id, messageId, at: clock.now() });
      return messageId;
    },
    async openThread(channelId: string, messageId: string, name: string) {
      if (state.failThread) throw state.failThread;
      threads.push({ channelId, messageId, name });
      return String(400000000000000000n + BigInt(threads.length));
    },
  };
  return { poster, sent, threads, state };
}

export const missingPermissions = () => new PostError('missing-permissions', 'Missing Permissions', 50013);

export function mutableClock(start: string | Date) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (at: string | Date) => {
      now = new Date(at);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface Bot {
  readonly prompts: Prompts;
  readonly ticks: ReturnType<typeof manualTicker>;
  readonly poster: ReturnType<typeof fakePoster>;
  readonly owned: Set<string>;
  start(): ReturnType<Prompts['scheduler']['start']>;
}

/** One bot process: its own Prompts service and scheduler on a (possibly shared) store. */
export function bot(store: Store, clock: ReturnType<typeof mutableClock>, options: { ids?: readonly string[]; graceHours?: number } = {}) {
  const ticks = manualTicker();
  const poster = fakePoster(clock);
  const owned = new Set([GUILD]);
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
  const prompts = new Prompts({
    store,
    content: contentWith(options.ids ?? ['a', 'b', 'c', 'd', 'e']),
    clock,
    log: silent,
    graceMs: (options.graceHours ?? 12) * HOUR,
    ticker: ticks.ticker,
    random,
  });
  return {
    prompts,
    ticks,
    poster,
    owned,
    start: () => prompts.scheduler.start({ poster: poster.poster, owns: (id) => owned.has(id) }),
  } satisfies Bot;
}

export const memoryStore = () => openStore('memory://', silent, uniquePrefix());
