import { describe, expect, it } from 'vitest';
import { canonicalZone, suggestZones } from '../src/timeZones.js';

describe('time zones (/progress timezone and /prompts setup)', () => {
  it('accepts IANA names in any case and refuses anything else', () => {
    expect(canonicalZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalZone('America/New York')).toBe('America/New_York');
    expect(canonicalZone('utc')).toBe('UTC');
    expect(canonicalZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalZone('+05:00')).toBeUndefined();
    expect(canonicalZone('CET; DROP')).toBeUndefined();
  });

  it('suggests zones for a typo, a city and an empty query', () => {
    expect(suggestZones('berln')).toContain('Europe/Berlin');
    expect(suggestZones('new york')[0]).toBe('America/New_York');
    expect(suggestZones('')).toContain('UTC');
    expect(suggestZones('a').length).toBeLessThanOrEqual(25);
  });
});
