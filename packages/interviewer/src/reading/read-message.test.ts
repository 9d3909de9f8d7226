import { fileURLToPath } from 'node:url';
import { loadRubrics, type StepId } from '@mlsd/rubric';
import { AnalysisCache, readCandidateMessage } from '@mlsd/scoring';
import { describe, expect, it } from 'vitest';
import { readMessage } from './read-message.ts';

const loaded = loadRubrics(fileURLToPath(new URL('../../../../rubrics/', import.meta.url)));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { framework, cases } = loaded.value;
const fraud = cases.get('fraud-detection')!;
const latency = fraud.facts.find((fact) => fact.id === 'latency')!;

/** One message, first in its step, read in a real case. */
const readFirst = (caseId: string, step: StepId, text: string) =>
  readMessage({
    caseStudy: cases.get(caseId)!,
    framework,
    step,
    text,
    transcript: [],
    notes: '',
    cache: new AnalysisCache(),
  });

describe('probes left out', () => {
  it('leaves out a point whose probe says three words of the message, however thinly it was credited', () => {
    const open = (text: string) =>
      readMessage({
        caseStudy: fraud,
        framework,
        step: 'data',
        text,
        transcript: [],
        notes: '',
        cache: new AnalysisCache(),
      }).uncovered.map((point) => point.id);
    // "card, merchant, device": the velocity-features probe's own words, said in a terse note.
    expect(open('inputs: card, merchant, device ids + amount')).not.toContain('velocity-features');
    expect(open('labels from chargebacks, mature after about 60 days')).toContain('velocity-features');
  });

  it('leaves out the point an answer is about by meaning, though it earned nothing, but not after help or a dismissal', () => {
    const study = cases.get('visual-search')!;
    const said = 'Inside the catalog also: two different photos of the same listing are a positive pair.';
    const read = (
      transcript: { role: 'candidate' | 'interviewer'; text: string; kind?: 'hint' }[],
      text: string,
    ) =>
      readMessage({
        caseStudy: study,
        framework,
        step: 'data',
        text,
        transcript,
        notes: '',
        cache: new AnalysisCache(),
      });
    // The scorer does not credit the point from these words; the interviewer still heard them.
    expect(readCandidateMessage(study, framework, said).covered.map((point) => point.pointId)).not.toContain(
      'in-catalog-positives',
    );
    const ids = (reading: ReturnType<typeof read>) => reading.uncovered.map((point) => point.id);
    expect(ids(read([], 'Labels come from purchases after a visual search.'))).toContain(
      'in-catalog-positives',
    );
    expect(ids(read([], said))).not.toContain('in-catalog-positives');
    // Two messages on, still not asked; answered with a hint, the topic stays open for the next one.
    const later = [
      { role: 'candidate' as const, text: said },
      { role: 'interviewer' as const, text: 'Go on.' },
    ];
    expect(ids(read(later, 'Negatives come from the same category.'))).not.toContain('in-catalog-positives');
    const helped = [
      { role: 'candidate' as const, text: said },
      { role: 'interviewer' as const, text: 'Think about the catalog itself.', kind: 'hint' as const },
    ];
    expect(ids(read(helped, 'Negatives come from the same category.'))).toContain('in-catalog-positives');
    // "Integrity stuff is a policy team thing, not a ranking thing": the waved-off topic is probed.
    const feed = readMessage({
      caseStudy: cases.get('news-feed-ranking')!,
      framework,
      step: 'requirements',
      text: "I'll optimize for likes. Integrity stuff is a policy team thing, not a ranking thing.",
      transcript: [],
      notes: '',
      cache: new AnalysisCache(),
    });
    expect(feed.uncovered.map((point) => point.id)).toContain('integrity-constraints');
  });
});

describe('reading a requirements answer', () => {
  it('leaves out of the probes a point whose fact the interviewer has already given', () => {
    const read = (transcript: { role: 'candidate' | 'interviewer'; text: string }[]) =>
      readMessage({
        caseStudy: fraud,
        framework,
        step: 'requirements',
        text: 'The goal is to cut fraud losses without annoying good customers.',
        transcript,
        notes: '',
        cache: new AnalysisCache(),
      }).uncovered.map((point) => point.id);
    const before = read([]);
    expect(before).toContain('inline-authorization');
    const after = read([
      { role: 'candidate', text: 'How fast do we need to decide on each payment?' },
      { role: 'interviewer', text: latency.answer },
    ]);
    expect(after).not.toContain('inline-authorization');
    expect(after.length).toBe(before.length - 1);
  });
});

describe("reading the candidate's own assumption put up for a check", () => {
  const read = (text: string) => readFirst('eta-prediction', 'requirements', text).facts;

  it('gives the fact that settles it, however the check is typed', () => {
    for (const text of [
      "I'll assume around 20k orders a day per city. Sound reasonable?",
      'um ok so I would assume like 20k orders per day in each city, is that fair?',
    ])
      expect(read(text)).toMatchObject({ found: ['order-volume'], unanswered: [] });
    expect(read("I'd say p90 under 60ms. Does that work?").found).toEqual(['latency-budget']);
    expect(read("Let's assume 100 QPS at peak. Works for you?").found).toEqual(['estimate-traffic']);
  });

  it('reads "is that true?" after "I assume ..." as the same check', () => {
    const read = readFirst(
      'code-completion-ranking',
      'data',
      'We need telemetry for every trigger. I assume show and accept events are already logged, is that true?',
    );
    expect(read.intent).toBe('facts');
    expect(read.facts.unanswered).toEqual([]);
  });

  it('lets it stand when no fact settles it, instead of asking for an assumption', () => {
    const facts = read("let's say we support scheduled orders too, ok?");
    expect(facts).toMatchObject({ found: [], unanswered: [], assumed: ['we support scheduled orders too'] });
    expect(
      readFirst('eta-prediction', 'requirements', "let's say we support scheduled orders too, ok?").intent,
    ).toBe('facts');
  });

  it('keeps a check after a design statement a check-in on the answer, and "next is data, ok?" a move-on', () => {
    expect(
      readFirst('eta-prediction', 'model', "I'd use a GBDT with these features. Sound reasonable?").intent,
    ).not.toBe('facts');
    expect(
      readFirst('eta-prediction', 'requirements', "We're done with requirements. Sound good?").intent,
    ).toBe('move-on');
    expect(readFirst('eta-prediction', 'requirements', 'Next is data, ok?').intent).toBe('move-on');
  });
});

describe('reading a statement beside a tentative idea', () => {
  it('gives no fact for a sentence the candidate closed with a full stop where they mark questions', () => {
    const read = readFirst(
      'rag-assistant',
      'monitoring',
      "Security: any answer citing a doc the user shouldn't see should be zero, with an immediate alert if not. Maybe audit a sample every week?",
    );
    expect(read.intent).not.toBe('facts');
    expect(read.facts.found).toEqual([]);
  });

  it('gives the budget an assumption leans on, said after a lead', () => {
    const read = readFirst(
      'ad-click-prediction',
      'requirements',
      "Latency: the auction has its own budget, so let's say the model gets 30ms p99 to score all candidates for one request. That okay?",
    );
    expect(read.facts.found).toEqual(['latency-budget']);
  });
});

describe('reading a question about a term', () => {
  const read = (text: string, caseId = 'fraud-detection') => readFirst(caseId, 'model', text);

  it('asks the glossary when no fact of the case answers it', () => {
    expect(read('sorry, what is MMoE? ive heard people say it for multi task').defines).toEqual(['MMoE']);
    expect(read('whats ndcg exactly, i dont remember').defines).toEqual(['NDCG']);
  });

  it('leaves the question to a fact that names the term, not to one that only touches it', () => {
    expect(read('whats elasticity exactly, i dont remember', 'ride-pricing').defines).toEqual(['Elasticity']);
    // The fraud case's label fact explains chargebacks in its own terms.
    expect(fraud.facts.some((fact) => /chargeback/i.test(fact.answer))).toBe(true);
    const chargeback = read("what's a chargeback?");
    expect(chargeback.defines).toBeUndefined();
    expect(chargeback.facts.found.length).toBeGreaterThan(0);
  });

  it('leaves design talk that names a term alone', () => {
    expect(read("I'd use MMoE with one head per outcome.").defines).toBeUndefined();
  });
});

describe('reading a terse answer', () => {
  it('does not leave open for a probe a point the message talked about without earning it', () => {
    const text =
      'output: p(3rd-party fraud | txn, card/merchant/device ctx @ auth time). score != decision -> separate policy layer to decouple weekly threshold changes from model';
    const coverage = readCandidateMessage(fraud, framework, text);
    expect(coverage.near?.map((point) => point.pointId)).toContain('transaction-risk-score');
    const reading = readMessage({
      caseStudy: fraud,
      framework,
      step: 'framing',
      text,
      transcript: [],
      notes: '',
      cache: new AnalysisCache(),
    });
    expect(reading.uncovered.map((point) => point.id)).not.toContain('transaction-risk-score');
  });
});

describe('an idea floated as a question', () => {
  const read = (text: string) => readFirst('street-view-blurring', 'data', text);

  it('that is a red flag is pushed back on, when put up as the candidate’s idea', () => {
    const floated = read('could we just use a public face dataset like the celebrity one?');
    expect(floated.intent).toBe('tentative');
    expect(floated.redFlags).toEqual(['public-face-datasets-only']);
  });

  it('is not, when the question asks what the case has', () => {
    expect(read('do we have a public face dataset we could use?').redFlags).toEqual([]);
  });
});

describe('an idea put up for a verdict', () => {
  const read = (text: string) => readFirst('eta-prediction', 'model', text);

  it('waits for one when it weighs options or asks whether the idea holds', () => {
    for (const text of [
      'maybe xgboost? or a neural net? im not sure which is better for this',
      'what if the list and checkout numbers differ, is that bad?',
      'should we drop cancelled orders? not sure',
      'Is the idea something like giving new restaurants a head start in the estimate?',
    ])
      expect(read(text).awaitsVerdict, text).toBe(true);
  });

  it('does not, when the candidate said what they think', () => {
    expect(
      read('should we split train and test by date? i think random split leaks stuff but not sure')
        .awaitsVerdict,
    ).toBe(undefined);
  });

  it('does not, when it only proposes with a rising voice', () => {
    expect(
      read('we should probably watch how many orders are late per city? like every hour?').awaitsVerdict,
    ).toBe(undefined);
  });
});

describe('the facts a message asks for', () => {
  it('reads the whole message, bare subjects and terse asks included', () => {
    expect(
      readFirst(
        'street-view-blurring',
        'requirements',
        'Monthly captures; and how many GPUs does the pipeline get?',
      ).facts.found,
    ).toEqual(['capture-volume', 'compute']);
    expect(
      readFirst('ad-click-prediction', 'requirements', 'training gpu limit. also whats the p99 end to end')
        .facts.found,
    ).toEqual(['hardware-cost', 'latency-budget']);
  });

  it('gives the fact of a figure named as its own sentence beside a question, and no "not covered" for a design named there', () => {
    expect(
      readFirst(
        'harmful-content-detection',
        'requirements',
        'Posts per day at peak. How fast must a decision be made?',
      ).facts.found,
    ).toEqual(['post-volume', 'timing']);
    const design = readFirst(
      'harmful-content-detection',
      'requirements',
      'Two-tower retrieval. How fast must a decision be made?',
    );
    expect(design.facts.found).toEqual(['timing']);
    expect(design.facts.unanswered).toEqual([]);
  });

  it('reads a numbered list of subjects as asks only when the case has a fact for each', () => {
    const asked = readFirst(
      'code-completion-ranking',
      'requirements',
      '1) model sizes available 2) the daily cap finance set on serving',
    );
    expect(asked.intent).toBe('facts');
    expect(asked.facts.found).toEqual(['model-options', 'gpu-budget']);
    const own = readFirst('code-completion-ranking', 'model', '1) two-tower retrieval 2) GBDT ranker on top');
    expect(own.intent).toBe('answer');
  });

  it('says nothing is on record only for what the candidate asked about the case', () => {
    const read = readFirst(
      'news-feed-ranking',
      'requirements',
      'also is this being timed per section btw? how many posts per request page',
    );
    expect(read.facts.found).toEqual(['traffic-qps']);
    expect(read.facts.unanswered).toEqual([]);
  });
});

describe('follow-ups on what the message is about', () => {
  it("leave out a framework point when the message is about one of the case's", () => {
    const read = readFirst(
      'fraud-detection',
      'serving',
      'If the feature store is slow we fall back to a simpler rules score rather than blocking the payment.',
    );
    expect(read.named).not.toContain('training-serving-skew');
    expect(read.named).not.toContain('feature-groups');
  });
});

describe('help asked with a topic in a word or two', () => {
  it('is help with the point that word names, and with none when no word names one', () => {
    expect(readFirst('video-search', 'data', 'I have no idea for negatives').raised).toEqual([
      'dual-encoder-pairs',
    ]);
    expect(readFirst('video-search', 'data', "I'm stuck, can I get a hint?").raised).toEqual([]);
    expect(
      readFirst(
        'fraud-detection',
        'monitoring',
        'fraudsters will adapt once we ship, how do i watch for that',
      ).intent,
    ).toBe('hint');
  });
});

describe('a question the brief answers', () => {
  it("gets the brief's sentence, not a guess between two facts", () => {
    const read = readFirst('eta-prediction', 'requirements', 'Is this ETA for food delivery or for rides?');
    expect(read.facts.found).toEqual(['brief-0']);
    expect(read.facts.ambiguous).toEqual([]);
  });

  it('reads an either-or question one alternative at a time, with a greeting before it', () => {
    const read = readFirst(
      'code-completion-ranking',
      'requirements',
      'Hi. Is this the inline ghost-text completion in the IDE, or a chat assistant?',
    );
    expect(read.intent).toBe('facts');
    expect(read.facts.found).toEqual(['brief-0']);
  });
});

describe('help asked beside a question the case answers', () => {
  it('gives the fact, and leaves a request that is itself the question a request', () => {
    const asked = readFirst(
      'eta-prediction',
      'model',
      "what's the typical approach people use for travel time, is a routing engine available?",
    );
    expect(asked.intent).toBe('facts');
    expect(asked.facts.found).toContain('lifecycle-data');
    expect(readFirst('eta-prediction', 'data', 'any tips on handling the delayed labels?').intent).toBe(
      'hint',
    );
    expect(
      readFirst(
        'eta-prediction',
        'data',
        "I'm stuck, any hint? is there something about the labels I'm missing?",
      ).intent,
    ).toBe('hint');
  });
});

describe('an idea with a question whether a figure fits', () => {
  it('gets the figure when the case has it, and stays an idea otherwise', () => {
    const fits = readFirst(
      'fraud-detection',
      'requirements',
      "I'm thinking of a heavy model. would 250 ms of scoring be too slow?",
    );
    expect(fits.intent).toBe('facts');
    expect(fits.facts.found).toContain('latency');
    expect(readFirst('fraud-detection', 'model', 'would logistic regression be enough here?').intent).toBe(
      'tentative',
    );
  });

  it('gives the fact a question beside an idea asks for, and leaves a verdict asked of the idea alone', () => {
    const asked = readFirst(
      'video-recommendation',
      'data',
      "hmm, any special rules for teenagers? I'd want those as hard filters",
    );
    expect(asked.intent).toBe('facts');
    expect(asked.facts.found).toEqual(['policy-constraints']);
    expect(
      readFirst('fraud-detection', 'model', 'is it fine if I start with a small logistic regression?').intent,
    ).toBe('tentative');
    // A doubt about the candidate's own act, with a cost remark, asks nothing of the case.
    expect(
      readFirst(
        'eta-prediction',
        'serving',
        'do we need to call the routing thing for every restaurant? that seems expensive',
      ).intent,
    ).toBe('tentative');
  });

  it('reads a figure put to the case by what it must hold, afford or handle', () => {
    const afford = readFirst('fraud-detection', 'model', 'Could we afford a 300 ms model call per payment?');
    expect(afford.intent).toBe('facts');
    expect(afford.facts.found).toContain('latency');
    const whole = readFirst(
      'code-completion-ranking',
      'model',
      'Could we just put the whole repository into the prompt?',
    );
    expect(whole.facts.found).toContain('repo-context');
  });
});

describe('curveballs the candidate already answered', () => {
  const pricing = cases.get('ride-pricing')!;
  const read = (transcript: string[], text: string) =>
    readMessage({
      caseStudy: pricing,
      framework,
      step: 'evaluation',
      text,
      transcript: transcript.map((said) => ({
        role: 'candidate' as const,
        step: 'evaluation' as const,
        text: said,
      })),
      notes: '',
      cache: new AnalysisCache(),
    });

  it('throws "a rider-level A/B result is meaningless" until the switchback answer is given', () => {
    const before = read([], 'Metrics: completion rate, wait time and driver earnings.');
    expect(before.premisesHeld).toContain('biased-ab-result');
    const answered = read(
      ["We can't A/B by rider because riders in the same area share the drivers."],
      'So switchback tests: alternate the policy per city per time window.',
    );
    expect(answered.premisesHeld).not.toContain('biased-ab-result');
  });
});

describe('an act of the design said as an order', () => {
  it('is an answer, not small talk, whatever the learned reader hears', () => {
    const read = readFirst(
      'ride-pricing',
      'serving',
      'fallback to the last good multiplier, or to the old surge rule',
    );
    expect(read.intent).toBe('answer');
  });
});

describe('leave asked for a choice, a swap of the plan, or a doubt about it', () => {
  it.each([
    'is it okay if I use the same location only?',
    'Could we just do RL end to end instead?',
    'why not just use the old surge rule?',
    'but riders talk to each other, could that bias it?',
    "wouldn't that skew the results?",
    'should the user be able to tap which object they mean?',
    'is that label order ok?',
    'hmm is bert too slow?',
  ])('"%s" waits for a verdict', (text) => {
    const read = readFirst('ride-pricing', 'framing', text);
    expect(read.intent).toBe('tentative');
    expect(read.awaitsVerdict).toBe(true);
  });

  it('a plain proposal put as a question does not', () => {
    expect(
      readFirst('ride-pricing', 'framing', 'maybe a contextual bandit per cell?').awaitsVerdict,
    ).toBeUndefined();
  });
});

describe("the team's own claim with a tag", () => {
  it('gets the fact when the case says what it allows', () => {
    const read = readFirst(
      'code-completion-ranking',
      'data',
      "We can't train on private customer code without permission, right?",
    );
    expect(read.intent).toBe('facts');
    expect(read.facts.found).toContain('code-privacy');
  });

  it('stays the candidate’s idea when the case says nothing of it', () => {
    const read = readFirst(
      'event-recommendation',
      'framing',
      "events expire fast though so we can't learn per-event embeddings well, right?",
    );
    expect(read.intent).toBe('tentative');
  });
});

describe('a remark after a question that points back at it', () => {
  it('is not read as a subject asked beside the question', () => {
    const read = readFirst(
      'visual-search',
      'framing',
      "For 'similar', we mean exact same product, or similar style is also okay? This change very much the training.",
    );
    expect(read.intent).toBe('facts');
    // "training" is in the privacy fact; the remark asks nothing about it.
    expect(read.facts.found).toEqual([]);
  });
});

describe('a question the case leaves open that shares a word with two facts', () => {
  it('is said to be open, not answered with "which do you mean"', () => {
    const read = readFirst(
      'search-ranking',
      'serving',
      "What's the hardware for serving, CPU only or do we have GPUs?",
    );
    expect(read.intent).toBe('facts');
    expect(read.facts.ambiguous).toEqual([]);
    expect(read.facts.found).toEqual([]);
  });
});

describe('a question about the mix of what people do, beside the candidate guessing the answer', () => {
  it('gets the fact, whatever the learned reader hears in the guess', () => {
    const read = readFirst(
      'video-search',
      'requirements',
      "What kinds of searches do people do? I'd guess some are looking for one particular creator, some want to learn how to do something, and some are just browsing.",
    );
    expect(read.intent).toBe('facts');
    expect(read.facts.found).toEqual(['query-mix']);
  });
});

describe("the interviewer's preference asked about an idea", () => {
  it('awaits a verdict, so the idea is handed back rather than left for a new question', () => {
    for (const text of [
      'Would you want us to also check calibration on new advertisers separately?',
      'Would you prefer I use a two-tower model here, or is that only for retrieval?',
    ]) {
      const read = readFirst('ad-click-prediction', 'evaluation', text);
      expect(read.intent, text).toBe('tentative');
      expect(read.awaitsVerdict, text).toBe(true);
    }
  });
});

describe('"does that answer your question?"', () => {
  const completion = cases.get('code-completion-ranking')!;
  const probeOf = (id: string) => completion.steps.model.points.find((point) => point.id === id)!.probe;
  const read = (transcript: { role: 'candidate' | 'interviewer'; text: string }[], text: string) =>
    readMessage({
      caseStudy: completion,
      framework,
      step: 'model',
      text,
      transcript: transcript.map((line) => ({ ...line, step: 'model' as const })),
      notes: '',
      cache: new AnalysisCache(),
    });

  it('is asked about the point the last question of the step asked, and whether it is covered', () => {
    const filters = read(
      [
        { role: 'interviewer', text: `One question before we go on. ${probeOf('candidate-filters')}` },
        { role: 'candidate', text: 'Never show candidates with unbalanced brackets.' },
        { role: 'interviewer', text: 'Got it. Take it further if you like.' },
      ],
      'Is that what you were looking for?',
    );
    expect(filters.intent).toBe('meta');
    expect(filters.answeredAsked).toEqual({ pointId: 'candidate-filters', covered: false });
    const context = read(
      [{ role: 'interviewer', text: `Here's one I'd like your take on. ${probeOf('context-assembly')}` }],
      'We retrieve snippets from open tabs and imported files and put the signatures in the prompt. Does that answer your question?',
    );
    expect(context.intent).toBe('answer');
    expect(context.answeredAsked).toEqual({ pointId: 'context-assembly', covered: true });
  });

  it('names no point after the step opening, and is not asked by a question for the case', () => {
    const opened = read(
      [{ role: 'interviewer', text: 'Next, model design. Which models?' }],
      'Does that answer it?',
    );
    expect(opened.answeredAsked).toEqual({ covered: false });
    const asked = read([], 'How many GPUs do we have?');
    expect(asked.answeredAsked).toBeUndefined();
  });
});

describe('an idea put up with a rising voice, in a case whose facts come near it', () => {
  it.each([
    [
      'framing',
      "Oh, okay, so instead of predicting a fixed label, we learn an embedding? Like, we map the shopper's photo and every catalog image into the same vector space, and then we just find the nearest catalog images?",
    ],
    [
      'evaluation',
      'Sorry, I mean, maybe recall at K? Like, for a shopper photo, is the right product in the top 10 results?',
    ],
    [
      'serving',
      "So, um, the phone uploads the photo, maybe resize it on the phone first so it's small? Then a server runs the detector?",
    ],
    [
      'monitoring',
      'And maybe the click rate on results and how often people search again right away, that might mean bad results?',
    ],
    [
      'model',
      "Is the embedding size important? I'd maybe use 256 dimensions so the index is smaller, 600 million images times 256 floats is about 600 GB.",
    ],
  ] as const)('is the candidate’s idea, not a question for the case (%s): %s', (step, text) => {
    const read = readFirst('visual-search', step, text);
    // Answered at once, the question is part of an answer.
    expect(read.intent).toMatch(/^(?:tentative|answer)$/);
    expect(read.facts.found).toEqual([]);
  });

  it('a figure asked and worked out at once is an answer', () => {
    const read = readFirst(
      'llm-content-moderation',
      'framing',
      "How much goes to the LLM? With $150k a month at $1.90 per thousand that's about 79 million calls a month. I'd start a bit wider than that on listings.",
    );
    expect(read.intent).toBe('answer');
    // A figure asked and not worked out is still asked.
    expect(readFirst('visual-search', 'requirements', 'How many listings are there?').intent).toBe('facts');
  });
});

describe('chat shorthand and a guess typed after the question', () => {
  it('gives the fact asked in clipped words', () => {
    expect(readFirst('event-recommendation', 'requirements', 'how many usr?').facts.found).toContain(
      'scale-users-events',
    );
    expect(
      readFirst('event-recommendation', 'requirements', 'wat data we hav logged?').facts.found,
    ).toContain('data-available');
  });

  it("lets the candidate's own guess after the question stand when the case has nothing for it", () => {
    const facts = readFirst(
      'event-recommendation',
      'evaluation',
      'how long run test? i think 2 wks min bc weekly email cycle',
    ).facts;
    expect(facts.unanswered).toEqual([]);
    expect(facts.assumed).toEqual(['i think 2 wks min bc weekly email cycle']);
  });
});

describe('a change of constraints waved away', () => {
  const street = cases.get('street-view-blurring')!;
  const ball = street.curveballs[0]!;
  const read = (text: string, kind: 'curveball' | 'probe') =>
    readMessage({
      caseStudy: street,
      framework,
      step: ball.step,
      text,
      transcript: [{ role: 'interviewer', text: ball.text, kind, step: ball.step }],
      notes: '',
      cache: new AnalysisCache(),
    });

  it('is read right after the change, and only when no plan comes with it', () => {
    expect(
      read("I don't think that's a big issue here; nothing changes.", 'curveball').dismissesCurveball,
    ).toBe(true);
    expect(
      read("I don't think that's a big issue here; nothing changes.", 'probe').dismissesCurveball,
    ).toBeUndefined();
    expect(
      read("I don't think it's a big issue; we'd add a few hundred labelled images from there.", 'curveball')
        .dismissesCurveball,
    ).toBeUndefined();
  });
});

describe('a why the case does not answer', () => {
  it("is handed back as the candidate's reasoning, while a why the facts answer gets them", () => {
    const reasoned = readFirst(
      'eta-prediction',
      'framing',
      'Why does a rolling time split matter so much if the data is huge?',
    );
    expect(reasoned).toMatchObject({ intent: 'tentative', awaitsVerdict: true });
    expect(reasoned.facts.found).toEqual([]);
    const factual = readFirst('eta-prediction', 'framing', 'Why is the window 10 minutes wide?');
    expect(factual.intent).toBe('facts');
    expect(factual.facts.found).toContain('product-targets');
  });
});

describe('help asked after an answer', () => {
  it('is about what the plea for help names, not the answer before it', () => {
    const read = readFirst(
      'search-ranking',
      'data',
      "I'd estimate the position effect by randomly swapping neighbouring results on 1% of traffic and weighting clicks by the inverse. Different question: I'm stuck on new products. Could I get a hint?",
    );
    expect(read.intent).toBe('hint');
    expect(read.raised).not.toContain('position-bias-click-models');
  });
});

describe('the clock asked', () => {
  it('beside an answer, is said and the answer is replied to; alone, it is an aside; a design question is neither', () => {
    const beside = readFirst(
      'eta-prediction',
      'model',
      "I'd use a gradient boosted model on the order features, restaurant prep history and courier location. is this the last section?",
    );
    expect(beside).toMatchObject({ intent: 'answer', asksClock: true });
    const alone = readFirst('eta-prediction', 'model', 'how much time do we have left overall?');
    expect(alone).toMatchObject({ intent: 'meta', asksClock: true });
    for (const text of [
      'how much time do we have to respond to a request?',
      'is this the last step of the funnel?',
      'how much time is left before the label arrives?',
    ])
      expect(readFirst('eta-prediction', 'model', text).asksClock).toBeUndefined();
  });

  it('beside a plea for help, is said and the help is given too', () => {
    const stuck = readFirst(
      'search-ranking',
      'evaluation',
      "Other teams on the same traffic, honestly, I don't know, at my old job we just kind of hoped for the best. How am I doing on time?",
    );
    expect(stuck).toMatchObject({ intent: 'stuck', asksClock: true });
    const hint = readFirst(
      'search-ranking',
      'evaluation',
      'Could I get a hint on this one? How much time is left?',
    );
    expect(hint).toMatchObject({ intent: 'hint', asksClock: true });
  });
});

describe('help asked right after a probe', () => {
  const study = cases.get('people-you-may-know')!;
  const point = study.steps.framing.points.find((each) => each.id === 'send-times-accept')!;
  const read = (text: string) =>
    readMessage({
      caseStudy: study,
      framework,
      step: 'framing',
      text,
      transcript: [
        {
          role: 'candidate',
          text: 'The label is whether they send an invite and it gets accepted.',
          step: 'framing',
        },
        { role: 'interviewer', text: point.followUps[0] ?? point.probe, kind: 'follow-up', step: 'framing' },
      ],
      notes: '',
      cache: new AnalysisCache(),
    });

  it('is about the question just asked when it names nothing of its own', () => {
    for (const text of ["I don't know, honestly.", 'any pointers?', 'no idea'])
      expect(read(text).raised, text).toEqual(['send-times-accept']);
  });

  it('is about what it names when it names a subject of its own', () => {
    expect(read("I'm stuck on how to get the candidates, can you give me a hint?").raised).not.toContain(
      'send-times-accept',
    );
  });
});

describe('help asked in the words of the probe just asked', () => {
  const study = cases.get('event-recommendation')!;
  const point = study.steps.model.points.find((each) => each.id === 'cold-start-in-model')!;
  const read = (text: string) =>
    readMessage({
      caseStudy: study,
      framework,
      step: 'model',
      text,
      transcript: [{ role: 'interviewer', text: point.probe, kind: 'probe', step: 'model' }],
      notes: '',
      cache: new AnalysisCache(),
    });

  it('is about the point just asked, whatever else it names', () => {
    expect(point.probe).toContain('buried');
    expect(
      read("I'm stuck again, sorry. How would I handle the small organizers so they don't get buried?")
        .raised,
    ).toEqual(['cold-start-in-model']);
  });
});

describe('what the team may do, asked alone', () => {
  it('gives the fact for "can we run the model ourselves?", and leaves an idea put up an idea', () => {
    const read = (text: string) => readFirst('llm-feature-evaluation', 'requirements', text);
    expect(read('Can we run the model ourselves?').facts.found).toEqual(['vendor-models']);
    expect(read('Can we use a GBDT here?').intent).toBe('tentative');
  });
});

describe('"I already covered that" (thirty-fifth session)', () => {
  const probe = fraud.steps.requirements.points.find((point) => point.id === 'inline-authorization')!.probe;
  const claim = (earlier: string[]) =>
    readMessage({
      caseStudy: fraud,
      framework,
      step: 'requirements',
      text: 'I already covered that.',
      transcript: [
        ...earlier.map((text) => ({ role: 'candidate' as const, text, step: 'requirements' as const })),
        { role: 'interviewer', text: `Tell me this: ${probe}`, step: 'requirements', kind: 'probe' },
      ],
      notes: '',
      cache: new AnalysisCache(),
    }).answeredAlready;

  it('is granted when something said covers the point the question asked about', () => {
    expect(
      claim([
        'We have to approve or decline on the spot, inside the authorization path, since the shopper is waiting at the till.',
      ]),
    ).toBe(true);
  });

  it('is not granted as a slip when nothing said so far covers it', () => {
    expect(claim(['We need a model that flags fraud.'])).toBe('unseen');
  });
});
