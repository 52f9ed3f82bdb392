import { createClient, type RedisClientType } from '@keyv/redis';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import { createLogger } from '../../src/log.js';
import { CLAIMS_NAMESPACE, PromptScheduleSchema, SCHEDULES_NAMESPACE } from '../../src/prompts/record.js';
import { PromptScheduler } from '../../src/prompts/scheduler.js';
import { openStore } from '../../src/store/store.js';
import { memoryNow, type SchedulingReport, send } from '../lib/protocol.js';

/**
 * The weekly-prompt scheduler holding BENCH_GUILDS active schedules, with the production ticker, in a fresh
 * process: heap, RSS and live timers before and after `start()`. The records live in Redis (BENCH_REDIS_URL, under
 * a prefix of their own) so this process's heap holds only what the scheduler keeps.
 * BENCH_SPREAD=typical: weekday × whole hours 08–22 × 5 zones (at most 525 distinct schedules);
 * BENCH_SPREAD=worst: every guild its own minute of the week, the most distinct schedules there can be.
 */
const env = process.env;
const guilds = Number(env.BENCH_GUILDS ?? 10_000);
const spread = env.BENCH_SPREAD === 'worst' ? 'worst' : 'typical';
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
const pad = (n: number) => String(n).padStart(2, '0');

function schedule(i: number) {
  if (spread === 'worst') {
    const minuteOfWeek = i % 10_080;
    const hour = Math.floor(minuteOfWeek / 60) % 24;
    return { weekday: Math.floor(minuteOfWeek / 1_440) + 1, time: `${pad(hour)}:${pad(minuteOfWeek % 60)}`, timezone: 'UTC' };
  }
  return {
    weekday: (i % 7) + 1,
    time: `${pad(8 + (Math.floor(i / 7) % 15))}:00`,
    timezone: zones[Math.floor(i / 105) % zones.length] ?? 'UTC',
  };
}

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

const log = createLogger('silent');
const prefix = `bench-scheduling-${process.pid}-${Date.now()}`;
const store = await openStore(env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', log, prefix);
const schedules = store.repository(SCHEDULES_NAMESPACE, PromptScheduleSchema);
const content = new Content(await loadBundleOrThrow(env.CONTENT_DIR ?? 'content'));
const queue = [...content.prompts.keys()];
const now = new Date().toISOString();
const ids = Array.from({ length: guilds }, (_, i) => String(300_000_000_000_000_000n + BigInt(i)));
for (let from = 0; from < ids.length; from += 500) {
  await Promise.all(
    ids.slice(from, from + 500).map((id, k) =>
      schedules.set(id, {
        v: 1,
        channelId: id,
        ...schedule(from + k),
        thread: true,
        state: 'active',
        activeSince: now,
        rotation: { queue, used: [] },
        failures: 0,
      }),
    ),
  );
}

const scheduler = new PromptScheduler({
  schedules,
  claims: store.claims(CLAIMS_NAMESPACE),
  content,
  clock: { now: () => new Date() },
  log,
  graceMs: 12 * 3_600_000,
});
const before = { ...memoryNow(), timers: timers() };
const started = performance.now();
await scheduler.start({ poster: { post: async () => 'never', openThread: async () => 'never' }, owns: () => true });
const startMs = performance.now() - started;
const after = { ...memoryNow(), timers: timers() };
// An idle tick: what every cron tick and the 5-minute sweep cost when nothing is due.
const tickStarted = performance.now();
for (let i = 0; i < 1_000; i++) await scheduler.runDue();
const idleTickUs = ((performance.now() - tickStarted) / 1_000) * 1_000;

const report: SchedulingReport = {
  type: 'scheduling',
  spread,
  guilds,
  timers: scheduler.timerCount,
  timersBefore: before.timers,
  timersAfter: after.timers,
  heapBefore: before.heapUsed,
  heapAfter: after.heapUsed,
  rssBefore: before.rss,
  rssAfter: after.rss,
  startMs,
  idleTickUs,
};
scheduler.stop();
await store.close();
// The records were only for this run.
const redis = createClient({ url: env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' }) as RedisClientType;
await redis.connect();
for await (const keys of redis.scanIterator({ MATCH: `${prefix}.*`, COUNT: 1_000 })) if (keys.length > 0) await redis.unlink(keys);
await redis.close();
send(report);
process.disconnect?.();
