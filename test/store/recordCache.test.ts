import { describe, expect, it } from 'vitest';
import { ABSENT, RecordCache } from '../../src/store/recordCache.js';

describe('RecordCache', () => {
  it('tells a remembered absence from a record it does not remember', () => {
    const cache = new RecordCache(100);
    cache.remember('a', ABSENT);
    expect(cache.lookup('a')).toBe(ABSENT);
    expect(cache.lookup('b')).toBeUndefined();
    cache.forget('a');
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('lets the least recently used records go once the stored size passes the budget', () => {
    const cache = new RecordCache(25);
    cache.remember('a', 'x'.repeat(9));
    cache.remember('b', 'x'.repeat(9));
    cache.lookup('a');
    cache.remember('c', 'x'.repeat(9));
    expect(cache.lookup('b')).toBeUndefined();
    expect(cache.lookup('a')).toBe('x'.repeat(9));
    expect(cache.lookup('c')).toBe('x'.repeat(9));
    cache.remember('a', 'y');
    cache.remember('d', 'x'.repeat(9));
    expect([cache.lookup('a'), cache.lookup('c'), cache.lookup('d')]).toEqual(['y', 'x'.repeat(9), 'x'.repeat(9)]);
  });

  it('keeps nothing larger than the whole budget', () => {
    const cache = new RecordCache(10);
    cache.remember('a', 'x'.repeat(20));
    expect(cache.lookup('a')).toBeUndefined();
  });
});
