import { describe, expect, it } from 'vitest';
import { readIntent } from './intent.ts';

const inReply = (line: string, text: string) => readIntent(text, { inReplyTo: line }).intent;

describe('a short reply read by the line before it', () => {
  it('takes an offer to go on, and "ok" only when it was asked', () => {
    expect(inReply('Shall we move on to serving?', 'yes')).toBe('move-on');
    expect(inReply('Do you want to keep going on features, or move to the model?', 'the model')).toBe(
      'move-on',
    );
    expect(inReply('Would you like to move to monitoring?', 'ok')).toBe('move-on');
    expect(inReply('Tell me when you want to go to the next part.', 'ok')).toBe('unclear');
    // "Keep going." asks the candidate to go on talking; "Keep going?" offers the next part.
    expect(inReply('Right. Keep going.', 'yes')).not.toBe('move-on');
    expect(inReply('Good progress. Keep going?', 'yes')).toBe('move-on');
  });

  it('takes an offer said in everyday assent, with a check tagged on, or by naming where it goes', () => {
    expect(inReply('Ready for evaluation?', 'ya')).toBe('move-on');
    expect(inReply('Shall we look at evaluation?', 'yes pls')).toBe('move-on');
    expect(inReply('Shall we move on?', 'ok sure')).toBe('move-on');
    expect(inReply('Move to the model?', 'k')).toBe('move-on');
    expect(inReply('Next up is serving. OK?', 'ok')).toBe('move-on');
    expect(inReply('Want to talk about features more or go to training?', 'training')).toBe('move-on');
    expect(inReply('Anything else on framing, or ready for data?', 'ready for data')).toBe('move-on');
    // After a question: the step closed, not an answer to it.
    expect(inReply('How does that change your approach?', "serving is fine, let's go")).toBe('move-on');
  });

  it('hears a hint or the facts offered and taken, and no ideas as stuck', () => {
    expect(inReply('Would you like a hint?', 'yes please')).toBe('hint');
    expect(inReply('Want a hint?', 'sure')).toBe('hint');
    expect(inReply('Would you like me to tell you what data we have?', 'yes please')).toBe('facts');
    expect(inReply('Any ideas for getting ground truth without annotators?', 'nope')).toBe('stuck');
    // A yes-or-no question about the design is still answered.
    expect(inReply('Would you calibrate the scores?', 'yes')).toBe('answer');
  });

  it('hears an offer to stay declined as going on, and the last part closed as the end', () => {
    expect(inReply('Want to stay on eval a bit longer?', 'no lets move')).toBe('move-on');
    expect(inReply('Do you want to discuss the labelling pipeline more?', 'no')).toBe('move-on');
    expect(inReply('Any other risks you want to mention?', "no that's all")).toBe('move-on');
    expect(inReply('That was the final step. Anything else?', 'nope')).toBe('stop');
    expect(inReply('Do you want to keep going or are you done for today?', 'done')).toBe('stop');
    expect(inReply('Do you want to keep going or are you done for today?', 'yes')).not.toBe('stop');
  });

  it('hears "anything else?" answered "no" as done and "yes" as more to say', () => {
    expect(inReply('Noted. Anything to add for this part?', 'no')).toBe('move-on');
    expect(inReply('Anything else on monitoring before we wrap up?', "nope that's it")).toBe('stop');
    expect(inReply('Anything else on monitoring before we wrap up?', 'yes')).toBe('answer');
    // ...with nothing of it said yet: the interviewer hands the floor back.
    const reason = (line: string, text: string) => readIntent(text, { inReplyTo: line }).reason;
    expect(reason('Okay, noted. Anything to add for this part?', 'Yes.')).toBe('wants-to-add');
    expect(reason('Anything else on labels?', 'yeah, one thing')).toBe('wants-to-add');
  });

  it('ends the interview when an offer to end it is taken, or going on is declined for good', () => {
    expect(inReply("Time's almost up. Should I end the interview?", 'go ahead')).toBe('stop');
    expect(inReply('Want to keep going?', "no, I'm done")).toBe('stop');
  });

  it('reads a bare value or yes as an answer to a question, and a value put up as tentative', () => {
    expect(inReply('How often would you retrain?', 'daily')).toBe('answer');
    expect(inReply('What embedding dimension, roughly?', '256')).toBe('answer');
    expect(inReply('Would you log impressions without clicks as negatives?', 'yes')).toBe('answer');
    expect(inReply('How often would you retrain?', 'weekly?')).toBe('tentative');
    expect(inReply('How often would you retrain?', 'how many labels do we get a day?')).toBe('facts');
    // A figure of the case the answer needs, asked in two words, is asked, not put up.
    expect(inReply('How many such cases must you test before you trust it?', 'Rater capacity?')).toBe(
      'facts',
    );
  });

  it('hears offers that name the next step, or ask to stay, and answers to them', () => {
    expect(inReply('Good. Shall we talk about serving?', 'sure')).toBe('move-on');
    expect(inReply('Evaluation next?', 'yep')).toBe('move-on');
    expect(inReply('Ready for the model step?', 'ready')).toBe('move-on');
    expect(inReply('Enough on labels. Where to next?', 'monitoring I think')).toBe('move-on');
    expect(inReply('Do you want to stay on the metrics a bit longer?', 'no, move on')).toBe('move-on');
    expect(inReply('Any final point on the data?', 'none, go')).toBe('move-on');
    expect(inReply('Any final point on the data?', 'yes, one')).not.toBe('move-on');
  });

  it('hears the end offered and taken, or carrying on declined', () => {
    expect(inReply('Last step done. Anything more, or are we finished?', 'finished')).toBe('stop');
    expect(inReply('Shall we wrap up?', 'yes')).toBe('stop');
    expect(inReply('There are ten minutes left. Want to continue?', 'not today')).toBe('stop');
    // Carrying on is not leaving the step.
    expect(inReply('There are ten minutes left. Want to continue?', 'yes')).toBe('answer');
  });

  it('reads a reply by what it does with the question: put up, stuck, asking for the usual way', () => {
    expect(inReply('Raw scores or ranks as the input?', 'both?')).toBe('tentative');
    expect(inReply('Which online metric would you pick?', 'session length?')).toBe('tentative');
    expect(inReply('Any questions before we start?', 'daily users?')).toBe('facts');
    expect(inReply('Um, so, which features?', 'ok so how many features do we log?')).toBe('facts');
    expect(inReply('What error would you tolerate at p99?', "can't say")).toBe('stuck');
    expect(inReply('Think about who labels the examples.', 'still nothing')).toBe('stuck');
    expect(inReply('What model for ranking the replies?', "what's the standard setup?")).toBe('hint');
    expect(inReply('I would not trust clicks alone here.', 'why?')).toBe('hint');
    expect(inReply('How would the counterfactual weights interact with the variance?', 'sorry what?')).toBe(
      'meta',
    );
    for (const again of [
      'sorry, can you repeat the question?',
      "Sorry, could you repeat the question? I want to make sure I answer what you're asking.",
      'Could you repeat that last part?',
      'Sorry, can you say that again?',
    ])
      expect(inReply('How would you adapt?', again)).toBe('meta');
    // Asked to explain it rather than say it again: a rephrase (a request for help, no hint counted).
    for (const explain of [
      'what do you mean?',
      "I didn't get the question",
      'Can you rephrase that?',
      "Sorry, I'm not sure what you're asking.",
      'Sorry, which part do you mean?',
    ])
      expect(inReply('How would you adapt?', explain)).toBe('hint');
    // "uh huh" agrees; asked in other words, the first hint puts the question another way.
    expect(inReply('How would you adapt?', 'uh huh')).not.toBe('meta');
    // Too little to act on: a bare "depends", or a bare choice to a question that offered none.
    expect(inReply('How would you evaluate it offline?', 'the first one')).toBe('unclear');
    expect(inReply('Who labels the examples?', 'depends')).toBe('unclear');
    expect(inReply('Precision or recall first?', 'depends')).toBe('unclear');
    expect(inReply('Precision or recall first?', 'the first one')).toBe('answer');
    // Assent alone to an open question answers nothing; to a yes-or-no question or an offer it does.
    for (const assent of ['Yes, definitely.', 'Sure.', 'yep', 'Absolutely, makes sense.'])
      expect(inReply('How much work does one feed load trigger, and how long may it take?', assent)).toBe(
        'unclear',
      );
    expect(inReply('Do you score all eight million ads for every request?', 'Yes.')).not.toBe('unclear');
    expect(inReply('How about we move on to data?', 'Sure.')).not.toBe('unclear');
  });

  it('reads a bare yes or no to a yes-or-no question about the design as an answer with no reason', () => {
    const reason = (line: string, text: string) => readIntent(text, { inReplyTo: line }).reason;
    expect(inReply('Is the closest place always the one to put first?', 'yes')).toBe('answer');
    expect(reason('Is the closest place always the one to put first?', 'yes')).toBe('bare-yes-no');
    expect(reason('Do you score all eight million ads for every request?', 'No.')).toBe('bare-yes-no');
    // Checks and offers are answered by a yes.
    expect(reason('Does that help?', 'yes')).not.toBe('bare-yes-no');
    expect(reason('Would you like a hint?', 'yes')).not.toBe('bare-yes-no');
    expect(reason('Is that clear?', 'yes')).not.toBe('bare-yes-no');
  });

  it('keeps a short statement that replies to a question an answer', () => {
    expect(inReply('How would you evaluate offline?', 'pass rate of the unit tests and exact match')).toBe(
      'answer',
    );
    expect(inReply('Okay. What else?', 'count that as covered')).not.toBe('answer');
  });

  it('changes nothing without a question or an offer before it, or for a longer message', () => {
    expect(inReply('Right. Continue.', 'yes')).toBe('unclear');
    expect(inReply('Shall we move on?', 'yes but first I want to add one thing about the labels')).not.toBe(
      'move-on',
    );
  });
});
