/**
 * Answers per second through QuizService.record on SQLite and Redis, with a lost-update check.
 *
 *   npm run bench:store                      # defaults below
 *   npm run bench:store -- --members 50 --answers 200 --hot 2000
 *
 * Two loads per backend: `spread` (many members answering at once, as in a busy guild) and `hot` (one member's
 * answers all at once, the worst case for the per-key lock). Afterwards every member's `answered` must equal
 * what was sent: a single lost read-modify-write fails the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { Content } from '../src/content/content.js';
import { loadBundleOrThrow } from '../src/content/loader.js';
import { memberKey } from '../src/quiz/records.js';
import { QuizService } from '../src/quiz/service.js';
import { openStore } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '20' },
    answers: { type: 'string', default: '100' },
    hot: { type: 'string', default: '1000' },
    redis: { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const MEMBERS = Number(values.members);
const ANSWERS = Number(values.answers);
const HOT = Number(values.hot);
const GUILD = '100000000000000001';
const log = pino({ level: 'silent' });
const content = new Content(await loadBundleOrThrow('content'));
const questions = content.bundle.questions;
const clock = { now: () => new Date('2026-11-24T12:00:00Z') };

interface Result {
  readonly backend: string;
  readonly load: string;
  readonly answers: number;
  readonly seconds: number;
  readonly lost: number;
}

async function load(backend: string, url: string, name: string, members: number, perMember: number): Promise<Result> {
  const store = await openStore(url, log, `bench-${process.pid}-${Date.now()}`);
  try {
    const quiz = new QuizService({ store, content, clock });
    const users = Array.from({ length: members }, (_, i) => String(200000000000000000n + BigInt(i)));
    const started = process.hrtime.bigint();
    await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: perMember }, (_, i) => {
          const question = questions[i % questions.length];
          if (!question) throw new Error('the bundle has no questions');
          return quiz.record(GUILD, user, { id: `bench.${i}`, question, choice: i % 2, at: clock.now(), version: content.version });
        }),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let recorded = 0;
    for (const user of users) recorded += (await quiz.progress.get(memberKey(GUILD, user)))?.answered ?? 0;
    const sent = members * perMember;
    return { backend, load: name, answers: sent, seconds, lost: sent - recorded };
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'scratchpad-bench-'));
const results: Result[] = [];
try {
  for (const [backend, url] of [
    ['sqlite', () => `sqlite://${join(dir, `bench-${results.length}.sqlite`)}`],
    ['redis', () => values.redis],
  ] as const) {
    results.push(await load(backend, url(), `spread: ${MEMBERS} members × ${ANSWERS}`, MEMBERS, ANSWERS));
    results.push(await load(backend, url(), `hot: 1 member × ${HOT}`, 1, HOT));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('| backend | load | answers | seconds | answers/s | lost updates |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.backend} | ${r.load} | ${r.answers} | ${r.seconds.toFixed(2)} | ${Math.round(r.answers / r.seconds)} | ${r.lost} |`);
}
if (results.some((r) => r.lost !== 0)) {
  console.error('Lost updates: the per-key serialization is broken.');
  process.exit(1);
}
