import { cpus, totalmem } from 'node:os';
import { redisRestartMidQuiz, restBursts, sqliteRefusesWrites } from '../test/hardening/dependencies.js';
import { runFuzzer } from '../test/hardening/fuzzer.js';
import { runKillCycles } from '../test/hardening/killLoad.js';
import { runReminderTorture } from '../test/hardening/reminderTorture.js';
import { runRevealTorture } from '../test/hardening/revealTorture.js';
import { runScheduleTorture } from '../test/hardening/scheduleTorture.js';

/**
 * `npm run soak`: issue 10's parts 1–4 at full size (≥ 10,000 fuzzed interactions, ≥ 20 SIGKILL cycles per store,
 * every schedule-torture group, every dependency fault); `npm run soak -- --quick` runs a short version (< 5 min).
 * Needs Redis on 127.0.0.1:6379. Prints the figures for docs/reliability.md; exits 1 when a target is missed.
 * `--only fuzz,kill,schedule,faults` runs a subset; FUZZ_SEED, FUZZ_CASES and KILL_CYCLES override the sizes.
 */

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args[args.indexOf('--only') + 1];
const only = new Set(args.includes('--only') && onlyArg ? onlyArg.split(',') : ['fuzz', 'kill', 'schedule', 'faults']);
const size = {
  fuzzCases: Number(process.env.FUZZ_CASES ?? (quick ? 1_000 : 10_000)),
  fuzzSeed: Number(process.env.FUZZ_SEED ?? 20_250_610),
  killCycles: Number(process.env.KILL_CYCLES ?? (quick ? 2 : 20)),
  bursts: quick ? 1 : 5,
};
const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const rows: [string, string, string][] = [];
let missed = false;
const row = (what: string, figure: string | number, ok: boolean) => {
  rows.push([what, String(figure), ok ? 'met' : 'MISSED']);
  say(`figure: ${what}: ${figure} (${ok ? 'met' : 'MISSED'})`);
  if (!ok) missed = true;
};

const started = Date.now();
say(
  `soak ${quick ? '--quick' : 'full'}: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
);

if (only.has('fuzz')) {
  const fuzz = await runFuzzer({ cases: size.fuzzCases, seed: size.fuzzSeed, progress: say });
  if (fuzz.failure) say(`fuzzer failure (seed ${fuzz.seed}):\n${fuzz.failure}`);
  row(
    'interactions fuzzed (seed)',
    `${fuzz.cases} (seed ${fuzz.seed}) in ${Math.round(fuzz.durationMs / 1000)} s`,
    fuzz.cases >= (quick ? 1_000 : 10_000),
  );
  row('fuzzer invariant violations', fuzz.violations, fuzz.violations === 0);
  row(
    'heap after GC at 10 % → end',
    `${fuzz.heapMb.atTenPercent} → ${fuzz.heapMb.atEnd} MB (+${fuzz.heapMb.growth})`,
    fuzz.heapMb.growth <= 40,
  );
  say(
    `fuzz cases by kind ${JSON.stringify(fuzz.byKind)}, first callbacks by type ${JSON.stringify(fuzz.callbacks)}, sizes ${JSON.stringify(fuzz.sizes)}`,
  );
}

if (only.has('kill')) {
  for (const store of ['sqlite', 'redis'] as const) {
    const kill = await runKillCycles({ store, cycles: size.killCycles, progress: say, seed: 11 });
    for (const line of kill.lostDetail) say(`kill ${store}: ${line}`);
    row(`SIGKILL cycles on ${store}`, kill.cycles, kill.cycles >= (quick ? 2 : 20));
    row(`answers acknowledged / lost (${store})`, `${kill.acknowledged} / ${kill.lost}`, kill.lost === 0 && kill.acknowledged > 0);
    row(
      `stances acknowledged / lost (${store})`,
      `${kill.stancesAcknowledged} / ${kill.stancesLost}`,
      kill.stancesLost === 0 && kill.stancesAcknowledged > 0,
    );
    row(
      `reminder settings acknowledged / lost (${store})`,
      `${kill.remindersAcknowledged} / ${kill.remindersLost}`,
      kill.remindersLost === 0 && kill.remindersAcknowledged > 0,
    );
    row(
      `unparsable records / rounds left overdue (${store})`,
      `${kill.unparsable} / ${kill.stuckRounds}`,
      kill.unparsable === 0 && kill.stuckRounds === 0,
    );
    row(`restart-to-ready, median / max (${store})`, `${kill.readyMs.median} / ${kill.readyMs.max} ms`, true);
  }
}

if (only.has('schedule')) {
  const torture = await runScheduleTorture({ progress: say });
  for (const problem of torture.problems) say(`schedule: ${problem}`);
  row('schedule restarts / slots checked', `${torture.restarts} / ${torture.slots} (${torture.groups} groups)`, torture.restarts >= 50);
  row('duplicate / missing / stray posts', `${torture.duplicates} / ${torture.missing} / ${torture.strays}`, torture.problems.length === 0);
  const reminders = await runReminderTorture({ progress: say });
  for (const problem of reminders.problems) say(`reminders: ${problem}`);
  row(
    'reminder restarts / member-days checked',
    `${reminders.restarts} / ${reminders.days} (${reminders.groups} groups)`,
    reminders.restarts >= 50,
  );
  row('duplicate / missing reminders', `${reminders.duplicates} / ${reminders.missing}`, reminders.problems.length === 0);
  for (const store of ['sqlite', 'redis'] as const) {
    const reveals = await runRevealTorture(store);
    for (const problem of reveals.problems) say(`reveals: ${problem}`);
    row(
      `stance rounds closed / duplicate / missing reveals (${store}, ${reveals.restarts} restarts)`,
      `${reveals.closed} / ${reveals.duplicates} / ${reveals.missing}`,
      reveals.problems.length === 0 && reveals.closed >= 4,
    );
  }
}

if (only.has('faults')) {
  const outcomes = [
    await redisRestartMidQuiz(),
    await sqliteRefusesWrites('read-only'),
    await sqliteRefusesWrites('disk full'),
    await restBursts(size.bursts),
  ];
  for (const outcome of outcomes) {
    say(`fault: ${outcome.fault}: ${outcome.detail}`);
    row(
      `fault: ${outcome.fault} (injected / survived)`,
      `${outcome.injected} / ${outcome.survived ? outcome.injected : 0}`,
      outcome.survived,
    );
  }
}

console.log(`\n| Figure | Value | Target |\n|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
say(`soak finished in ${Math.round((Date.now() - started) / 1000)} s${missed ? ': a target was MISSED' : ''}`);
process.exit(missed ? 1 : 0);
