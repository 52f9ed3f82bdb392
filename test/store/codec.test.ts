import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from '../../src/store/codec.js';

describe('store codec', () => {
  const record = { value: { v: 1, reason: ':) colons stay', nested: [{ at: '2026-12-06T00:00:00.000Z', n: 3 }] }, expires: null };

  it('writes plain JSON behind its mark and reads it back unchanged, leading colons included', () => {
    const raw = serialize(record);
    expect(raw).toBe(`J${JSON.stringify(record)}`);
    expect(deserialize(raw)).toEqual(record);
  });

  it("still reads what keyv's default serializer wrote, undoing its colon escape", () => {
    const legacy = '{"value":{"v":1,"reason":"::) colons stay","nested":[{"at":"2026-12-06T00:00:00.000Z","n":3}]},"expires":null}';
    expect(deserialize(legacy)).toEqual(record);
  });
});
