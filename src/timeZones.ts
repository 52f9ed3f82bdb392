import { IANAZone } from 'luxon';
import MiniSearch from 'minisearch';

/**
 * The one time-zone model: which IANA zones a member may pick, how what they typed is spelled canonically, and
 * which zones to suggest as they type. /progress timezone (streak days) and /prompts setup (weekly slots) both
 * accept and suggest zones through this module. luxon validates (as it computes the dates), MiniSearch matches
 * typos and partial city names.
 */
let zoneList: readonly string[] | undefined;
/** Every IANA zone this runtime knows, UTC first. */
export function zoneNames(): readonly string[] {
  zoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zoneList;
}

/** The zone's canonical spelling (`europe/berlin` → `Europe/Berlin`), or undefined when it is not an IANA zone. */
export function canonicalZone(input: string): string | undefined {
  const name = input.trim().replace(/ /g, '_');
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || !IANAZone.isValidZone(name)) return undefined;
  const exact = zoneNames().find((zone) => zone.toLowerCase() === name.toLowerCase());
  return exact ?? new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
];

let zoneIndex: MiniSearch<{ id: string }> | undefined;
function index(): MiniSearch<{ id: string }> {
  if (!zoneIndex) {
    zoneIndex = new MiniSearch({ fields: ['id'], tokenize: (text) => text.split(/[/_\-\s]+/) });
    zoneIndex.addAll(zoneNames().map((id) => ({ id })));
  }
  return zoneIndex;
}

/** Zones matching what a member typed (prefix and typo tolerant), best first; common zones for an empty query. */
export function suggestZones(query: string, limit = 25): string[] {
  const text = query.trim();
  if (text === '') return COMMON_ZONES.slice(0, limit);
  const hits = index()
    .search(text, { prefix: true, fuzzy: 0.25, combineWith: 'AND' })
    .map((hit) => hit.id as string);
  const loose =
    hits.length > 0
      ? []
      : index()
          .search(text, { prefix: true, fuzzy: 0.34 })
          .map((hit) => hit.id as string);
  return [...hits, ...loose].slice(0, limit);
}
