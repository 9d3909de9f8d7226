import { describe, expect, it } from 'vitest';
import { fixtureRubric } from './fixture.ts';
import { readCandidateMessage } from './reader.ts';
import { technicalFor } from './synonyms.ts';

/**
 * The fixture spam filter, with the wrong claim "accuracy is fine" as a red flag signal and a plain
 * phrasing on the metric point that names accuracy, as the rubric authors write them.
 */
function rubric() {
  const { study, framework } = fixtureRubric();
  const flag = study.steps.evaluation.redFlags[0];
  if (flag)
    flag.signals.push(
      'accuracy is fine',
      'score every message with the big model',
      'weekly spam report only',
    );
  study.steps.evaluation.points[0]?.plain.push('accuracy misleads with rare spam');
  return { study, framework };
}

const { study, framework } = rubric();
const read = (text: string) => readCandidateMessage(study, framework, text);
const covered = (text: string) => read(text).covered.map((point) => point.pointId);
const rejected = (text: string) => read(text).rejected.map((point) => point.pointId);
const flags = (text: string) => read(text).redFlags.map((flag) => flag.flagId);

describe('polarity: a point named to reject it earns nothing', () => {
  it.each([
    "We won't need calibration, the raw score is enough.",
    'Calibration is unnecessary for a spam folder.',
    'Calibration is not worth it here.',
    "Calibration doesn't matter when the folder threshold is fixed.",
    'Calibration is fine to skip.',
    'Calibration is overkill here.',
    'No calibration: the raw score goes straight to the folder.',
    'Instead of calibration we tune the threshold on held-out mail.',
    'Rather than calibration, we tune the threshold on held-out mail.',
    'Some people use Platt scaling, but we keep the raw scores.',
    'we dont need calibration, the raw score is enough',
    // Waved away as too small a part to design for.
    'Calibration is a tiny fraction of the work for a spam folder.',
    // A cost with nothing to show for it.
    'Calibration just adds complexity we do not need.',
    // Named, then left as it is.
    "Calibration: no, that's fine as it is, the raw score goes to the folder.",
    "Calibrated scores, that's okay as is, I don't need them.",
    // Waved away as too small or too noisy to bother with.
    'Calibration is too fiddly to matter for a spam folder.',
    'Calibrated scores are too noisy to trust at this volume.',
    // Raised as a possibility or a worry, then waved away after the turn.
    "We could calibrate the scores, but honestly that's not needed for a folder.",
    "Calibration could matter, but the raw score is probably good enough, so I wouldn't bother.",
    'Calibrated scores might help, but I would assume the fixed threshold covers it, so we can skip them.',
    // A plan dropped in so many words.
    'Actually, let me change that: forget the calibration, too complicated.',
    "Let's scrap calibration and ship the raw scores.",
  ])('%s', (text) => {
    expect(covered(text)).not.toContain('calibrated-scores');
    expect(rejected(text)).toContain('calibrated-scores');
  });

  it('keeps an idea raised and then taken up, not waved away', () => {
    for (const text of [
      "Calibration could drift, but we recalibrate the scores weekly on held-out mail, so it's fine.",
      'We could calibrate the scores with Platt scaling, but only after the first month.',
    ])
      expect(covered(text), text).toContain('calibrated-scores');
  });

  it('asserts what the sentence turns to', () => {
    const text = 'Calibration is overkill here, a simple baseline is enough.';
    expect(rejected(text)).toEqual(['calibrated-scores']);
    expect(covered(text)).toContain('baseline-first');
    expect(covered('Instead of calibration we start from logistic regression.')).toContain('baseline-first');
  });

  it('rejects an idea taken back in the same breath or by the next sentence, and keeps what follows', () => {
    for (const text of [
      'I was going to add calibration — actually no, scrap that, the raw score is what the folder uses.',
      'Calibration first, hmm, scratch that: the folder threshold is fixed.',
      'We could add calibration. Hmm, actually scrap that, the threshold is fixed anyway.',
      'We add calibration on held-out mail. Never mind, the threshold is fixed.',
    ])
      expect(rejected(text), text).toContain('calibrated-scores');
    const after = 'I was going to add calibration, actually no, scrap that: start from a simple baseline.';
    expect(covered(after)).toContain('baseline-first');
    // The red flag said and taken back at once is never stated.
    expect(flags('Accuracy is fine — actually no, scrap that, spam is 1% of mail.')).toEqual([]);
    // Said after the take-back, it stands.
    expect(covered('Actually no, scrap that. We calibrate the scores on held-out mail.')).toContain(
      'calibrated-scores',
    );
  });

  it('keeps an idea said to be a small part when the sentence turns, and a canary on a small slice', () => {
    expect(
      covered(
        'Calibration is a small slice of the work, but the folder threshold depends on it, so we calibrate.',
      ),
    ).toContain('calibrated-scores');
    expect(covered('We calibrate the scores on a small slice of held-out mail first.')).toContain(
      'calibrated-scores',
    );
  });

  it('keeps an idea whose complexity is weighed and paid for', () => {
    expect(
      covered('Calibration adds complexity, but the folder threshold needs it, so we calibrate.'),
    ).toContain('calibrated-scores');
  });

  it('keeps an idea the sentence then calls fine, without leaving things as they are', () => {
    expect(covered("We calibrate the scores on held-out mail, and that's fine for the folder.")).toContain(
      'calibrated-scores',
    );
  });

  it('rejects what the next sentence dismisses by pronoun', () => {
    expect(rejected('We could add calibration. That is overkill for a spam folder.')).toContain(
      'calibrated-scores',
    );
  });
});

describe('polarity: negation out of scope or cancelled still asserts', () => {
  it.each([
    'Without calibration the spam threshold of 0.9 is wrong, so we add Platt scaling on a held-out day.',
    'Without calibration, the 0.9 threshold means something different after every retrain.',
    'If we skip calibration, the 0.9 threshold drifts after every retrain.',
    "If there's no calibration, the 0.9 threshold drifts after every retrain.",
    "We can't skip calibration: the folder threshold of 0.9 assumes real probabilities.",
    'We need not only calibration but also logistic regression as a simple baseline.',
    "We don't need anything fancy for the model, but calibration with Platt scaling is a must.",
    // A kind of problem named, not a worry waved off (thirty-fifth session).
    "Calibration isn't a modelling problem, it's a serving one: the 0.9 threshold needs real probabilities.",
  ])('%s', (text) => {
    expect(covered(text)).toContain('calibrated-scores');
    expect(rejected(text)).not.toContain('calibrated-scores');
  });

  it('reads "not only X but Y" as both', () => {
    const text = 'We need not only calibration but also logistic regression as a simple baseline.';
    expect(covered(text)).toEqual(expect.arrayContaining(['calibrated-scores', 'baseline-first']));
  });

  it('keeps a risk the candidate guards against, and rejects one they dismiss', () => {
    expect(covered('We make sure there is no class imbalance left by downsampling ham 10 to 1.')).toContain(
      'class-imbalance',
    );
    expect(rejected('Class imbalance is not a concern here.')).toContain('class-imbalance');
    // "averages out" waves the risk away; "too ... to" without a verdict verb only weighs it.
    expect(rejected('Class imbalance will average out over a week of mail.')).toContain('class-imbalance');
    expect(covered('Class imbalance is too big to leave alone, so we downsample ham 10 to 1.')).toContain(
      'class-imbalance',
    );
  });

  it('rejects what a negated opinion denies after it, even a risk: "I don\'t think X is a concern"', () => {
    const text = "I don't think class imbalance is a big concern, the spam share is high enough.";
    expect(covered(text)).not.toContain('class-imbalance');
    expect(rejected(text)).toContain('class-imbalance');
    // Without a verdict after it, the opinion keeps its own reach.
    expect(covered("I don't think we can ignore it: class imbalance shapes the spam threshold.")).toContain(
      'class-imbalance',
    );
  });
});

describe('polarity across clauses', () => {
  it('rejects an idea two clauses each turn down: the negations do not cancel', () => {
    const text =
      "I wouldn't bother with calibration at first, platt scaling is overkill, the raw score will do.";
    expect(covered(text)).not.toContain('calibrated-scores');
    expect(rejected(text)).toContain('calibrated-scores');
  });

  it('still reads a negated dismissal inside one clause as asserting: "we can\'t skip calibration"', () => {
    expect(covered("We can't skip calibration, since the folder threshold is 0.9.")).toContain(
      'calibrated-scores',
    );
    expect(covered("Don't forget calibration, since the folder threshold is 0.9.")).toContain(
      'calibrated-scores',
    );
  });
});

describe('terse notes', () => {
  it('reads clipped words for what they stand for', () => {
    expect(
      covered('model: logreg baseline, calib w/ platt on held-out wk so probs mean what they say'),
    ).toContain('calibrated-scores');
    expect(technicalFor('feats')).toEqual(['feature']);
    expect(technicalFor('logloss')).toEqual(['log', 'loss']);
  });
});

describe('polarity: hypotheticals weaken', () => {
  it('caps a counterfactual proposal at mentioned', () => {
    const reading = read(
      'If we had clean labels we could add calibration with Platt scaling on a held-out day, because the 0.9 folder threshold assumes real probabilities.',
    );
    expect(reading.covered.find((point) => point.pointId === 'calibrated-scores')?.level).toBe('mentioned');
    const plain = read(
      'We add calibration with Platt scaling on a held-out day, because the 0.9 folder threshold assumes real probabilities.',
    );
    expect(plain.covered.find((point) => point.pointId === 'calibrated-scores')?.level).toBe('explained');
  });
});

describe('red flags in scope', () => {
  it('fires a red flag said in earnest next to an unrelated negation', () => {
    expect(flags("We don't need anything fancy, accuracy is fine.")).toEqual(['accuracy-metric']);
    expect(flags('We measure accuracy every week.')).toEqual(['accuracy-metric']);
  });

  it('does not fire a red flag that is itself negated, criticised, asked or supposed', () => {
    for (const text of [
      'We must not measure accuracy here.',
      'We will never aim for high accuracy with 1% spam.',
      'Measuring accuracy would be misleading with rare spam.',
      'Some teams measure accuracy, but it hides every miss.',
      'Should we measure accuracy?',
      'If we measured accuracy, we would see 99% and learn nothing.',
      // A negator inside the flag's own phrase breaks it.
      'Accuracy is not fine here, with 1% spam.',
      'Accuracy on this mail is never fine.',
      // Disagreement turns down what it is about, in its clause or the one it opens onto.
      "I'd respectfully disagree with measuring accuracy here, spam is 1% of mail.",
      "I'd respectfully disagree if the idea is to measure accuracy: spam is 1% of mail.",
      "I'd push back on measuring accuracy with 1% spam.",
      // Others' practice told as a story, with where it led (thirty-fifth session).
      "I've seen teams just measure accuracy and end up with a model that flags nothing.",
    ]) {
      expect(flags(text), text).toEqual([]);
    }
  });

  it('does not fire a mistake a negated modal rules out, however far into its predicate', () => {
    expect(flags("We shouldn't report to the team a number like the accuracy is fine figure.")).toEqual([]);
    expect(flags("We won't be telling the product team that accuracy is fine.")).toEqual([]);
    // A clause of its own after the negation states the mistake all the same.
    expect(flags("We shouldn't overthink it; accuracy is fine.")).toEqual(['accuracy-metric']);
  });

  it('does not fire a mistake about everything on a proposal for a part', () => {
    expect(flags('We only score flagged messages with the big model.')).toEqual([]);
    expect(flags('We just score every message with the big model.')).toEqual(['accuracy-metric']);
  });

  it('reads "not just X" as rejecting a mistake, and as keeping a point', () => {
    expect(flags("We can't just measure accuracy here, with 1% spam.")).toEqual([]);
    expect(covered('Not just precision, we also track recall per sender.')).toContain('precision-recall');
  });

  it('fires a mistake of relying on one thing only when the sentence says "only"', () => {
    expect(flags('A weekly spam report goes to the team, and on-call is paged when recall drops.')).toEqual(
      [],
    );
    expect(flags('We only look at the weekly spam report.')).toEqual(['accuracy-metric']);
  });

  it('does not fire a mistake whose words straddle "rather than", the part after it turned down', () => {
    expect(
      flags('Each message gets a score from a small model rather than the big model every time.'),
    ).toEqual([]);
    expect(flags('We score every message with the big model rather than a small one.')).toEqual([
      'accuracy-metric',
    ]);
  });

  it('does not fire a mistake that only sets the time of the proposal', () => {
    expect(flags('While we measure accuracy for the old dashboard, launch decisions use precision.')).toEqual(
      [],
    );
  });

  it('credits none of the counter points from the sentence that states the mistake', () => {
    const reading = read('We would aim for high accuracy, and precision matters a bit too.');
    expect(reading.redFlags.map((flag) => flag.flagId)).toEqual(['accuracy-metric']);
    expect(reading.covered.map((point) => point.pointId)).not.toContain('precision-recall');
  });

  it('credits the point that counters a rejected red flag', () => {
    const reading = read('We must not measure accuracy here, because 99% of mail is ham.');
    expect(reading.redFlags).toEqual([]);
    expect(reading.covered.map((point) => point.pointId)).toContain('precision-recall');
  });

  it('reports severity and step with the quote', () => {
    expect(read('We would optimise for high accuracy.').redFlags).toEqual([
      {
        flagId: 'accuracy-metric',
        step: 'evaluation',
        severity: 'major',
        quote: 'We would optimise for high accuracy.',
      },
    ]);
  });
});

describe('polarity: verdicts that rule an idea out without a negator', () => {
  it.each([
    'Calibration is out at this scale, the raw score goes straight to the folder.',
    'Platt scaling is clearly out with a 5 ms budget per message.',
    'That rules out calibration, so the threshold is tuned on raw scores.',
    'Ruling out Platt scaling, we tune the folder threshold by hand.',
    'Calibration was ruled out because the threshold is tuned by hand.',
    'Calibration is impossible at 50,000 messages a second.',
    'Calibration is impossible to keep current with labels a month late.',
    'Calibration is out of scope for v1.',
    'Calibration is out of the question with a 5 ms budget.',
  ])('%s', (text) => {
    expect(covered(text)).not.toContain('calibrated-scores');
    expect(rejected(text)).toContain('calibrated-scores');
  });

  it.each([
    // Phrasal verbs and descriptions that hold "out" but rule nothing out.
    'We rolled out calibration with Platt scaling last quarter, because the 0.9 folder threshold must mean 90% spam.',
    'We figure out calibration on a held-out week of reported mail.',
    'Calibration goes out of date after every retrain, so we refit Platt scaling weekly on 10,000 fresh reports.',
    'Users who opt out of reporting still get calibrated probabilities behind the 0.9 threshold.',
    'Calibration keeps running even when the GPU pool is out of stock.',
    // Emphasis, a verdict turned round, and a verdict on something else.
    'Calibration is impossible to ignore here: the 0.9 folder threshold assumes real probabilities.',
    'Calibration is not impossible at this volume: Platt scaling is one multiply per message.',
    'Without calibration, the 0.9 folder threshold is impossible to trust after a retrain.',
    'We add calibration with Platt scaling on a held-out week and the biggest transformer models are out.',
  ])('%s', (text) => {
    expect(covered(text)).toContain('calibrated-scores');
    expect(rejected(text)).not.toContain('calibrated-scores');
  });

  it('keeps a risk the candidate rules out or finds hard to see, as with "no leakage"', () => {
    for (const text of [
      'We rule out class imbalance by downsampling ham 10 to 1.',
      'Class imbalance is impossible to ignore with 1% spam.',
      'Adversarial drift is impossible to see in a fixed test set, so we read fresh reports daily.',
    ]) {
      expect(rejected(text), text).toEqual([]);
      expect(covered(text).length, text).toBeGreaterThan(0);
    }
  });

  it('does not fire a red flag the sentence rules out', () => {
    for (const text of [
      'Scoring every message with the big model is impossible at 50,000 messages a second.',
      'A 5 ms budget rules out scoring every message with the big model.',
      'Measuring accuracy is out with 1% spam.',
      'Aiming for high accuracy is out of the question with 1% spam.',
    ]) {
      expect(flags(text), text).toEqual([]);
    }
    expect(flags('We score every message with the big model.')).toEqual(['accuracy-metric']);
    expect(flags('We measure accuracy once the new filter is rolled out.')).toEqual(['accuracy-metric']);
  });
});
