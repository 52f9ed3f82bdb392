import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusals } from '../../src/quiz/errors.js';
import { REPORTS_KEPT, ReportService } from '../../src/quiz/reports.js';
import { QuizService } from '../../src/quiz/service.js';
import { openStore, type Store } from '../../src/store/store.js';
import { contentWith, fakeClock, question, silent } from './fixtures.js';

const G = '100000000000000001';
const ANN = '200000000000000001';
const BOB = '200000000000000002';

describe('ReportService', () => {
  let store: Store;
  let reports: ReportService;
  const content = contentWith([question('q1')]);

  beforeEach(async () => {
    store = await openStore('memory://', silent, 'test');
    reports = new ReportService({ store, content, clock: fakeClock() });
  });
  afterEach(() => store.close());

  it('stores reports, merges a member’s repeat report and closes them; a progress reset keeps them', async () => {
    const first = await reports.file(G, ANN, 'q1', 'The answer is wrong.');
    const again = await reports.file(G, ANN, 'q1', 'The answer is wrong, see page 3.');
    const other = await reports.file(G, BOB, 'q1', 'Typo in choice B.');
    expect(again.id).toBe(first.id);
    expect(other.id).toBe(first.id + 1);
    expect((await reports.open(G)).map((r) => [r.id, r.reason, r.version])).toEqual([
      [1, 'The answer is wrong, see page 3.', '1.0.0'],
      [2, 'Typo in choice B.', '1.0.0'],
    ]);
    await reports.close(G, [1]);
    expect((await reports.open(G)).map((r) => r.id)).toEqual([2]);
    await new QuizService({ store, content, clock: fakeClock() }).reset(G, ANN);
    expect((await reports.reports.get(G))?.reports).toHaveLength(2);
  });

  it(`refuses a report past ${REPORTS_KEPT} open ones, and drops the oldest closed ones to stay within it`, async () => {
    const open = Array.from({ length: REPORTS_KEPT }, (_, i) => ({
      id: i + 1,
      question: 'q1',
      user: String(300000000000000000n + BigInt(i)),
      reason: 'x',
      at: '2026-01-01T00:00:00.000Z',
      version: '1.0.0',
      status: 'open' as const,
    }));
    await reports.reports.set(G, { v: 1, next: REPORTS_KEPT + 1, reports: open });
    await expect(reports.file(G, ANN, 'q1', 'one more')).rejects.toThrow(refusals.tooManyReports);
    await reports.close(G, [1, 2]);
    await reports.file(G, ANN, 'q1', 'one more');
    const kept = (await reports.reports.get(G))?.reports ?? [];
    expect(kept).toHaveLength(REPORTS_KEPT);
    expect(kept.map((r) => r.id)).not.toContain(1);
    expect(kept.map((r) => r.id)).toContain(2);
  });
});
