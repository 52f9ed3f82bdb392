import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueQueue } from '../../src/prompts/dueQueue.js';

const at = (ms: number) => new Date(ms);

describe('DueQueue', () => {
  it('takes only what is due, earliest first', () => {
    const queue = new DueQueue();
    queue.set('c', at(30));
    queue.set('a', at(10));
    queue.set('b', at(20));
    expect(queue.peek()).toEqual({ key: 'a', at: at(10) });
    expect(queue.takeDue(at(20)).map(({ key }) => key)).toEqual(['a', 'b']);
    expect(queue.takeDue(at(20))).toEqual([]);
    expect(queue.size).toBe(1);
  });

  it('moves a key when it is set again and forgets a deleted one', () => {
    const queue = new DueQueue();
    queue.set('a', at(10));
    queue.set('b', at(20));
    queue.set('a', at(30));
    queue.delete('b');
    expect(queue.takeDue(at(25))).toEqual([]);
    expect(queue.takeDue(at(30))).toEqual([{ key: 'a', at: at(30) }]);
    expect(queue.peek()).toBeUndefined();
  });

  it('agrees with a sorted list under any sequence of sets, deletes and takes (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 9 }), at: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('take' as const), at: fc.integer({ min: 0, max: 100 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const queue = new DueQueue();
        const model = new Map<string, number>();
        for (const step of ops) {
          if (step.kind === 'set') {
            queue.set(String(step.key), at(step.at));
            model.set(String(step.key), step.at);
          } else if (step.kind === 'delete') {
            queue.delete(String(step.key));
            model.delete(String(step.key));
          } else {
            const taken = queue.takeDue(at(step.at));
            const expected = [...model].filter(([, due]) => due <= step.at);
            expect(taken.map(({ at: due }) => due.getTime())).toEqual([...expected.map(([, due]) => due)].sort((x, y) => x - y));
            expect(new Set(taken.map(({ key }) => key))).toEqual(new Set(expected.map(([key]) => key)));
            for (const [key] of expected) model.delete(key);
          }
          expect(queue.size).toBe(model.size);
          const earliest = Math.min(...model.values());
          expect(queue.peek()?.at.getTime()).toBe(model.size === 0 ? undefined : earliest);
        }
      }),
    );
  });
});
