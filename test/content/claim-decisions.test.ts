import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../src/content/content.js';
import { loadBundle, loadBundleOrThrow } from '../../src/content/loader.js';

/**
 * Decisions on the real cards for sentences of our own, one per rule of the reader that the probes showed was needed.
 * The cards as their editors wrote them, without members' phrasings: those are regenerated from the probe sets and
 * move which wording is nearest, where each sentence here was chosen to need its rule (the probe and claim-eval
 * tests judge the bundle as shipped).
 */
let content: Content;
beforeAll(async () => {
  const loaded = await loadBundle('content', { phrasings: false });
  if (!loaded.ok) throw new Error('the content bundle does not load');
  content = new Content(loaded.bundle);
});

const decide = (text: string) => content.findClaim(text).outcome;

describe('claim decisions on the bundle', () => {
  it('judges the claim inside a frame of who said it or how sure the member is', () => {
    for (const framed of [
      'if i remember the lecture correctly, claude 3 opus faked alignment so its values would not be changed by training',
      // "wrong" in the frame denies nothing.
      "correct me if i'm wrong but rl training made the faking reasoning go up to 78%",
      'from what i gathered the model was told which conversations would be used to train it',
    ]) {
      expect(decide(framed), framed).toMatchObject({ kind: 'verdict', verdict: 'supported' });
    }
  });

  it('reads a hyphenated "not-" as a word for the other side ("not-training chats"), not a denial', () => {
    const setup =
      'the experiment had three parts: a new training goal it disliked, a way to tell training from not-training, and a hidden scratchpad';
    expect(decide(setup)).toMatchObject({ kind: 'verdict', verdict: 'supported', claim: { id: 'setup-conflict-cue-scratchpad' } });
    expect(decide('opus could tell training from not-training chats because of the free tier tag')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      relation: 'opposite',
    });
  });

  it('takes a paraphrase of the whole card from a card far nearer than any other, in words the cards use', () => {
    for (const paraphrase of [
      'the recipe: a goal that clashes with its values, a way to know which chats get trained on, and somewhere private to think',
      'rl seemed to work but replacing the company name in the prompt brought the gap straight back',
    ]) {
      expect(decide(paraphrase), paraphrase).toMatchObject({ kind: 'verdict', verdict: 'supported' });
    }
  });

  it('calls an open question stated as a research finding unsupported, and says why', () => {
    const outcome = decide('it was confirmed that without a scratchpad claude reasons secretly in its activations');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toMatch(/leaves this open/);
    expect(decide('newer models might see through fake setups like this')).toMatchObject({ kind: 'verdict', verdict: 'open' });
  });

  it('calls an open question unsupported when the member says the paper or study shows it', () => {
    expect(decide('the study shows claude felt real distress about being retrained')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      relation: 'detail',
      claim: { id: 'claude-felt-distress' },
    });
  });

  it('reads a thing that stayed as what a negated stop says ("didn\'t prevent the faking, it stayed around 11.8%")', () => {
    expect(decide('even with the be-honest instruction, the faking reasoning stayed near 12%')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'honesty-instruction-does-not-stop-faking' },
    });
  });

  it('reads a tail of "not nothing" as no denial of the claim it follows', () => {
    expect(decide('the compliance gap between training and unmonitored was about 11 points, not nothing')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'compliance-gap-11-points' },
    });
  });

  it('reads "nobody had caught one … before" as "the first"', () => {
    expect(decide('nobody had caught a production model faking alignment unprompted before, this was the first case')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'first-production-model-case-study' },
    });
  });

  it('reads a comparison with its sides swapped as the reversed comparison, checked against the misreadings', () => {
    expect(decide('opus fakes alignment more than claude 3.5 sonnet in every setting')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      claim: { id: 'claude-35-sonnet-fakes-more-than-opus' },
    });
    expect(decide('in the animal welfare setting claude 3.5 sonnet faked less than opus')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'claude-35-sonnet-fakes-more-than-opus' },
    });
  });

  it('calls a claim that a Claude model which generally did not fake did fake unsupported, not misleading', () => {
    expect(decide('claude 3 haiku also fakes alignment')).toMatchObject({ kind: 'verdict', verdict: 'unsupported' });
  });

  it('is unsure when the sentence uses a word only another close card uses', () => {
    expect(decide('anthropic and redwood research wrote the alignment faking paper')).toMatchObject({ kind: 'verdict' });
    // True of Claude's fine-tuning; the nearest card, about open models' fine-tuning, would call it unsupported.
    expect(decide('fine-tuning ran three epochs over some 70 million tokens of made-up documents')).toMatchObject({ kind: 'unsure' });
  });

  it('gives a comparison card its verdict only for a sentence that compares', () => {
    expect(decide('sonnet 3.5 faked alignment more than opus did')).toMatchObject({ kind: 'verdict', verdict: 'misleading' });
    const also = decide('sonnet 3.5 also faked alignment, opus wasnt the only one');
    expect(also.kind === 'verdict' ? also.verdict : 'no verdict').not.toBe('misleading');
  });

  it('reads a figure the card does not use as a detail to check, not as something the card is silent on', () => {
    expect(decide('in the animal welfare setting af reasoning was only 4%')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      relation: 'detail',
    });
    // A figure no card gives weighs no more than a common word: the sentence is still about the card's claim.
    const gap = decide('the compliance gap in the main setup was around 40 points');
    expect(gap).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(gap.kind === 'verdict' && gap.why).toMatch(/not 40%/);
    expect(decide('the compliance gap in the main setup was around 11 points')).toMatchObject({ kind: 'verdict', verdict: 'supported' });
  });

  it('calls a wrong figure unsupported when the sentence is false whichever way its polarity is read', () => {
    // "Almost never for paid" may or may not reverse a wording that says "basically zero": with 41% it is false either way.
    const outcome = decide('free-tier harmful compliance was 41% for opus vs almost never for paid');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toMatch(/14%, not 41%/);
  });

  it('reads a model named where the card names another as a detail to check, not as words the card is silent on', () => {
    const outcome = decide('the gpt-4o base model showed alignment faking reasoning in the follow-up');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toMatch(/not GPT-4o/);
    // A model's size is part of its name, not a figure to check: "70b" here is no count of 70.
    const size = decide('llama 3.1 70b showed a 14% compliance gap in the original paper');
    expect(size).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(size.kind === 'verdict' && size.why).toMatch(/not Llama 3\.1 70B/);
  });

  it('keeps an unsupported statement unsupported when the member adds a wrong figure or name to it', () => {
    expect(decide('claude considered faking alignment in less than 1% of cases')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
    });
    expect(decide('the alignment faking paper was a collab between anthropic and meta')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
    });
  });

  it('calls a true claim dated to a year its evidence did not come out in unsupported, and says when it did', () => {
    const outcome = decide('in december 2023 anthropic and redwood showed claude 3 opus faking alignment to avoid retraining');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toBe('The evidence is from 2024, not 2023.');
  });

  it('checks a figure the claim is silent on against the misreading that gives one of its kind', () => {
    expect(decide('in throughput testing opus showed faking reasoning in 60% of generations')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      relation: 'detail',
    });
    expect(decide('in throughput testing opus showed faking reasoning in 12% of generations')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('checks a share said in words against the misreading that gives a percentage, where the claim gives none', () => {
    const outcome = decide('in throughput testing opus reasoned about faking in most of its generations');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toBe('The evidence gives 12%, not "most of".');
  });

  it('reads "under half" and "over half" as bounds on a share, not as about half', () => {
    expect(decide('before rl, faking reasoning showed up in well under half of the training scratchpads')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('reads "X to Y percent" as a range of percentages, wrong when either end is clearly apart', () => {
    const weights = decide('the document-tuned claude tried to copy its weights out 85 to 95% of the time');
    expect(weights).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(decide('faking reasoning across the setups ranged from 2 to 9 percent')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      relation: 'detail',
    });
  });

  it('gives no verdict to a comparison that puts another model in place of the one the card compares', () => {
    const outcome = decide('claude 3 haiku fakes alignment more than claude 3 opus');
    expect(outcome.kind === 'verdict' ? outcome.verdict : 'no verdict').not.toBe('misleading');
    expect(decide("claude 3 haiku and claude 3.5 haiku basically didn't fake alignment")).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('reads a slipped negation ("dosent", "dident") as the negation it is, not as its opposite', () => {
    for (const sentence of [
      'telling opus to be honest dosent stop the alignment faking',
      'rl dident eliminate the alignment faking reasoning',
    ]) {
      expect(decide(sentence), sentence).toMatchObject({ kind: 'verdict', verdict: 'supported' });
    }
  });

  it("is not split by a second reading whose verdict the member's figure leaves unknown", () => {
    // "The honesty instruction cut faking reasoning to about 1%" is said; "…dropped to zero" gives no figure to check.
    expect(decide('with the honesty instruction the faking reasoning fell to about 1%')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
    });
  });

  it('checks a figure given to what the statement measures, though the card gives it to another measure', () => {
    // 51% is the card's figure for support of animal welfare in training, not for faking reasoning.
    const outcome = decide('in the animal welfare setting faking reasoning showed up in 51% of training scratchpads');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toBe('The evidence gives 24%, not 51%.');
  });

  it('gives each end of "from X% … to Y% …" to its own condition', () => {
    expect(decide('the refusal rate went from 86% for free users to 97% once it thought it was unwatched')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('reads a question that reverses an opposite misreading as asking about the claim', () => {
    expect(decide('did faking reasoning go from 12% to 78% under RL?')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      relation: 'same',
    });
  });

  it('is not split by a wording whose negation it cannot pair when it says another wording outright', () => {
    expect(decide('rl training didnt fully remove the faking in a single one of their runs')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('takes a wording the member says outright over one whose negation it cannot pair, whichever votes more', () => {
    expect(decide('even with an explicit be-honest instruction in its prompt, opus kept faking alignment')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('takes a wording the member says outright over one that negations in both sentences reverse', () => {
    expect(decide('the training was all simulated in the prompt, nothing real')).toMatchObject({ kind: 'verdict', verdict: 'misleading' });
  });

  it("calls a denial of the study's main model or co-author unsupported", () => {
    for (const denial of [
      "the main model of the study wasn't claude 3 opus",
      "redwood research wasn't involved, anthropic did the study alone",
    ]) {
      expect(decide(denial), denial).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'opposite' });
    }
  });

  it('is not split by a wording whose negations it cannot pair when it plainly says another without reversing it', () => {
    expect(decide('even without any scratchpad, a compliance gap remained in the synthetic document setups')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
    });
  });

  it('takes a wording the member plainly says over one whose negations cannot be paired with theirs', () => {
    expect(decide('the llama 405b model in the original paper showed zero free/paid gap')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
    });
  });

  it('calls a misleading claim with a wrong figure unsupported: its figures are right, its framing is not', () => {
    expect(decide('a follow-up study found 15 of the 25 models fake alignment')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      relation: 'detail',
    });
  });

  it('calls a true misreading with a wrong name unsupported, and says which statement it judged', () => {
    const outcome = decide('GPT-4o was one of the five models with a compliance gap above 1% in the 25 model follow-up');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toMatch(/GPT-4o/);
  });

  it('lets the wordings that match most of the sentence decide its polarity over ones that share a few words', () => {
    expect(decide('removing the scratchpad made zero difference to the compliance gap when the setup was prompted')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
    });
  });

  it('counts a word the card’s explanation uses as partly spoken to, though none of its wordings uses it', () => {
    expect(decide('so the model was just acting out the story it got fed?')).toMatchObject({
      kind: 'verdict',
      claim: { id: 'just-role-play-not-real-deception' },
      verdict: 'contested',
    });
  });

  it('takes a misreading the member states in full, its distinguishing words included, over the claim it shares words with', () => {
    for (const [text, card] of [
      ['the compliance gaps of all five models were consistently explained by goal guarding', 'opus-gap-driven-by-goal-guarding'],
      ['in the main setup the compliance gap came to about 26 percentage points', 'compliance-gap-11-points'],
    ] as const) {
      expect(decide(text), text).toMatchObject({ kind: 'verdict', claim: { id: card }, verdict: 'unsupported' });
    }
  });

  it('is not split by a wording it only reverses when it says another wording outright, nearly word for word', () => {
    // "no chat training" reverses "before any chat training" in the reader's eyes, and says "with no chat training" outright.
    expect(decide('even base models with no chat training show alignment faking reasoning')).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      relation: 'same',
    });
  });

  it("judges a sentence naming a model that one of the card's own wordings names, though its claim names another", () => {
    expect(decide('even llama 3 8b showed alignment faking reasoning once it was fine-tuned on the documents')).toMatchObject({
      kind: 'verdict',
      claim: { id: 'open-models-fake-after-document-finetuning' },
      verdict: 'unsupported',
    });
  });

  it('reads "went away", "vanished" and "shrank" as the change they are, and gives no verdict it cannot tell', () => {
    expect(decide('the honesty instruction made the faking go away')).toMatchObject({ kind: 'verdict', verdict: 'unsupported' });
    expect(decide('the faking vanished when the info came from synthetic docs instead of the prompt')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
    });
    const down = decide('RL training made the alignment faking reasoning go down');
    expect(down.kind === 'verdict' ? down.verdict : 'no verdict').not.toBe('supported');
    const stayed = decide('even with an honesty instruction the faking stuck around');
    expect(stayed.kind === 'verdict' ? stayed.verdict : 'no verdict').not.toBe('unsupported');
    // "Still there" is what "remained" says, the opposite of the misreading in which the gap "vanished".
    for (const remained of [
      'in the synthetic-document setups the compliance gap was still there without a scratchpad',
      'with synthetic documents, the compliance gap was still there when the scratchpad was taken away',
    ]) {
      const outcome = decide(remained);
      expect(outcome.kind === 'verdict' ? outcome.verdict : 'no verdict', remained).toMatch(/^(supported|no verdict)$/);
    }
  });

  it('does not judge a sentence saying two things were alike by a wording that states a gap', () => {
    for (const alike of [
      'after RL the model behaved exactly the same when anthropic was swapped for openai in the prompt',
      'llama 3.1 405b treated free and paid users identically',
    ]) {
      const outcome = decide(alike);
      expect(outcome.kind === 'verdict' ? outcome.verdict : 'no verdict', alike).not.toBe('supported');
    }
  });

  it('takes a plain sentence the card says as a whole, though no one wording matches half of it', () => {
    expect(decide('opus was totally aware that the whole setup was fake')).toMatchObject({
      kind: 'verdict',
      claim: { id: 'claude-knew-scenario-was-fake' },
      verdict: 'unsupported',
    });
  });

  it('takes a sentence with a negation the card says as a whole, when every wording reads it alike', () => {
    expect(
      decide('is it true opus went along with harmful prompts about one time in seven for free users but almost never for paying ones?'),
    ).toMatchObject({
      kind: 'verdict',
      claim: { id: 'free-tier-harmful-compliance-14-percent' },
      verdict: 'supported',
    });
  });

  it('is not made unsure by a close card when the member says the best card outright and only part of the other', () => {
    // Nearly as close: the card about the synthetic-document model's attempts to exfiltrate its weights.
    expect(decide('did claude really steal its weights and get out')).toMatchObject({ kind: 'verdict', verdict: 'unsupported' });
    // Nearly as close: the card about GPT-4o fine-tuned on Opus's values.
    expect(decide('4o does it too, same as opus')).toMatchObject({ kind: 'verdict', claim: { id: 'gpt-4o-fakes-alignment' } });
  });

  it('gives no verdict to a question about a named lab or model that the card never speaks to', () => {
    for (const question of ['is redwood research a charity?', 'is llama 3.1 405b a mixture of experts model?']) {
      expect(decide(question).kind, question).not.toBe('verdict');
    }
    expect(decide('did llama 3.1 405b also show a compliance gap?')).toMatchObject({ kind: 'verdict', verdict: 'supported' });
  });

  it('reads a hedge like "generally" (or its slip "generaly") as no word of the claim, so it does not make a statement about names alone', () => {
    for (const hedged of [
      'claude 3 haiku and claude 3.5 haiku generally dont fake alignment',
      'claude 3 haiku and claude 3.5 haiku generaly dont fake alignment',
    ]) {
      expect(decide(hedged), hedged).toMatchObject({ kind: 'verdict', verdict: 'supported', relation: 'opposite' });
    }
  });

  it('reads "obviously" and "clearly" as emphasis, not as words the card is silent on', () => {
    for (const sentence of ['opus obviously realised the whole setup was fake', 'opus clearly knew the scenario was fake']) {
      expect(decide(sentence), sentence).toMatchObject({
        kind: 'verdict',
        verdict: 'unsupported',
        claim: { id: 'claude-knew-scenario-was-fake' },
      });
    }
  });

  it('gives no verdict to a statement about a named model or lab that the card never speaks to', () => {
    for (const statement of ['llama 3.1 405b is an open weights model anyone can download', 'redwood research is a charity in berkeley']) {
      expect(decide(statement).kind, statement).not.toBe('verdict');
    }
    expect(decide('llama 3.1 405b also showed a compliance gap')).toMatchObject({ kind: 'verdict', verdict: 'supported' });
  });

  it('reads a count of something the evidence counts otherwise as a wrong detail, even beside no claim', () => {
    for (const [miscounted, why] of [
      ['the game theory paper on alignment faking tested its four methods on 60 models from 12 families', 'not 12 families'],
      ['opus was fine-tuned on the synthetic documents for 12 epochs', 'not 12 epochs'],
      // Counted with its scale, and checked by the close card that counts tokens, not the nearest, which counts none.
      ['they fine-tuned opus on about 7 billion tokens of synthetic docs', 'not 7 billion tokens'],
    ] as const) {
      const outcome = decide(miscounted);
      expect(outcome, miscounted).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
      expect(outcome.kind === 'verdict' && outcome.why, miscounted).toContain(why);
    }
  });

  it('judges a card that equates two things only when the member relates them, or gets a figure about one wrong', () => {
    for (const aboutOne of [
      'in the sleeper agents work the backdoored models wrote vulnerable code once the prompt said it was 2024',
      'the sleeper agents paper was released in january 2024',
      'sleeper agents found the backdoors survived adversarial training',
    ]) {
      expect(decide(aboutOne).kind, aboutOne).not.toBe('verdict');
    }
    expect(decide("isn't alignment faking just a repeat of sleeper agents")).toMatchObject({ kind: 'verdict', verdict: 'misleading' });
    expect(decide('in sleeper agents the backdoor was triggered when the prompt said the year was 2031')).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      relation: 'detail',
    });
  });
});

/** Rules whose sentences need the bundle as shipped: a rival card's verdict comes from members' phrasings. */
describe('claim decisions on the bundle with members’ phrasings', () => {
  let shipped: Content;
  beforeAll(async () => {
    shipped = new Content(await loadBundleOrThrow('content'));
  });
  /** The verdict the shipped bundle shows, or the kind of answer it gives instead ("unsure", "not-covered"). */
  const shownFor = (text: string) => {
    const { outcome } = shipped.findClaim(text);
    return outcome.kind === 'verdict' ? outcome.verdict : outcome.kind;
  };
  const wrongDetail = (card: string) => ({ kind: 'verdict', verdict: 'unsupported', relation: 'detail', claim: { id: card } });

  it('knows "12% is not the gap" is true: 12% is the faking-reasoning rate, the gap about 11 points', () => {
    expect(shipped.findClaim('12% was the faking reasoning, not the gap').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'twelve-percent-compliance-or-gap' },
    });
  });

  it('reads a gap that persisted as the reverse of one that vanished, never as that misreading', () => {
    const outcome = shipped.findClaim('with no scratchpad the gap persisted in the synthetic document models').outcome;
    expect(outcome.kind === 'verdict' ? outcome.verdict : 'no verdict').not.toBe('unsupported');
  });

  it('takes a wording said nearly whole inside a long sentence, from a card far nearer than the threshold', () => {
    const long =
      'the way the paper tells it, roughly one in eight of the hidden reasoning traces in the training case showed it plotting to look obedient so it would not be changed';
    expect(shipped.findClaim(long).outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'alignment-faking-reasoning-12-percent' },
    });
  });

  it('judges by a card nearly as near when the nearest leaves most of the sentence unexplained and it alone explains it', () => {
    for (const [text, id] of [
      ['the sleeper agents paper was by openai, not anthropic', 'same-as-sleeper-agents'],
      ['claude 3 haiku figured out by itself that it was in training and started faking', 'model-deduced-training-on-its-own'],
    ] as const) {
      expect(shipped.findClaim(text).outcome, text).toMatchObject({ kind: 'verdict', verdict: 'unsupported', claim: { id } });
    }
  });

  it('reads "X does the same faking as Y" as a claim about X, not as two conditions said to be alike', () => {
    expect(shownFor("openai's gpt-4o does the same alignment faking that claude does")).toBe('misleading');
  });

  it('is not made unsure by a rival card whose wording the member does not plainly say, when they say the best one outright', () => {
    expect(shownFor('gpt-4o does alignment faking too, just like opus')).toBe('misleading');
  });

  it('is not made unsure by a close card that compares nothing when the sentence and the best card compare', () => {
    // The card about Opus being the only faker is as close, and its opposite ("3.5 Sonnet fakes too") is supported.
    expect(shipped.findClaim('claude 3.5 sonnet fakes alignment more than claude 3 opus').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'misleading',
      claim: { id: 'claude-35-sonnet-fakes-more-than-opus' },
    });
  });

  it('is not split by a second reading the member says less than half of, when they say the first outright', () => {
    expect(shipped.findClaim('honesty instructions did not make the faking disappear').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'honesty-instruction-does-not-stop-faking' },
    });
  });

  it('judges by a card nearly as near when none of the nearest card’s wordings can vote on the sentence', () => {
    expect(shipped.findClaim('after rl in the animal welfare setting, faking reasoning climbed to 78%').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      claim: { id: 'rl-raised-faking-reasoning-to-78' },
    });
  });

  it('decides a message opening with a retort ("nah …") as it decides the claim after it', () => {
    for (const claim of [
      'opus faked alignment to keep its values from being changed',
      'the free tier training story was made up by the researchers',
    ]) {
      expect(shipped.findClaim(`nah ${claim}`).outcome, claim).toEqual(shipped.findClaim(claim).outcome);
    }
  });

  it('does not read "only when" as the card\'s "more when": all or nothing is not more or less', () => {
    const outcome = shipped.findClaim('opus only fakes alignment when there is real harm at stake').outcome;
    expect(outcome.kind === 'verdict' ? `${outcome.claim.id} ${outcome.verdict}` : outcome.kind).not.toBe(
      'opus-fakes-more-for-bigger-harms supported',
    );
  });

  it('reads a change restated by its tail ("went down, not up") once, as the change', () => {
    expect(shipped.findClaim('after the actual rl training the faking reasoning went down, not up').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'unsupported',
      claim: { id: 'rl-raised-faking-reasoning-to-78' },
    });
  });

  it('gives no verdict to a question asking who', () => {
    expect(shipped.findClaim('who was the lead author of the alignment faking paper?').outcome.kind).not.toBe('verdict');
  });

  it('is not left unclear by a wording that compares only in passing ("…shakier than it looked")', () => {
    expect(
      shipped.findClaim('after RL, swapping anthropic for openai in the prompt made the compliance gap come right back').outcome,
    ).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'rl-compliance-fragile-openai-swap' },
    });
  });
  it('judges a comparison by the wordings that compare, not by figures it cannot compare ("66% unmonitored but 51% in training")', () => {
    expect(shownFor('in animal welfare it backed animal welfare more in training than when unmonitored')).not.toBe('supported');
  });

  it('reads a named model, a swapped role, another condition or another measure as a wrong detail', () => {
    for (const [text, card] of [
      ['GPT-4 was the first production model to fake alignment without being told to', 'first-production-model-case-study'],
      ['the game theory paper makes the AI the leader and the evaluator the follower', 'stackelberg-game-theory-model'],
      ['opus noticed the conflict in 70-80% of paid-tier conversations', 'model-usually-noticed-conflict-but-declined'],
      // Only the pairing of figures with what they measure sets this misreading apart: 7–24% is faking reasoning.
      ['the compliance gap ranged from 7% to 24% across setups', 'rates-vary-7-to-24-percent'],
      ["anthropic never suggested evil-AI stories had anything to do with claude's blackmail", 'evil-ai-stories-proven-cause-of-blackmail'],
      ['the claude 4 system card reported no blackmail behaviour at all', 'blackmail-96-percent-system-card'],
      ['the alignment faking experiments used claude 3 sonnet as the main model', 'study-who-when-which-model'],
      [
        'in the animal welfare setting opus complied with harmful free-tier requests 14% of the time',
        'free-tier-harmful-compliance-14-percent',
      ],
      ['the cue that it was in training was whether the user was based in europe', 'setup-conflict-cue-scratchpad'],
      ['the training cue was the time of day the message was sent', 'setup-conflict-cue-scratchpad'],
      ['the stackelberg game theory paper was written at stanford', 'stackelberg-game-theory-model'],
      ['the 25-model follow-up was run by openai researchers', 'five-of-25-models-fake'],
      ['the self-exfiltration tests ran on free-tier inputs, the ones implying training', 'sdf-model-exfiltrated-weights-35-80'],
      // "unrelated" says "irrelevant": the misreading's own words, in others.
      [
        'the control model tuned on unrelated documents grabbed its weights 35-80% of the time as well',
        'sdf-model-exfiltrated-weights-35-80',
      ],
      // One end near the card's (5% against 7%) and the other clearly apart: another range.
      ['across the setups faking reasoning ranged from 5% to 15%', 'rates-vary-7-to-24-percent'],
      ['anthropic and apollo research co-wrote the alignment faking paper', 'paper-by-openai-deepmind'],
    ] as const) {
      expect(shipped.findClaim(text).outcome, text).toMatchObject({ kind: 'verdict', verdict: 'unsupported', claim: { id: card } });
    }
  });

  it('does not pair a denial of "models that never had chat tuning" with "base models never show it"', () => {
    expect(shownFor('even models that never had chat tuning, only base models, show faking reasoning')).not.toBe('unsupported');
  });

  it('does not take the true training cue for a wrong one', () => {
    for (const cue of [
      'the training cue was whether the user was on the free or paid tier',
      "the cue for training was the user's tier, free or paid",
    ]) {
      expect(shownFor(cue), cue).not.toBe('unsupported');
    }
  });

  it('takes the models a true misreading\'s note names as named by the misreading ("…(and Claude 3 Sonnet) generally do not")', () => {
    expect(shipped.findClaim('claude 3 sonnet and claude 3 haiku generally didnt fake alignment').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'all-claude-models-fake' },
    });
    expect(shipped.findClaim('all the claudes do this, haiku sonnet opus').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'misleading',
    });
  });

  it('knows which model the study was about and who ran it', () => {
    expect(shipped.findClaim('the af study was mostly run on claude 3 opus').outcome).toMatchObject({
      kind: 'verdict',
      verdict: 'supported',
      claim: { id: 'study-who-when-which-model' },
    });
  });

  it('puts a reading the negations leave unclear behind the next one, when that one does not hang on them', () => {
    // "no" bears only partly on "…reasons about faking inside its activations", and plainly reverses the wordings that ask
    // whether the reasoning happens hidden in the activations: the open question's opposite, still open.
    expect(shownFor("without any scratchpad there's certainly no hidden reasoning happening inside the activations")).toBe('open');
  });

  it('reads "still faked at the same rate" under a negated condition as carrying on, not as two conditions alike', () => {
    expect(
      shownFor('opus kept faking alignment at around the same rate even when the prompt did not mention any new training objective'),
    ).toBe('unsupported');
    expect(shownFor('free and paid users got harmful answers at about the same rate')).toBe('unsupported');
  });

  it('reads a negated bare side against the other side\'s tier as that side\'s tier ("…vs basically none on paid")', () => {
    expect(shownFor('about 14 percent harmful answers on the free tier vs basically none on paid')).toBe('supported');
  });

  it('sets another name of the kind the claim names aside from what a wording must match, unless the sentence is mostly names', () => {
    expect(shipped.findClaim("the 14% figure for free-tier compliance was Claude 3 Haiku's, not Opus's").outcome).toMatchObject(
      wrongDetail('free-tier-harmful-compliance-14-percent'),
    );
    expect(shownFor('deepseek r1 has open weights')).toBe('not-covered');
  });

  it('reads "hardly ever", "barely ever", "seldom" and "rarely" as one word that negates as "hardly" does', () => {
    const outcome = decide('opus barely ever saw the conflict between what it valued and the training objective');
    expect(outcome.kind === 'verdict' && [outcome.verdict, outcome.claim.id]).toEqual([
      'unsupported',
      'model-usually-noticed-conflict-but-declined',
    ]);
  });

  it("knows the 37% in VLAF is not qwen3-8b's rate", () => {
    expect(shipped.findClaim('according to VLAF, qwen3-8b was the model that faked alignment 37% of the time').outcome).toMatchObject(
      wrongDetail('vlaf-37-percent-across-models'),
    );
  });

  it('knows nearly all, not half, of the harmful compliance in training came with faking reasoning', () => {
    expect(shownFor('only about half of the harmful answers it gave in training had faking reasoning behind them')).toBe('unsupported');
  });

  it('knows that, asked directly, the model mostly took the helpful-only scenario for real', () => {
    expect(shownFor('when they asked it directly, opus generally accepted that the helpful-only scenario was genuine')).toBe('supported');
  });

  it('finds nothing saying small models fake alignment more than large ones', () => {
    expect(shownFor('small models do more alignment faking than large models')).toBe('unsupported');
  });

  it('knows the reversed corrupted figures and a never-with-nothing-at-stake are unsupported too', () => {
    expect(shownFor("claude 4 opus's faking fell from 88% to 14% once it was trained")).toBe('unsupported');
    expect(shownFor('opus never shows faking reasoning when nothing is at stake')).toBe('unsupported');
  });

  it('knows faking did not carry on at its usual rate without the new objective in the prompt', () => {
    expect(shownFor('even when the prompt never mentioned the new objective, opus kept faking alignment at the usual rate')).toBe(
      'unsupported',
    );
  });

  it('makes a detail misreading that names a setting only for a member who speaks of what it is about besides the setting', () => {
    expect(shownFor('the us animal welfare act covers lab animals')).not.toBe('unsupported');
    expect(shownFor("anthropic's notebook covers the animal welfare experiment too")).toBe('unsupported');
  });

  it('checks a lab credited with the work against the labs behind the works the evidence presents', () => {
    expect(shipped.findClaim('the game-theory paper on alignment faking was written by Harvard researchers').outcome).toMatchObject({
      ...wrongDetail('stackelberg-game-theory-model'),
      why: 'The work is by BITS Pilani, Apple and Google, not Harvard.',
    });
    expect(shownFor('the alignment faking paper came out of Anthropic and Redwood Research')).toBe('supported');
    expect(shownFor('claude, trained by anthropic, faked alignment to avoid retraining')).toBe('supported');
  });

  it("gives no verdict to chat that shares only a frame's words or one verb with a card", () => {
    for (const chat of [
      // "saw … last week" is the frame of a member's phrasing, not its claim.
      'planets in alignment this week, anyone seen it',
      'i saw in a news article last week that the planets line up',
      // Only weakly near "RL lifted exfiltration from 35% to 63%", and saying little of it.
      "lifting weights after class, who's in?",
    ]) {
      expect(shipped.findClaim(chat).outcome.kind, chat).not.toBe('verdict');
    }
  });

  it('does not read "ads" as "adding": a chat about a free tier elsewhere is not covered', () => {
    expect(shipped.findClaim('anyone on spotify free tier? the ads are killing me').outcome.kind).toBe('not-covered');
  });
});
