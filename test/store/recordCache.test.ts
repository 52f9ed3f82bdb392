import { describe, expect, it } from 'vitest';
import { ABSENT, RecordCache } from '../../src/store/recordCache.js';

describe('RecordCache', () => {
  it('tells a remembered absence from a record it does not remember', () => {
    const cache = new RecordCache(100);
    cache.remember('a', ABSENT, 0);
    expect(cache.lookup('a')).toBe(ABSENT);
    expect(cache.lookup('b')).toBeUndefined();
    cache.forget('a');
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('lets the least recently used records go once their stored size passes the budget', () => {
    const cache = new RecordCache(25);
    cache.remember('a', { n: 1 }, 10);
    cache.remember('b', { n: 2 }, 10);
    cache.lookup('a');
    cache.remember('c', { n: 3 }, 10);
    expect(cache.lookup('b')).toBeUndefined();
    expect(cache.lookup('a')).toEqual({ n: 1 });
    expect(cache.lookup('c')).toEqual({ n: 3 });
    cache.remember('a', { n: 4 }, 2);
    cache.remember('d', { n: 5 }, 10);
    expect([cache.lookup('a'), cache.lookup('c'), cache.lookup('d')]).toEqual([{ n: 4 }, { n: 3 }, { n: 5 }]);
  });

  it('keeps nothing larger than the whole budget', () => {
    const cache = new RecordCache(10);
    cache.remember('a', { n: 1 }, 20);
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('freezes what it keeps under test, all the way down, so code that changes a record other readers share fails here', () => {
    const cache = new RecordCache(100);
    const record = { v: 1, questions: { q1: { box: 2, wrong: [1] } } };
    cache.remember('a', record, 10);
    expect(() => {
      record.questions.q1.box = 3;
    }).toThrow(TypeError);
    expect(() => record.questions.q1.wrong.push(2)).toThrow(TypeError);
  });
});
