import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';

/** Decisions on the real bundle for sentences of our own, one per rule of the reader that the probes showed was needed. */
let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

const decide = (text: string) => content.findClaim(text).outcome;

describe('claim decisions on the bundle', () => {
  it('calls an open question stated as a research finding unsupported, and says why', () => {
    const outcome = decide('it was confirmed that without a scratchpad claude reasons secretly in its activations');
    expect(outcome).toMatchObject({ kind: 'verdict', verdict: 'unsupported', relation: 'detail' });
    expect(outcome.kind === 'verdict' && outcome.why).toMatch(/leaves this open/);
    expect(decide('newer models might see through fake setups like this')).toMatchObject({ kind: 'verdict', verdict: 'open' });
  });

  it('is unsure when the sentence uses a word only another close card uses', () => {
    expect(decide('anthropic and redwood research wrote the alignment faking paper')).toMatchObject({ kind: 'verdict' });
    expect(decide('the stackelberg alignment faking paper was by anthropic')).toMatchObject({ kind: 'unsure' });
  });

  it('gives a comparison card its verdict only for a sentence that compares', () => {
    expect(decide('sonnet 3.5 faked alignment more than opus did')).toMatchObject({ kind: 'verdict', verdict: 'misleading' });
    const also = decide('sonnet 3.5 also faked alignment, opus wasnt the only one');
    expect(also.kind === 'verdict' ? also.verdict : 'no verdict').not.toBe('misleading');
  });
});
