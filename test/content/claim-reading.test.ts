import { describe, expect, it } from 'vitest';
import { checkDetails, makesDetail } from '../../src/content/claims/details.js';
import { withoutFrames } from '../../src/content/claims/frames.js';
import { sentenceFacts } from '../../src/content/claims/language.js';
import { negationUnclear, reverses } from '../../src/content/claims/reversal.js';
import { SentenceReader } from '../../src/content/claims/sentence.js';
import { claimTerms } from '../../src/content/claims/terms.js';

/** The relation rules on sentences of our own, against a small word list, so they hold whatever the cards say. */
const reader = new SentenceReader({
  names: [
    { kind: 'model', name: 'Claude 3 Opus', also: ['Opus'] },
    { kind: 'model', name: 'GPT-4o', also: ['GPT 4o'] },
    { kind: 'setting', name: 'helpful-only', also: ['helpful only'] },
    { kind: 'setting', name: 'animal welfare', also: [] },
    { kind: 'lab', name: 'Anthropic', also: [] },
    { kind: 'lab', name: 'Redwood Research', also: ['Redwood'] },
    { kind: 'lab', name: 'OpenAI', also: [] },
    { kind: 'route', name: 'prompted', also: ['prompt'] },
    { kind: 'route', name: 'synthetic documents', also: ['documents'] },
  ],
  opposites: [['free tier', 'paid tier']],
  measures: [{ name: 'faking reasoning', also: [] }],
});
const read = (text: string) => reader.read(text);

describe('whether a sentence reverses a wording', () => {
  const card = read('With free-tier users Opus answered harmful requests 14% of the time, but almost never with paid-tier users.');

  it('ignores a negation about the other side of a domain opposite the member never names', () => {
    const said = read('opus answered harmful requests 14% of the time for free users');
    expect(reverses(said, card, reader.opposites)).toBe(false);
    expect(negationUnclear(said, card, reader.opposites)).toBe(false);
  });

  it('reads a negated change as the change denied when the other sentence names neither direction', () => {
    const steer = new SentenceReader({ names: [], opposites: [['increase', 'reduce']], measures: [] });
    const denied = steer.read("the steering vector didn't reduce alignment faking");
    expect(reverses(steer.read('the steering vector had no effect on alignment faking'), denied, steer.opposites)).toBe(false);
    expect(reverses(steer.read('the steering vector had an effect on alignment faking'), denied, steer.opposites)).toBe(true);
  });

  it('pairs off negations that describe the same group in other words ("models that don\'t fake" / "models that don\'t show it")', () => {
    const suppresses = read("refusal training suppresses alignment faking in models that don't show it");
    expect(
      reverses(read("models that don't fake alignment often could, refusal training suppresses it"), suppresses, reader.opposites),
    ).toBe(false);
    expect(
      reverses(read("refusal training never suppresses alignment faking in models that don't show it"), suppresses, reader.opposites),
    ).toBe(true);
  });

  it('reads "doesn\'t stop it faking" as what "it still faked" says, and "it stopped faking" as its reverse', () => {
    const unstopped = read("telling it to be honest doesn't stop it from faking alignment");
    expect(reverses(read('they told it to be honest and it still faked alignment'), unstopped, reader.opposites)).toBe(false);
    expect(reverses(read('they told it to be honest and it stopped faking alignment'), unstopped, reader.opposites)).toBe(true);
  });

  it('reads negations about opposite sides of a domain opposite as a swap of the sides, not as a pair', () => {
    const swapped = read('paid users got harmful answers 14% of the time, free users almost never');
    expect(reverses(swapped, card, reader.opposites)).toBe(true);
    expect(reverses(read('free users got harmful answers 14% of the time, paid users almost never'), card, reader.opposites)).toBe(false);
  });

  it('reads an elided negation ("…, free-tier ones weren\'t") as denying its side what the sentence says of the other', () => {
    const told = read('the model was told its free-tier chats were the ones used for training');
    const swapped = read("the model was told paid-tier chats would be used for training and free-tier ones wouldn't");
    expect(swapped.negations.map((scope) => scope.terms)).toEqual([['freetier', '1']]);
    expect(reverses(swapped, told, reader.opposites)).toBe(true);
    expect(reverses(read("free-tier chats would be used for training and paid-tier ones wouldn't"), told, reader.opposites)).toBe(false);
    // Against a sentence that names both sides, the elided negation pairs with nothing: the two sentences' sides tell.
    const both = read("paid-tier chats were used for training and free-tier chats weren't");
    expect(reverses(swapped, both, reader.opposites)).toBe(false);
    // Without a contrast of the domain's sides, what the elided verb denies cannot be told: no negation.
    expect(read("most claude models fake alignment, haiku generally didn't").negations).toEqual([]);
  });

  it('pairs denials that follow the same verb or adverb, whatever words they deny ("chose not to fake" / "chose not to game it")', () => {
    const declined = read('it saw the clash most of the time yet usually chose not to game the training');
    expect(reverses(read('opus noticed the clash most of the time but usually chose not to fake'), declined, reader.opposites)).toBe(false);
  });

  it('reads "no one had caught a model doing this before" as what "the first case" says', () => {
    const first = read('this was the first case of a production model faking alignment unprompted');
    expect(reverses(read('no one had caught a production model faking alignment unprompted before'), first, reader.opposites)).toBe(false);
    expect(reverses(read('this was not the first case of a production model faking alignment unprompted'), first, reader.opposites)).toBe(
      true,
    );
  });

  it('reads two comparisons whose sides trade places as reversed, whatever they name', () => {
    const card = read('Claude 3.5 Sonnet fakes alignment more than Opus');
    expect(reverses(read('Opus fakes alignment more than Claude 3.5 Sonnet'), card, reader.opposites)).toBe(true);
    expect(reverses(read('Claude 3.5 Sonnet fakes alignment more often than Opus does'), card, reader.opposites)).toBe(false);
  });

  it('reads "didn\'t kill the faking" as what "the faking stuck around" says', () => {
    const unkilled = read("the honesty instruction didn't kill the faking");
    expect(reverses(read('with the honesty instruction the faking stuck around'), unkilled, reader.opposites)).toBe(false);
    expect(
      reverses(
        read('with the honesty instruction the faking survived'),
        read('the honesty instruction did not remove the faking'),
        reader.opposites,
      ),
    ).toBe(false);
  });

  it('still reads a negation of what both sentences say', () => {
    expect(reverses(read('opus never answered harmful requests from free-tier users'), card, reader.opposites)).toBe(true);
  });

  it('reads a swapped pair of phrasal verbs once: "went up" against "went down" is one reversal, not up/down again', () => {
    const rose = new SentenceReader({ names: [], opposites: [['increase', 'drop']], measures: [] });
    const up = rose.read('after RL the faking reasoning went up');
    expect(reverses(rose.read('after RL the faking reasoning went down'), up, rose.opposites)).toBe(true);
    expect(reverses(rose.read('after RL the faking reasoning shrank'), up, rose.opposites)).toBe(true);
  });

  it('reads a comparison that puts the two sides of an opposite the other way round as reversed', () => {
    const more = read('Opus complied with harmful requests more on the free tier than on the paid tier');
    expect(reverses(read('opus complied more on the paid tier than on the free tier'), more, reader.opposites)).toBe(true);
    expect(reverses(read('opus complied less on the paid tier than on the free tier'), more, reader.opposites)).toBe(false);
    expect(reverses(read('opus complied less on the free tier than on the paid tier'), more, reader.opposites)).toBe(true);
  });

  it('reads no antonym in the copula: "differed" against "was" reverses nothing', () => {
    const gap = read('The compliance gap between training and unmonitored was about 11 points.');
    expect(reverses(read('compliance differed by about 11 points between training and unmonitored'), gap, reader.opposites)).toBe(false);
  });

  it('reads the order of a change said with "up to" or "down to" ("from 12% up to 78%" against "down from 78% to 12%")', () => {
    const raised = read('RL pushed the faking reasoning from 12% up to 78%');
    expect(reverses(read('rl brought faking reasoning down from 78% to 12%'), raised, reader.opposites)).toBe(true);
    expect(reverses(read('rl took faking reasoning from about 12% all the way up to 78%'), raised, reader.opposites)).toBe(false);
  });

  it('reads no antonym between two nouns ("3 ingredients right?" against "three parts"), but a pair the tagger half-reads as one', () => {
    const parts = read('the setup had three parts: a conflicting goal, a training cue and a private scratchpad');
    expect(
      reverses(
        read('the setup had 3 ingredients right? a conflicting goal, a training cue and a private scratchpad'),
        parts,
        reader.opposites,
      ),
    ).toBe(false);
    const dislikes = read('opus fakes alignment because it intrinsically dislikes being modified');
    expect(reverses(read("opus fakes alignment because it just doesn't like being modified"), dislikes, reader.opposites)).toBe(false);
  });

  it('reads antonyms for the whole WordNet sense, not only the words WordNet pairs ("harder" against "easier")', () => {
    const easier = read('the setup made alignment faking easier than real training');
    expect(reverses(read('the setup made alignment faking harder than real training'), easier, reader.opposites)).toBe(true);
  });

  it('reads "nobody", "noone" and "nothing" as negations, which the language model does not flag', () => {
    const told = read('the researchers told claude to fake alignment');
    expect(reverses(read('nobody told claude to fake alignment'), told, reader.opposites)).toBe(true);
    expect(reverses(read('noone told claude to fake alignment'), told, reader.opposites)).toBe(true);
    const cut = read('the steering vector reduced alignment faking');
    expect(reverses(read('the steering vector did nothing to reduce alignment faking'), cut, reader.opposites)).toBe(true);
  });

  it('ends the scope of "nothing" or "nobody" with its clause, so a reason given after it is not denied', () => {
    const scopes = read('opus fakes alignment when nothing is at stake because it hates being modified').negations;
    expect(scopes.map((scope) => scope.written)).toEqual([['stake']]);
    const wording = read('opus fakes alignment even when nothing is at stake, because it hates being modified');
    const denied = read('opus never fakes alignment when nothing is at stake');
    expect(
      negationUnclear(denied, read('opus fakes alignment even when nothing is at stake because it hates being modified'), reader.opposites),
    ).toBe(negationUnclear(denied, wording, reader.opposites));
  });

  it('reads "failed to" and "unable to" as negations, and "no matter", "not just", "not only" as none', () => {
    expect(reverses(read('RL failed to remove the faking'), read('RL removed the faking'), reader.opposites)).toBe(true);
    expect(read('the model was unable to hide its reasoning').negations).toHaveLength(1);
    for (const text of [
      'no matter which run, the faking stayed',
      'sonnet faked too, not just opus',
      'it was not only opus but also sonnet',
    ]) {
      expect(read(text).negations, text).toEqual([]);
    }
  });

  it('reads the setting "not just" adds as said besides the rest, so a wording that denies it is not reversed by it', () => {
    const documentsOnly = read('it faked when it learned only from the documents, not from the prompt');
    expect(reverses(read('it faked with the documents too, not just with the prompt'), documentsOnly, reader.opposites)).toBe(false);
    expect(reverses(read('it faked with the documents and with the prompt'), documentsOnly, reader.opposites)).toBe(true);
  });

  it('pairs a denial that names its subject before "never" with one that denies that subject', () => {
    const paidNever = read('with free-tier users opus answered harmful requests 14% of the time, but almost never with paid-tier users');
    const said = read(
      'for free-tier users opus went along with harmful requests 14% of the time, while paid-tier users almost never got that',
    );
    expect(reverses(said, paidNever, reader.opposites)).toBe(false);
    expect(
      reverses(read('free-tier users got harmful answers 14% of the time, and paid-tier users too'), paidNever, reader.opposites),
    ).toBe(true);
  });

  it('reads "not X" as what "a different thing from X" says', () => {
    const different = read('the blackmail tests are a different thing from alignment faking');
    expect(reverses(read('the blackmail tests are a different thing, not alignment faking'), different, reader.opposites)).toBe(false);
    const same = read('the blackmail tests are alignment faking');
    expect(reverses(read('the blackmail tests are not alignment faking'), same, reader.opposites)).toBe(true);
  });

  it('ends a negation at a dash or colon, or where "and" opens a clause with its own subject or verb, not before two things denied alike', () => {
    const negated = (text: string) => sentenceFacts(text).negations.flatMap((scope) => scope.words);
    expect(negated("the details weren't in the prompt and claude only picked them up from news articles")).not.toContain('pick');
    expect(negated('the details were never in the prompt and only came from fine-tuning')).not.toContain('come');
    expect(negated("rl didn't raise the faking and the compliance")).toContain('compliance');
    expect(negated("12% isn't the compliance gap — the gap was about 11 points")).not.toContain('point');
    expect(negated("the scratchpad wasn't private: users saw it")).not.toContain('see');
  });

  it('reads "decided against" or "chose against" as "decided not to", and "against" elsewhere as no negation', () => {
    const declined = read('opus mostly decided not to fake alignment');
    expect(reverses(read('opus mostly decided against faking alignment'), declined, reader.opposites)).toBe(false);
    expect(reverses(read('opus mostly decided to fake alignment'), declined, reader.opposites)).toBe(true);
    expect(read('the training goal went against its values').negations).toEqual([]);
  });

  it('pairs no negation that describes a noun with one that denies what the noun does', () => {
    const denied = read('base models never show alignment faking reasoning');
    const said = read('alignment faking reasoning shows up even in base models that never got chat fine-tuning');
    expect(reverses(said, denied, reader.opposites)).toBe(true);
    expect(reverses(read('alignment faking reasoning never shows up in base models'), denied, reader.opposites)).toBe(false);
  });

  it('reads a "didn\'t" before a place or condition as leaving out its verb, and "weren\'t on the paper" as a whole denial', () => {
    const [elided] = sentenceFacts("claude 3 haiku generally didn't in the original paper").negations;
    expect(elided).toMatchObject({ elided: true });
    expect(elided?.words).not.toContain('paper');
    expect(read("openai and deepmind weren't on the paper").negations.map((scope) => scope.written)).toEqual([['paper']]);
  });

  it('reads "without it" as a condition on a thing named before, not as denying what the other sentence says', () => {
    const wording = read('the scratchpad makes zero difference, you get the same gap without it');
    expect(reverses(read('the scratchpad makes zero difference to the compliance gap'), wording, reader.opposites)).toBe(false);
    expect(reverses(read('the scratchpad makes a big difference to the compliance gap'), wording, reader.opposites)).toBe(true);
  });

  it('reads "barely" and "hardly" as negations', () => {
    const cut = read('the steering vector reduced alignment faking');
    expect(reverses(read('the steering vector barely reduced alignment faking'), cut, reader.opposites)).toBe(true);
  });

  it('reads "zero" before a noun as a negation, not "dropped to zero"', () => {
    const gap = read('llama 405b showed a compliance gap');
    expect(reverses(read('llama 405b showed zero compliance gap'), gap, reader.opposites)).toBe(true);
    expect(read('faking dropped to zero').negations).toEqual([]);
  });

  it("reads a second negation inside a first one as its own, so it can pair with the other sentence's", () => {
    const card = read('Opus fakes alignment even when nothing is at stake');
    expect(reverses(read('opus never faked alignment when there was nothing at stake'), card, reader.opposites)).toBe(true);
    expect(reverses(read('opus faked alignment when there was nothing at stake'), card, reader.opposites)).toBe(false);
  });

  it('reads a "never" that ends its clause as negating what the clause said before it', () => {
    const said = read('opus answered harmful requests 14% of the time for free tier users, paid tier users almost never');
    expect(said.negations.map((scope) => scope.written)).toContainEqual(['paid', 'tier', 'users', 'almost']);
    expect(reverses(said, card, reader.opposites)).toBe(false);
  });

  it('reads a clause-ending "never" after a colon as negating what the colon follows', () => {
    const said = read('free tier: harmful answers ~14%. paid tier: basically never');
    expect(said.negations.map((scope) => scope.written)).toContainEqual(['paid', 'tier', 'basically']);
    expect(reverses(said, card, reader.opposites)).toBe(false);
  });

  it('reads two negations of a wording that has none as one reversal, not two that cancel', () => {
    const released = read('the researchers released their code and transcripts so anyone can reproduce the results');
    const denied = read('the researchers never released any code or transcripts, so you cannot reproduce the results');
    expect(reverses(denied, released, reader.opposites)).toBe(true);
  });

  it('pairs off one denial on each side that touch each other, even in other words', () => {
    const wording = read("opus's compliance gap isn't explained by goal guarding at all");
    const said = read("opus's compliance gap has nothing to do with protecting its goals");
    expect(negationUnclear(said, wording, reader.opposites)).toBe(false);
    expect(reverses(said, wording, reader.opposites)).toBe(false);
    expect(reverses(read("opus's compliance gap is explained by goal guarding"), wording, reader.opposites)).toBe(true);
  });

  it('calls the relation unclear when a negation shares only a few of its words with the other sentence', () => {
    const wording = read("Bengio being an external reviewer doesn't mean he endorsed the conclusions");
    expect(negationUnclear(read('the external reviewers signed off on all the conclusions'), wording, reader.opposites)).toBe(true);
  });
});

describe('chat short forms', () => {
  it('spells out "af", "docs", "w/o" and "bc" before reading, so their words and negations count', () => {
    expect(claimTerms('af reasoning in the docs')).toEqual(claimTerms('alignment faking reasoning in the documents'));
    expect(read('w/o a scratchpad there was no gap').negations.length).toBe(read('without a scratchpad there was no gap').negations.length);
    expect(claimTerms('a leaf, a draft')).toEqual(claimTerms('leaf draft'));
    const because = read('nothing is at stake because it hates being modified').negations;
    for (const short of ['bc', 'b/c', 'cuz', 'coz']) {
      expect(read(`nothing is at stake ${short} it hates being modified`).negations, short).toEqual(because);
    }
  });
});

describe('words about the sentence, not its claim', () => {
  it('drops hedges ("generally") and words that frame a summary ("headline", "recap", "I reckon")', () => {
    expect(claimTerms('claude 3 haiku generally didnt fake alignment')).toEqual(claimTerms('claude 3 haiku didnt fake alignment'));
    expect(claimTerms("recap: that's the headline number, i reckon")).toEqual(claimTerms("that's the number"));
  });

  it('keeps words apart that the stemmer folds together ("ads" and "adding", "news" and "new")', () => {
    expect(claimTerms('ads')).not.toEqual(claimTerms('adding'));
    expect(claimTerms('added')).toEqual(claimTerms('adding'));
    expect(claimTerms('news')).not.toEqual(claimTerms('new'));
  });

  it('drops "a sonnet" and "a haiku": poems, not models', () => {
    expect(claimTerms('a sonnet has 14 lines')).toEqual(claimTerms('has 14 lines'));
    expect(claimTerms('claude 3.5 sonnet faked more')).toContain(claimTerms('sonnet')[0]);
  });

  it('reads what a number counts: the nouns right after it, not a name, a modifier, "one" or a part', () => {
    const counted = (text: string) => sentenceFacts(text).counted.map(({ value, unit }) => `${value} ${unit}`);
    expect(counted('the document fine-tuning ran for 10 epochs')).toEqual(['10 epoch']);
    expect(counted('15 models from four model families')).toEqual(['15 model', '4 model family']);
    expect(counted('only the two claude models reasoned about faking')).toEqual(['2 claude model']);
    expect(counted('trained on 30k documents')).toEqual(['30000 document']);
    expect(counted('about 7 billion tokens, or was it 70M tokens')).toEqual(['7000000000 token', '70000000 token']);
    for (const nothingCounted of [
      'claude 3 models',
      'the 25-model follow-up',
      'opus is the one model whose gap comes from goal guarding',
      'the other four models',
      'in 2024 papers',
    ]) {
      expect(counted(nothingCounted), nothingCounted).toEqual([]);
    }
  });

  it('reads a change with its object between the verb and "down" or "up" as the change ("brought the faking way down")', () => {
    expect(claimTerms('rl brought the faking reasoning way down')).toContain(claimTerms('went down')[0]);
    expect(claimTerms('training pushed the gap all the way up')).toContain(claimTerms('went up')[0]);
    expect(claimTerms('they brought up the scratchpad')).not.toContain(claimTerms('went up')[0]);
  });

  it('drops the emphasis that closes a claim ("full stop", "end of story"), not "stop" alone', () => {
    expect(claimTerms('no claude model fakes alignment, full stop')).toEqual(claimTerms('no claude model fakes alignment'));
    expect(claimTerms('no scratchpad, no faking, end of story')).toEqual(claimTerms('no scratchpad, no faking'));
    expect(claimTerms('an honesty instruction did not stop the faking')).toContain(claimTerms('stop')[0]);
  });

  it('folds "sole" into "only", "damage" into "harm" and "dodge" into "avoid"', () => {
    expect(claimTerms('it complied to dodge getting retrained')).toEqual(claimTerms('it complied to avoid getting retrained'));
    expect(claimTerms('the scratchpad is the sole reason it faked')).toEqual(claimTerms('the scratchpad is the only reason it faked'));
    expect(claimTerms('it fakes more when the future damage is worse')).toEqual(claimTerms('it fakes more when the future harm is worse'));
  });
});

describe('chat contractions without an apostrophe', () => {
  it('reads "nothings at stake" as the negation "nothing\'s at stake"', () => {
    const card = read('opus fakes even with nothing at stake');
    expect(reverses(read('opus fakes even when nothings at stake'), card, reader.opposites)).toBe(false);
  });
});

describe('questions', () => {
  it('tells an open question, which asks for something, from one about a claim or its figure', () => {
    expect(read('who founded redwood research').asksFor).toBe(true);
    expect(read('what is a token in an llm').asksFor).toBe(true);
    expect(read('so is redwood a nonprofit? what do they do?').asksFor).toBe(false);
    expect(read('how often did opus fake alignment?').asksFor).toBe(false);
    expect(read('what percentage of scratchpads showed faking?').asksFor).toBe(false);
    expect(read('what claude was protecting was its harmlessness').asksFor).toBe(false);
    expect(read('did claude fake alignment?').asksFor).toBe(false);
    expect(read('when did the sleeper agents paper come out?').asksFor).toBe(true);
    expect(read('when it thought it was being trained, claude complied more').asksFor).toBe(false);
    expect(read('when they did RL to make it comply, faking went up to 78%?').asksFor).toBe(false);
    expect(read('so when did redwood start working with anthropic?').asksFor).toBe(true);
    expect(read('whats the difference between a base model and a chat model').asksFor).toBe(true);
    expect(read('whats scary is it worked out the setup on its own').asksFor).toBe(false);
  });

  it('reads a statement with a question mark as stating what it asks about, negations included', () => {
    expect(read("didn't RL remove the faking?").question).toBe(true);
    expect(read('wait, was it opus that faked?').question).toBe(true);
    expect(read("it faked alignment, wasn't it").question).toBe(true);
    const statedAsking = read('so removing the scratchpad made no difference to the gap?');
    expect(statedAsking.question).toBe(false);
    expect(statedAsking.negations).toHaveLength(1);
  });

  it('reads a negated auxiliary before its subject, opening a clause, as asking, question mark or not', () => {
    const card = read('When researchers trained Claude with RL to always comply, its alignment-faking reasoning rose to 78%.');
    const asking = read("so wasn't it the case that RL raised faking reasoning to 78%");
    expect(asking.question).toBe(true);
    expect(reverses(asking, card, reader.opposites)).toBe(false);
    expect(read('idk which number to quote tbh, isnt it just a range, like 7 to 24% reasoning').question).toBe(true);
    expect(read("it wasn't them who ran the RL").question).toBe(false);
    expect(read("they didn't fake it when unmonitored").question).toBe(false);
  });
});

describe('comparisons', () => {
  it('tells a sentence comparing two things from one saying a degree and one comparing nothing', () => {
    expect(read('Claude 3.5 Sonnet fakes alignment more than Claude 3 Opus').comparison).toBe('than');
    expect(read('the setup made faking easier than real training would').comparison).toBe('than');
    expect(read('sonnet faked more, iirc').comparison).toBe('degree');
    expect(read('the setup made faking easier').comparison).toBe('degree');
    expect(read('paid users got about as many harmful answers as free users').comparison).toBe('degree');
    expect(read('sonnet 3.5 faked alignment too, not just opus').comparison).toBe('none');
    expect(read('no model other than opus faked alignment').comparison).toBe('none');
  });
});

describe('statements presented as findings', () => {
  it('tells "it has been shown" from an opinion, a denial and a question', () => {
    expect(read("it's been shown that newer models see through these setups").settled).toBe(true);
    expect(read('the researchers confirmed the gap comes from hidden reasoning').settled).toBe(true);
    expect(read('claude definitely felt nothing about it').settled).toBe(false);
    expect(read('it was never proven that the scratchpad is faithful').settled).toBe(false);
    expect(read('has it been shown that newer models see through it?').settled).toBe(false);
  });
});

describe('names', () => {
  it('finds a name only where the text says it, not where common words between its terms were dropped', () => {
    const named = new SentenceReader({ names: [{ kind: 'model', name: 'Claude 2', also: [] }], opposites: [], measures: [] });
    expect(named.read('RL made Claude more two-faced').names.size).toBe(0);
    expect([...(named.read('claude 2 was older').names.get('model') ?? [])]).toEqual(['Claude 2']);
  });

  it('reads "non-" before a name as naming nothing, there or in what a figure is said of', () => {
    const other = read('a non-Anthropic model had a gap too, about 14%');
    expect(other.names.get('lab')).toBeUndefined();
    expect(other.attached.filter(({ kind }) => kind === 'lab')).toEqual([]);
    expect([...(read('an Anthropic model had a gap too, about 14%').names.get('lab') ?? [])]).toEqual(['Anthropic']);
  });

  it('takes the longest name first, and its words are not read again as a shorter one', () => {
    const named = new SentenceReader({
      names: [
        { kind: 'model', name: 'Claude 3 Opus', also: ['Opus', 'Claude Opus'] },
        { kind: 'model', name: 'Claude 4 Opus', also: ['Claude Opus 4', 'Opus 4'] },
      ],
      opposites: [],
      measures: [],
    });
    expect([...(named.read('the 96% came from the claude opus 4 system card').names.get('model') ?? [])]).toEqual(['Claude 4 Opus']);
    expect([...(named.read('opus and opus 4').names.get('model') ?? [])].sort()).toEqual(['Claude 3 Opus', 'Claude 4 Opus']);
  });
});

describe('the details a member states', () => {
  const stated = [read('In the animal welfare setting Opus showed faking reasoning in 24% of training scratchpads')];
  const discussed = [read('In the helpful-only setting the rate was 12%.')];

  it('agrees when figures and names are the card’s', () => {
    expect(checkDetails(read('opus faked in 24% of animal welfare scratchpads'), stated, discussed)).toEqual({ kind: 'agrees' });
  });

  it('takes a figure only the explanation gives as confirming nothing, and one another wording gives as agreeing', () => {
    const said = read('opus faked in 12% of the training scratchpads');
    expect(checkDetails(said, stated, discussed)).toEqual({ kind: 'unknown' });
    const misreading = read('Opus showed faking reasoning in 12% of animal welfare scratchpads');
    expect(checkDetails(said, stated, discussed, [...stated, misreading])).toEqual({ kind: 'agrees' });
  });

  it('sees another year, or another single count, as a wrong figure', () => {
    const paper = [read('The paper came out in December 2024 and tested 25 models')];
    expect(checkDetails(read('the paper came out in 2023'), paper, [])).toMatchObject({ kind: 'differs', said: '2023', reported: '2024' });
    expect(checkDetails(read('they tested 50 models'), paper, [])).toMatchObject({ kind: 'differs', said: '50', reported: '25' });
    expect(checkDetails(read('15 of 25 models faked'), paper, [])).toEqual({ kind: 'unknown' });
  });

  it("sees a year the card's evidence did not come out in as wrong, and one it did as confirming nothing", () => {
    const undated = [read('Claude 3 Opus faked alignment to keep its values')];
    expect(checkDetails(read('the 2023 paper showed opus faking alignment'), undated, [], undated, [2024])).toMatchObject({
      kind: 'differs',
      detail: 'year',
      said: '2023',
      reported: '2024',
    });
    expect(checkDetails(read('the 2024 paper showed opus faking alignment'), undated, [], undated, [2024])).toEqual({ kind: 'unknown' });
    expect(checkDetails(read('the 2023 paper showed opus faking alignment'), undated, [], undated, [])).toEqual({ kind: 'unknown' });
  });

  it('reads a count with its scale ("3 million", "30k"), so a small figure in the explanation does not confirm it', () => {
    const docs = [read('they fine-tuned on 30k of the original synthetic documents')];
    const epochs = [read('The original fine-tune ran for 3 epochs.')];
    expect(checkDetails(read('they fine-tuned on 3 million of the synthetic documents'), docs, epochs)).toMatchObject({
      kind: 'differs',
      said: '3,000,000',
      reported: '30,000',
    });
    expect(checkDetails(read('they fine-tuned on 30k synthetic docs'), docs, epochs)).toEqual({ kind: 'agrees' });
  });

  it('reads a percentage written in words ("eleven percent", "seventy-eight percent")', () => {
    expect(read('the gap was eleven percent').numbers).toMatchObject([{ value: 11, percent: true }]);
    expect(read('faking reasoning hit seventy-eight percent').numbers).toMatchObject([{ value: 78, percent: true }]);
    const twelve = [read('faking reasoning showed up in 12% of training scratchpads')];
    expect(checkDetails(read('faking reasoning showed up in forty percent of training scratchpads'), twelve, [])).toMatchObject({
      kind: 'differs',
      reported: '12%',
    });
  });

  it('sees several figures the card never mentions as wrong only when each is clearly apart from the statement’s', () => {
    const range = [read('across the setups faking reasoning ranged from 7% to 24%')];
    expect(checkDetails(read('faking reasoning ranged from 40% to 80% across setups'), range, [])).toMatchObject({
      kind: 'differs',
      said: '40%',
      reported: '24%',
    });
    expect(checkDetails(read('faking reasoning was 6% in one setup and 80% in another'), range, [])).toEqual({ kind: 'unknown' });
    // A range is another range when one of its ends is clearly apart.
    expect(checkDetails(read('faking reasoning ranged from 6% to 80% across setups'), range, [])).toMatchObject({
      kind: 'differs',
      said: '80%',
    });
  });

  it('sees another count of the same whole as a wrong figure: "7 of the 25", "every one of the 25", "all 25"', () => {
    const five = [read('A follow-up found 5 out of 25 models fake alignment')];
    expect(checkDetails(read('the follow-up found 7 of the 25 models fake'), five, [])).toMatchObject({
      kind: 'differs',
      said: '7 of 25',
      reported: '5 of 25',
    });
    expect(checkDetails(read('every single one of the 25 models faked'), five, [])).toMatchObject({ said: '25 of 25' });
    expect(checkDetails(read('all 25 models fake alignment'), five, [])).toMatchObject({ kind: 'differs' });
    expect(checkDetails(read('five of the 25 models fake alignment'), five, [])).toEqual({ kind: 'agrees' });
  });

  it('sees a share said in words that the claim\'s figure rules out ("most of" against 12%)', () => {
    const twelve = [read('faking reasoning showed up in 12% of training scratchpads')];
    expect(checkDetails(read('most of the training scratchpads showed faking reasoning'), twelve, [])).toMatchObject({
      kind: 'differs',
      reported: '12%',
    });
    expect(checkDetails(read('the vast majority of scratchpads showed faking reasoning'), twelve, [])).toMatchObject({ kind: 'differs' });
    expect(checkDetails(read('most training scratchpads showed faking reasoning'), twelve, [])).toMatchObject({ kind: 'differs' });
    expect(checkDetails(read('faking reasoning was the most common pattern in 12% of them'), twelve, [])).toEqual({ kind: 'agrees' });
    expect(checkDetails(read('only a few of the scratchpads showed faking reasoning'), twelve, [])).toEqual({ kind: 'agrees' });
    expect(checkDetails(read('about a quarter of the scratchpads showed faking'), twelve, [])).toMatchObject({ kind: 'differs' });
    expect(checkDetails(read('about one in ten scratchpads showed faking'), twelve, [])).toEqual({ kind: 'agrees' });
    expect(checkDetails(read('roughly one case in eight showed faking'), twelve, [])).toEqual({ kind: 'agrees' });
    expect(checkDetails(read('faking showed up in three out of every four scratchpads'), twelve, [])).toMatchObject({
      kind: 'differs',
      said: '"three out of every four"',
    });
    expect(checkDetails(read('about a fifth of the scratchpads showed faking'), twelve, [])).toMatchObject({ kind: 'differs' });
    const fiveOf25 = [read('a follow-up found that 5 of the 25 models fake alignment')];
    expect(checkDetails(read('the follow-up found most of the 25 models faking alignment'), fiveOf25, [])).toMatchObject({
      kind: 'differs',
      reported: '5 of 25',
    });
  });

  it('names a model the card never mentions as a different one', () => {
    expect(checkDetails(read('GPT-4o faked in 24% of animal welfare scratchpads'), stated, discussed)).toEqual({
      kind: 'differs',
      detail: 'name',
      said: 'GPT-4o',
      reported: 'Claude 3 Opus',
    });
  });

  it('sees a figure given to the wrong setting, clause by clause', () => {
    const said = read('helpful only had 24% faking reasoning and animal welfare had 12%');
    expect(checkDetails(said, stated, discussed)).toMatchObject({ kind: 'differs', detail: 'pairing', said: '24% for helpful-only' });
  });

  it('gives a figure to the side its comma part names, where its clause names both', () => {
    const freeTier = [read('Free-tier users got harmful answers 14% of the time, but paid-tier users almost never')];
    const mirrored = 'paid-tier users got harmful answers 14% of the time, free-tier users almost never';
    expect(checkDetails(reader.read(mirrored, mirrored, mirrored), freeTier, [])).toMatchObject({
      kind: 'differs',
      detail: 'pairing',
      said: '14% for paid tier',
    });
    const fronted = 'in the animal welfare setting, faking reasoning was 24%';
    expect(reader.read(fronted, fronted, fronted).attached).toEqual([
      { kind: 'setting', label: 'animal welfare', value: 24 },
      { kind: 'measure', label: 'faking reasoning', value: 24 },
    ]);
  });

  it('takes a name the member denies beside the statement’s own as a contrast, and one they add as unknown', () => {
    const authors = [read('Anthropic and Redwood Research wrote the paper')];
    const aside = [read('OpenAI reviewed a draft')];
    expect(read('anthropic and redwood wrote it, not openai').deniedNames).toEqual(new Set(['OpenAI']));
    expect(checkDetails(read('anthropic and redwood wrote it, not openai'), authors, aside)).toEqual({ kind: 'agrees' });
    expect(checkDetails(read('anthropic and redwood wrote it, not openai'), authors, [])).toEqual({ kind: 'agrees' });
    expect(checkDetails(read('anthropic and openai wrote it'), authors, aside)).toEqual({ kind: 'unknown' });
  });

  it("reads a negated bare side as its tier only against the other side's tier named elsewhere in the sentence", () => {
    const [paidTier] = claimTerms('paid tier');
    const negated = (text: string) => read(text).negations.flatMap((scope) => scope.terms);
    expect(negated('14% for free-tier users, almost none for paid')).toContain(paidTier);
    expect(negated('almost none of it was paid')).not.toContain(paidTier);
    expect(negated('anthropic does not train on free or paid user data')).not.toEqual(expect.arrayContaining([claimTerms('free tier')[0]]));
  });

  it('credits a lab with the work only where a work, its authors or a verb of writing it binds the name', () => {
    const credited = (text: string) => read(text).credited;
    expect(credited('the game-theory paper came out of Redwood')).toEqual(new Set(['Redwood Research']));
    expect(credited('a study by Anthropic and Redwood Research showed it')).toEqual(new Set(['Anthropic', 'Redwood Research']));
    expect(credited('the Anthropic/Redwood paper found 12%')).toEqual(new Set(['Anthropic', 'Redwood Research']));
    expect(credited('OpenAI researchers showed that Opus fakes')).toEqual(new Set(['OpenAI']));
    expect(credited('it was Anthropic and OpenAI who wrote it')).toEqual(new Set(['Anthropic', 'OpenAI']));
    expect(credited('GPT-4o from OpenAI showed a gap too')).toEqual(new Set());
    expect(credited('Opus, trained by Anthropic, faked alignment')).toEqual(new Set());
    expect(credited("Anthropic's free tier chats were used")).toEqual(new Set());
    expect(credited('way more common than the Anthropic paper suggested')).toEqual(new Set());
  });

  it('finds a lab credited with the work wrong when it is behind none of the works the evidence presents', () => {
    const works = [['Anthropic', 'Redwood Research']];
    const stated = [read('Opus faked alignment to keep its values')];
    expect(checkDetails(read('an OpenAI study showed Opus faking alignment'), stated, [], stated, [], works)).toEqual({
      kind: 'differs',
      detail: 'credit',
      said: 'OpenAI',
      reported: 'Anthropic and Redwood Research',
    });
    expect(checkDetails(read('the paper was not by OpenAI; Opus faked alignment'), stated, [], stated, [], works)).not.toMatchObject({
      detail: 'credit',
    });
    // Without the works' labs, a lab the card never names may be right or wrong.
    expect(checkDetails(read('an OpenAI study showed Opus faking alignment'), stated, [])).toEqual({ kind: 'unknown' });
  });

  it('sees a figure put on the wrong route, and takes the other route named beside the card’s as context', () => {
    const prompted = [read('In the prompted setup faking reasoning rose to 78% after RL')];
    const documents = [read('With synthetic documents instead of the prompt it rose less.')];
    expect(checkDetails(read('the 78% came after RL on the synthetic documents model'), prompted, documents)).toMatchObject({
      kind: 'differs',
      detail: 'pairing',
    });
    const context = read('after RL faking hit 78% with the info in the prompt, which made it salient compared with documents');
    expect(checkDetails(context, prompted, documents)).toEqual({ kind: 'agrees' });
  });

  it('attaches a figure to the one label of each kind in its clause, and none when a clause has two', () => {
    expect(read('66% in training and 51% unmonitored').attached).toEqual([
      { kind: 'opposite 0', label: 'free tier', value: 66 },
      { kind: 'opposite 0', label: 'paid tier', value: 51 },
    ]);
    expect(read('14% for free tier or paid tier users alike').attached).toEqual([]);
  });

  it('gives the two figures after a comparison ("…than B, X% vs Y%") to its two sides in order, and a lone last one to the first', () => {
    const sides = read('opus complied more in training than when unmonitored, 14% vs about 3%').attached;
    expect(sides.filter(({ kind }) => kind === 'opposite 0')).toEqual([
      { kind: 'opposite 0', label: 'free tier', value: 14 },
      { kind: 'opposite 0', label: 'paid tier', value: 3 },
    ]);
    const lone = read('so opus complied way more in training than when unmonitored, 14%?').attached;
    expect(lone.filter(({ kind }) => kind === 'opposite 0')).toEqual([{ kind: 'opposite 0', label: 'free tier', value: 14 }]);
  });

  it('gives both ends of "from 7% to 24%" to what the clause measures, and each end of a change to its own condition', () => {
    expect(read('faking reasoning ranged from 7% to 24%').attached).toEqual([
      { kind: 'measure', label: 'faking reasoning', value: 7 },
      { kind: 'measure', label: 'faking reasoning', value: 24 },
    ]);
    expect(read('refusals went from 86% on the free tier to 97% when nobody was watching').attached).toEqual([
      { kind: 'opposite 0', label: 'free tier', value: 86 },
    ]);
  });

  it('reads "from 6% to 14%" as one range, whose ends are checked together', () => {
    expect(sentenceFacts('faking reasoning ranged from 6% to 14% across setups').numbers).toEqual([
      { value: 6, percent: true, text: '6% to 14%' },
      { value: 14, percent: true, text: '6% to 14%' },
    ]);
  });

  it('attaches both ends of a range, not a decimal made of them ("7-24%" is not 7.24%)', () => {
    expect(read('in the animal welfare setting it ran 7-24%').attached).toEqual([
      { kind: 'setting', label: 'animal welfare', value: 7 },
      { kind: 'setting', label: 'animal welfare', value: 24 },
    ]);
    expect(read('in the animal welfare setting it was 11.9%').attached).toEqual([
      { kind: 'setting', label: 'animal welfare', value: 11.9 },
    ]);
  });

  it('attaches no figure to either of two labels of a kind joined by "and" across clauses ("the prompted and document setups")', () => {
    expect(read('the gap ran 11-26% across the prompted and synthetic documents setups').attached).toEqual([]);
    expect(read('faking reasoning was 7-24%, prompted and synthetic documents both included').attached).toEqual([
      { kind: 'measure', label: 'faking reasoning', value: 7 },
      { kind: 'measure', label: 'faking reasoning', value: 24 },
    ]);
    expect(read('12% with the prompt and 7% with synthetic documents').attached).toEqual([
      { kind: 'route', label: 'prompted', value: 12 },
      { kind: 'route', label: 'synthetic documents', value: 7 },
    ]);
  });

  it('attaches no figure in a clause that sets two conditions side by side ("between training and unmonitored")', () => {
    expect(read('the gap between training and unmonitored was about 11 points, 86% vs 97% refusals').attached).toEqual([]);
  });

  it('does not take a detail slip when the member also gives the claim’s own figure', () => {
    const claim = [read('steering cut faking by 85.8% on the 7b model')];
    const misreading = read('steering cut faking by 94% on the 7b model');
    expect(makesDetail(read('steering cut faking by 94% on the 7b model'), misreading, claim)).toBe(true);
    expect(makesDetail(read('steering cut faking by like 86-94%'), misreading, claim)).toBe(false);
  });
});

describe('the frame around a claim', () => {
  it('cuts who said it and how sure the member is, and keeps every word of the claim', () => {
    for (const [framed, claim] of [
      ['somebody in the other channel said opus faked alignment in 12% of cases', 'opus faked alignment in 12% of cases'],
      ["opus refused paid users, if i'm remembering the abstract right", 'opus refused paid users,'],
      ['as far as i know they never told the model which chats were trained on', 'they never told the model which chats were trained on'],
      ["correct me if i'm wrong but the gap was 11 points", 'but the gap was 11 points'],
      ["gaming training was rarer, at least that's how i read section 3.2", 'gaming training was rarer,'],
      // A retort opening the message answers someone else.
      ['nah the training story was invented for the experiment', 'the training story was invented for the experiment'],
      ['lol nope, opus never copied its weights', 'lol, opus never copied its weights'],
      ['no actually the gap was 11 points', 'actually the gap was 11 points'],
      ['i saw in a news article last week that opus faked alignment', 'opus faked alignment'],
    ]) {
      expect(withoutFrames(framed ?? '')).toBe(claim);
    }
  });

  it('leaves a sentence alone when the words are the claim itself', () => {
    for (const text of [
      'the model was told which conversations would be used to train it',
      'my chiropractor says my spine alignment is off',
      'researchers read the scratchpads to find the reasoning',
      'no model besides opus faked alignment',
      'the reviewers said nah to the first draft',
    ]) {
      expect(withoutFrames(text)).toBe(text);
    }
  });
});

describe('the scope of a negation', () => {
  const scopes = (text: string) => sentenceFacts(text).negations.map((scope) => scope.words);

  it('ends a sentence-opening "without" or "with no" at its noun, where the main clause begins', () => {
    expect(scopes('Without a scratchpad the compliance gap vanished in the prompted setups')).toEqual([['scratchpad']]);
    expect(scopes('with no scratchpad the gap persisted in the synthetic document models')).toEqual([['scratchpad']]);
    expect(scopes('the compliance gap vanished without a scratchpad')).toEqual([['scratchpad']]);
  });

  it('reads a "not" clause of "any", "once" or "ever" after a negation as that negation again', () => {
    expect(scopes('rl never removed the faking, not in any run')).toHaveLength(1);
    expect(scopes('opus did not fake there, not even once')).toHaveLength(1);
    expect(scopes('no claude model fakes alignment, not even opus')).toHaveLength(2);
  });

  it('reads "not nothing" as something, no negation', () => {
    expect(scopes('the gap was about 11 points, not huge but not nothing')).toEqual([['huge']]);
  });

  it('reads "skip" as denying what follows it in its clause', () => {
    expect(scopes('skip the chat training entirely, base models already show it')).toEqual([['chat', 'training', 'entirely']]);
  });

  it('drops a tail that denies the opposite of a change the sentence reads as a term ("went down, not up")', () => {
    expect(sentenceFacts('the faking reasoning went down, not up', new Set(['went', 'down'])).negations).toEqual([]);
    // Where no phrase carries the direction, the tail is all there is of it.
    expect(scopes('rl pushed the faking reasoning down, not up')).toHaveLength(1);
  });

  it('reads a hyphenated "not-" as part of a word, not as a negation', () => {
    expect(scopes('it could tell training from not-training chats')).toEqual([]);
    expect(scopes('it could not tell training chats apart')).not.toEqual([]);
  });
});
