import { describe, expect, it } from 'vitest';
import { challengesQuestion, wavesAway } from './why-asked.ts';

describe('a question or a change of constraints challenged', () => {
  it('reads the question itself challenged only at the start of the message', () => {
    expect(challengesQuestion('Why does that matter? Cost is secondary to privacy.')).toBe(true);
    expect(challengesQuestion('Why does it matter which metric? What are you getting at?')).toBe(false);
    expect(challengesQuestion('We blur plates too. Why does that matter?')).toBe(false);
  });

  it('reads a change waved away without a plan', () => {
    expect(wavesAway("I don't think drift is a big issue here; faces don't change.")).toBe(true);
    expect(
      wavesAway(
        "That's an unusual constraint. Why does a new plate format even matter? A plate is a rectangle with characters.",
      ),
    ).toBe(true);
    // With a plan, it is an answer to the change, however it opens.
    expect(
      wavesAway("I don't think we need a new model; we'd fine-tune the detector on a few thousand boxes."),
    ).toBe(false);
    expect(wavesAway('We would add night images from the new cameras to the audit set.')).toBe(false);
  });
});
