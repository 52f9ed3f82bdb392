/**
 * The labs a member credits with the work they speak of: "the game-theory paper came out of MIT", "a study by Anthropic
 * and Redwood", "OpenAI researchers showed…", "Anthropic and Redwood published it". A lab named in another role ("GPT-4o
 * from OpenAI", "Anthropic's free tier", "trained by Anthropic") is not credited: only a work, its authors or a verb of
 * writing it bind the name. Names joined by "and", "/", "&" or "with" share the credit ("the Anthropic/Redwood paper").
 * A work set beside the one spoken of ("…way more common than the Anthropic paper suggested") is not credited either.
 * Plain patterns over the text: wink-nlp's parse gives no dependency relations to read authorship from.
 */

export interface LabPattern {
  readonly canonical: string;
  /** Global, case-insensitive. */
  readonly pattern: RegExp;
}

interface Mention {
  readonly canonical: string;
  readonly start: number;
  readonly end: number;
}

const WORK =
  '(?:paper|study|studies|preprint|report|follow-?up|experiment|work|research|post|article|analysis|replication|evaluation|eval|team|researchers?|authors?|scientists|folks|people|guys|group|lab)';
const BEFORE_NAMES = new RegExp(
  String.raw`(?:\b${WORK}(?:\s+(?:was|were|is|are|all|both|mostly|mainly|actually|really|itself|came|comes|come))*\s+(?:by|from|out\s+of|at)` +
    String.raw`|\b(?:came|come|comes|coming)\s+(?:out\s+)?(?:of|from)` +
    String.raw`|\b(?:written|authored|published|done|run|conducted|led|produced|released|put\s+out|co-?written|co-?authored)\s+by` +
    String.raw`|\bcollab(?:oration)?\s+(?:between|of|with))\s+(?:the\s+)?(?:(?:folks|people|researchers|team|guys)\s+(?:at|from)\s+)?$`,
  'i',
);
const AFTER_NAMES = new RegExp(
  String.raw`^(?:'s|’s|s'|s)?\s+(?:[\w-]+\s+){0,2}?${WORK}\b` +
    String.raw`|^\s+(?:(?:who|that|actually|really|originally|also|jointly|first|had|have)\s+)*` +
    String.raw`(?:wrote|authored|published|released|put\s+out|co-?wrote|co-?authored|came\s+up\s+with|(?:did|ran|led|conducted)\s+(?:the|this|that|a|an)\s)`,
  'i',
);
/** A clause so far that sets what follows beside what it speaks of. */
const SET_BESIDE = /\b(?:than|compared\s+(?:to|with)|unlike|vs\.?|versus)\b[^.;!?]*$/i;
/** What may stand between two names that share the credit. */
const JOINED = /^\s*(?:,|and|&|\/|\+|with|plus|-)?\s*(?:the\s+)?$/i;

export function creditedLabs(text: string, labs: readonly LabPattern[]): Set<string> {
  const credited = new Set<string>();
  for (const group of joinedGroups(text, mentionsIn(text, labs))) {
    const [first] = group;
    const last = group.at(-1);
    if (first === undefined || last === undefined) continue;
    const before = text.slice(0, first.start);
    if (SET_BESIDE.test(before)) continue;
    if (BEFORE_NAMES.test(before) || AFTER_NAMES.test(text.slice(last.end))) for (const mention of group) credited.add(mention.canonical);
  }
  return credited;
}

/** Every lab mention in order, a longer one taking the words of a shorter one inside it ("Google DeepMind", not "Google"). */
function mentionsIn(text: string, labs: readonly LabPattern[]): Mention[] {
  const found = labs.flatMap(({ canonical, pattern }) =>
    [...text.matchAll(pattern)].map((match) => ({ canonical, start: match.index, end: match.index + match[0].length })),
  );
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((mention, at) => found.slice(0, at).every((earlier) => earlier.end <= mention.start));
}

function joinedGroups(text: string, mentions: readonly Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  for (const mention of mentions) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (group && previous && JOINED.test(text.slice(previous.end, mention.start))) group.push(mention);
    else groups.push([mention]);
  }
  return groups;
}
