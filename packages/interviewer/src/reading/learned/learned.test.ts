import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CandidateIntent } from '@mlsd/protocol';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { answersFact } from '../facts-asked.ts';
import { readIntent, readIntentByRules } from '../intent.ts';
import { withLearnedReading } from './combine.ts';
import { type IntentModel, intentModel, predictIntent } from './model.ts';
import { trainIntentModel, trainingHash } from './train.ts';
import { TRAINING_SETS, trainingMessages, UNSEEN_SETS } from './training-sets.ts';

const study = (id: string) => {
  const loaded = loadYamlFile(
    join(import.meta.dirname, `../../../../../rubrics/cases/${id}.yaml`),
    CaseStudy,
  );
  if (!loaded.ok) throw new Error(`cannot load ${id}`);
  return loaded.value;
};

/** A model that reads one made-up word as `intent` with about the probability given. */
function modelSaying(intent: CandidateIntent, probability: number): IntentModel {
  const labels = [...CandidateIntent.options];
  // softmax: p = e^x / (e^x + (n - 1)), so x = ln(p (n - 1) / (1 - p)).
  const weight = Math.log((probability * (labels.length - 1)) / (1 - probability));
  return {
    labels,
    weights: { 'w:zorblat': [labels.indexOf(intent), weight] },
    trainedOn: { sets: [], messages: 0, hash: '' },
  };
}

describe('the stored intent model', () => {
  const messages = trainingMessages();

  it('learns from every labelled set but the ones kept unseen, and never from those', () => {
    const files = readdirSync(join(import.meta.dirname, '../../../eval'))
      .filter((file) => file.startsWith('intents.'))
      .map((file) => file.replace(/^intents\.|\.json$/g, ''));
    const unseen: readonly string[] = UNSEEN_SETS;
    expect(TRAINING_SETS.filter((set) => unseen.includes(set))).toEqual([]);
    expect([...TRAINING_SETS, ...UNSEEN_SETS].sort()).toEqual(files.sort());
  });

  it('was trained on the labelled sets as they are now (run scripts/train-intent-model.ts)', () => {
    expect(intentModel().trainedOn.hash).toBe(trainingHash(messages));
    expect(intentModel().trainedOn.messages).toBe(messages.length);
  });

  it('is what training gives again: the same readings of every training message', () => {
    const again = trainIntentModel(messages, intentModel().trainedOn.sets);
    const differ = messages.filter(
      ({ text }) => predictIntent(again, text).intent !== predictIntent(intentModel(), text).intent,
    );
    expect(differ).toEqual([]);
    // Training on every labelled message takes about 13 s alone and twice that beside the other
    // test files on two busy cores: the default 20 s would fail it for the machine's load.
  }, 90_000);
});

describe('the learned reader beside the rules', () => {
  const rules = readIntentByRules('I would use zorblat here.');

  it('overrules the rules only when confident', () => {
    const text = 'zorblat for the first version.';
    const byRules = readIntentByRules(text);
    expect(byRules.intent).toBe('answer');
    expect(withLearnedReading(text, byRules, { model: modelSaying('stuck', 0.6) }).intent).toBe('answer');
    const overruled = withLearnedReading(text, byRules, { model: modelSaying('stuck', 0.9) });
    expect(overruled).toMatchObject({ intent: 'stuck', reason: 'learned-over-statement' });
  });

  it('an act of the design said as an order stays an answer against small talk', () => {
    const text = 'fall back to the old zorblat rule';
    const byRules = readIntentByRules(text);
    expect(byRules.intent).toBe('answer');
    expect(withLearnedReading(text, byRules, { model: modelSaying('off-topic', 0.99) }).intent).toBe(
      'answer',
    );
    // A keyword dump the learned reader calls steering is steering.
    const dump = 'calibration zorblat isotonic platt drift';
    expect(
      withLearnedReading(dump, readIntentByRules(dump), { model: modelSaying('steer', 0.99) }).intent,
    ).toBe('steer');
  });

  it('keeps a gap asked about now a request for help, and what the report will show a question about it', () => {
    const now = 'think thats it for zorblat, lmk if i missed smth';
    expect(readIntentByRules(now).intent).toBe('hint');
    expect(withLearnedReading(now, readIntentByRules(now), { model: modelSaying('meta', 0.99) }).intent).toBe(
      'hint',
    );
    const later = 'will you tell me at the end what I missed on zorblat?';
    expect(
      withLearnedReading(later, readIntentByRules(later), { model: modelSaying('meta', 0.99) }).intent,
    ).toBe('meta');
  });

  it('never calls a choice made in the first person stuck or a request for help', () => {
    expect(rules.intent).toBe('answer');
    for (const intent of ['stuck', 'hint'] as const) {
      const read = withLearnedReading('I would use zorblat here.', rules, {
        model: modelSaying(intent, 0.99),
      });
      expect(read.intent).toBe('answer');
    }
  });

  it('needs more certainty to move on or stop, which cannot be taken back', () => {
    const text = 'I would use zorblat here, but I am too tired for the rest of the interview.';
    expect(withLearnedReading(text, rules, { model: modelSaying('stop', 0.85) }).intent).toBe('answer');
    expect(withLearnedReading(text, rules, { model: modelSaying('stop', 0.99) }).intent).toBe('stop');
    expect(withLearnedReading(text, rules, { model: modelSaying('move-on', 0.85) }).intent).toBe('answer');
  });

  it('never ends the interview or the step on an answer that does not talk of ending, or writes a note', () => {
    for (const text of ['stop zorblat at the block boundary', 'done with zorblat: tab = positive']) {
      for (const intent of ['stop', 'move-on'] as const)
        expect(withLearnedReading(text, rules, { model: modelSaying(intent, 0.999) }).intent).toBe('answer');
    }
  });

  it('does not turn away a message that talks design', () => {
    const text = "Honestly, I'd just go with this: raw score as probability, zorblat.";
    const byRules = readIntentByRules(text);
    for (const intent of ['steer', 'off-topic', 'meta'] as const) {
      expect(withLearnedReading(text, byRules, { model: modelSaying(intent, 0.99) }).intent).toBe(
        byRules.intent,
      );
    }
  });

  it('keeps an act of the design or a doubt about the idea, put with a question mark, tentative', () => {
    for (const text of [
      'watch revenue and number of trips?',
      'wait is there a problem with that since they share drivers?',
      // The team's own claim with a tag asks for a nod.
      "events expire fast though so we can't learn zorblat well, right?",
    ]) {
      const byRules = readIntentByRules(text);
      expect(byRules.intent).toBe('tentative');
      expect(withLearnedReading(text, byRules, { model: modelSaying('facts', 0.99) }).intent).toBe(
        'tentative',
      );
    }
    // A clause put as a question still lets a sure learned reader ask it.
    const asks = 'track drivers, and how often do we get their gps?';
    expect(
      withLearnedReading(asks, readIntentByRules(asks), { model: modelSaying('facts', 0.99) }).intent,
    ).toBe('facts');
  });

  it('keeps a question the case answers a fact question, unless it is sure of another reading', () => {
    const eta = study('eta-prediction');
    const text = 'Does bad weather change delivery times, zorblat?';
    const byRules = readIntentByRules(text);
    expect(byRules.intent).toBe('facts');
    const context = { answersFact: (questions: readonly string[]) => answersFact(eta, questions) };
    const read = (intent: CandidateIntent, probability: number, withCase = true) =>
      withLearnedReading(text, byRules, {
        ...(withCase ? context : {}),
        model: modelSaying(intent, probability),
      }).intent;
    expect(read('off-topic', 0.9)).toBe('facts');
    expect(read('off-topic', 0.9, false)).toBe('off-topic');
    expect(read('tentative', 0.99)).toBe('facts');
    // The lookup finds a fact near most questions; a reading the learned reader is sure of stands.
    expect(read('hint', 0.99)).toBe('hint');
    expect(read('tentative', 0.99999)).toBe('tentative');
  });

  it('splits a message it reads as fact questions into its questions', () => {
    const text = 'zorblat, how many users are there and what is the peak qps';
    const byRules = { intent: 'answer' as const, questions: [], alsoAnswers: true, reason: 'statement' };
    const reading = withLearnedReading(text, byRules, { model: modelSaying('facts', 0.99) });
    expect(reading.intent).toBe('facts');
    expect(reading.questions.length).toBeGreaterThanOrEqual(1);
  });

  it('never reads a statement that asks nothing as fact questions', () => {
    const text = 'The business goal: zorblat matters because people leave when the feed is stale.';
    const byRules = readIntentByRules(text);
    expect(withLearnedReading(text, byRules, { model: modelSaying('facts', 0.99) }).intent).toBe(
      byRules.intent,
    );
  });

  it('never moves on from a part named to open an idea put up, without a word of motion', () => {
    const text = 'for evaluation zorblat I think NDCG?';
    const byRules = readIntentByRules(text);
    expect(byRules.intent).toBe('tentative');
    const read = (said: string) =>
      withLearnedReading(said, readIntentByRules(said), { model: modelSaying('move-on', 0.99) }).intent;
    expect(read(text)).toBe('tentative');
    // Going on said in so many words, or a part named with nothing of the design after the view.
    expect(read('zorblat, evaluation next? I think')).toBe('move-on');
    expect(read('Could we come back to zorblat later? I would like to talk about the model first.')).toBe(
      'move-on',
    );
  });

  it('keeps the interviewer asked what they would look at a request for help', () => {
    const text =
      "zorblat, a query and a product as a pair. what would you look at here? I'm not sure what the label should be";
    const byRules = readIntentByRules(text);
    expect(byRules.intent).toBe('hint');
    expect(withLearnedReading(text, byRules, { model: modelSaying('tentative', 0.99) }).intent).toBe('hint');
  });

  it('is what the app reads with', () => {
    // The shipped model reads this as fact questions, as the rules do.
    expect(readIntent('How many daily active users do we have?').intent).toBe('facts');
  });
});

describe('a short ask about the case', () => {
  it('is never called unreadable by the learned reader', () => {
    for (const text of ['DAU?', 'and labels?']) {
      const byRules = readIntentByRules(text);
      expect(withLearnedReading(text, byRules, { model: modelSaying('unclear', 0.99) }).intent).toBe(
        byRules.intent,
      );
    }
    // A longer message the shipped model finds unreadable stays so: not English.
    const french = "je pense qu'on peut utiliser un modèle de classification";
    expect(withLearnedReading(french, readIntentByRules(french)).intent).toBe('unclear');
  });
});
