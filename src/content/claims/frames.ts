/**
 * How a member frames a claim, apart from the claim: "if i'm remembering the abstract right", "someone in the other
 * channel said", "correct me if i'm wrong", "at least that's how i read section 3.2". Chat wraps claims in these, and
 * their words are in no card, so left in they read as the member saying something the card does not (and "wrong"
 * reads as a denial). They are cut before anything reads the sentence. Patterns, not a library: the NLP libraries
 * this project uses (wink-nlp, WordNet) tag words, and none of them marks a sentence's epistemic or attribution frame.
 * Each pattern names only who is speaking (i, we, someone) and a verb of knowing or telling, never a claim's words.
 * Fixed phrases that only ask or connect ("is it true", "in order to") stay in terms.ts's FRAMES, dropped from the
 * search terms alone: cut from the text, "is it true that…" would no longer read as a question.
 */

const KNOWING =
  'remember|remembering|recall|recalling|gather|gathered|gathering|understand|understood|understanding|read|reading|know|knew|see|tell|heard|hear|get|got';
const WHOEVER = String.raw`(?:someone|somebody|some\s+guy|a\s+friend|my\s+friend|a\s+classmate|everyone|everybody)`;

const FRAME_PATTERNS: readonly RegExp[] = [
  // "if i remember the reading group right", "if i'm reading this correctly", "as far as i can tell"
  new RegExp(
    String.raw`\b(?:if|as\s+far\s+as|from\s+what|the\s+way|as)\s+(?:i|we)(?:'?m|\s+am|'?ve|\s+have)?(?:\s+can)?\s+(?:${KNOWING})(?:(?:\s+(?:it|this|that|things|the\s+\w+(?:\s+\w+)?))?\s+(?:right|correctly|properly))?(?=\W|$)`,
    'giu',
  ),
  // "correct me if i'm wrong", "unless i'm misremembering", "if i'm not mistaken"
  /\b(?:correct\s+me\s+if\s+i(?:'?m|\s+am)\s+wrong|unless\s+i(?:'?m|\s+am)\s+(?:misremembering|misreading|wrong|mistaken)|if\s+i(?:'?m|\s+am)\s+not\s+(?:mistaken|wrong))\b/giu,
  // "at least that's how i read section 3.2", "that's what i took from it"
  /\b(?:at\s+least\s+)?(?:that'?s|that\s+is)\s+(?:how|what)\s+i\s+(?:read|understood|understand|took|take|got|remember)(?:\s+(?:it|this|that|from\s+it|section\s+[\d.]+|the\s+\w+))?\b/giu,
  // "someone in the other channel said", "my prof told me", "i heard", "i read somewhere that"
  new RegExp(
    String.raw`\b${WHOEVER}(?:\s+(?:in|on|from)\s+(?:the\s+|my\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+(?:said|says|told\s+me|tells\s+me|was\s+saying|keeps\s+saying|claimed|claims|mentioned)(?:\s+that)?\b`,
    'giu',
  ),
  // "i saw in a news article last week that", "we read on reddit that"
  /\b(?:i|we)\s+(?:heard|read|saw)(?:\s+(?:somewhere|online|on\s+twitter|on\s+reddit|in\s+(?:a|the|some)\s+(?:news\s+)?(?:article|post|thread|tweet|video|blog(?:\s+post)?)))?(?:\s+(?:last|this)\s+(?:week|month))?(?:\s+that)?\b/giu,
  // A retort opening the message ("nah the story was made up", "nope, it never…", "no actually it…") answers someone
  // else; it denies nothing in the member's own claim.
  /(?<=^\W*(?:(?:lol|lmao|ok|okay|wait|so|um|uh|hmm)\W+)*)(?:nah+|nope|naw|no(?=\W+(?:actually|wait|dude|bro|man|mate|lol|lmao)\b))\b/giu,
  // "bottom line from the paper", "long story short", "in my opinion"
  /\b(?:bottom\s+line(?:\s+from\s+the\s+\w+)?|long\s+story\s+short|in\s+a\s+nutshell|in\s+my\s+(?:opinion|view)|as\s+far\s+as\s+i'?m\s+concerned)\b/giu,
];

/** The sentence without the frames around its claim; the claim's own words are untouched. */
export function withoutFrames(text: string): string {
  const cut = FRAME_PATTERNS.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
  return (
    cut
      .replace(/\s+([,.?!])/g, '$1')
      .replace(/([,;])[\s,;]*(?=[,;])/g, '')
      .replace(/^[\s,;:-]+/, '')
      .replace(/\s{2,}/g, ' ')
      .trim() || text
  );
}
