import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CaseStudy, type Fact, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { fixtureCase } from '../test/fixtures.ts';
import { REAL_CASE_QUESTIONS, UNANSWERABLE } from '../test/real-case-questions.ts';
import { createFactIndex, type FactIndex, factIndexFor } from './facts.ts';

/** The ranker's own decisions, without the fact classifier (facts/classifier.ts) changing any. */
const RANKER_ONLY = {
  classifierAt: 2,
  classifierOverrules: 2,
  classifierRescues: 2,
  classifierRescuesUnknown: 2,
  classifierAsks: 2,
};

const ids = (question: string, index = factIndexFor(fixtureCase)) =>
  index.search(question).map((m) => m.fact.id);

/** Each part as "status:fact" or "ambiguous:a|b". */
const parts = (message: string, index: FactIndex = factIndexFor(fixtureCase)) =>
  index
    .lookup(message)
    .parts.map(
      (part) => `${part.status}:${part.fact?.id ?? part.options?.map((fact) => fact.id).join('|') ?? ''}`,
    );

describe('fact retrieval on the fixture case', () => {
  it.each([
    ['How many daily users do we have?', 'user-scale'],
    ['What is the latency budget for ranking?', 'latency'],
    ['How many posts does a user have to rank from?', 'candidates'],
    ['Which engagement signals do we log?', 'engagement-labels'],
    ['What is the business objective here?', 'business-goal'],
    ['How does the current ranking work?', 'existing-system'],
    ['Are there GDPR constraints?', 'privacy'],
    ['Can we use GPUs for serving?', 'hardware'],
    ['Is the app international, in many languages?', 'languages'],
  ])('answers "%s" with %s', (question, factId) => {
    expect(ids(question)).toEqual([factId]);
  });

  it('answers the same with filler and politeness around the question', () => {
    for (const message of [
      'um ok. how many daily users do we have?',
      'sorry. How many daily users do we have?',
      'Quick question: how many daily users do we have?',
      'I was wondering if you could tell me how many daily users we have',
      'ok so, got it, thanks! how many daily users do we have',
      // A count asked with "how much", as non-native speakers often do.
      'how much daily users we have?',
    ]) {
      expect({ message, parts: parts(message) }).toEqual({ message, parts: ['found:user-scale'] });
    }
  });

  it('matches paraphrases through the shared vocabulary', () => {
    expect(parts('What response time do we need?')).toEqual(['found:latency']);
    expect(parts('whats the DAU')).toEqual(['found:user-scale']);
    expect(parts('Do we have any ground truth annotations?')).toEqual(['found:engagement-labels']);
    expect(parts('what does leadership want us to optimise for?')).toEqual(['found:business-goal']);
  });

  it('reads a misspelt word as the word the case knows', () => {
    expect(parts('whats the latncy budget?')).toEqual(['found:latency']);
  });

  it('answers each part of a several-part question, in order', () => {
    expect(ids('How many users are there, and what is the latency budget?')).toEqual([
      'user-scale',
      'latency',
    ]);
    expect(ids('What is the scale? Do we have GDPR constraints?')).toEqual(['user-scale', 'privacy']);
    expect(parts('how many users are there, also the latency budget')).toEqual([
      'found:user-scale',
      'found:latency',
    ]);
    expect(parts('Two things:\n- GDPR constraints\n- can we use GPUs')).toEqual([
      'found:privacy',
      'found:hardware',
    ]);
    expect(parts('What is the latency budget and the number of candidate posts?')).toEqual([
      'found:latency',
      'found:candidates',
    ]);
  });

  it('reads a question that leans on the next one as asking that one, not as something the case leaves out', () => {
    expect(parts('Do they vary a lot? How many daily users do we have?')).toEqual(['found:user-scale']);
    // A question of its own that nothing answers is still said to be open.
    expect(parts('Is there an SLA with advertisers? How many daily users do we have?')).toEqual([
      'none:',
      'found:user-scale',
    ]);
  });

  it('marks a fact found for a question that names something no fact holds as only the closest', () => {
    const [competitors] = factIndexFor(fixtureCase).lookup(
      'How many daily users do rival apps in Brazil have?',
    ).parts;
    expect(competitors).toMatchObject({ status: 'found', nearby: 'words' });
    expect(competitors?.fact?.id).toBe('user-scale');
    const [ours] = factIndexFor(fixtureCase).lookup('How many daily users do we have?').parts;
    expect(ours?.nearby).toBeUndefined();
  });

  it('answers a list of short asks item by item when each finds its own fact', () => {
    expect(parts('Daily users, GDPR constraints, latency budget?')).toEqual([
      'found:user-scale',
      'found:privacy',
      'found:latency',
    ]);
    expect(parts('user scale, latency budget and GDPR constraints?')).toEqual([
      'found:user-scale',
      'found:latency',
      'found:privacy',
    ]);
  });

  it('answers two terse asks parted by one comma, each with its fact (thirty-fifth session)', () => {
    expect(parts('Daily users count, p99 latency budget?')).toEqual(['found:user-scale', 'found:latency']);
    // One ask weighing two options is not two asks.
    expect(parts('Daily users, or monthly?')).toHaveLength(1);
  });

  it('reads "+" between two asks as "and"', () => {
    expect(parts('daily users + latency budget?')).toEqual(['found:user-scale', 'found:latency']);
  });

  it('keeps "X and Y" whole when one fact holds both', () => {
    expect(parts('Are there GDPR and consent rules?')).toEqual(['found:privacy']);
  });

  it('keeps "the X and Y <noun>" whole: two modifiers of one noun are one question', () => {
    const facts: Fact[] = [
      {
        id: 'click-rate',
        cues: ['click rate', 'ctr'],
        asks: [],
        answer: 'About 2% of impressions are clicked.',
      },
      {
        id: 'conversion',
        cues: ['conversion', 'purchases'],
        asks: [],
        answer: 'Conversions arrive within 7 days.',
      },
      { id: 'latency', cues: ['latency'], asks: [], answer: 'The budget is 100 ms at p99.' },
    ];
    const index = createFactIndex(facts);
    expect(parts('What are the click and conversion rates?', index)).toHaveLength(1);
    expect(parts('What is the latency budget and the conversion delay?', index)).toEqual([
      'found:latency',
      'found:conversion',
    ]);
  });

  it('reads a qualifier the case never mentions as part of a covered question', () => {
    expect(parts("What's the latency target for ranking?")).toEqual(['found:latency']);
    expect(parts('Is there a limit on the response time?')).toEqual(['found:latency']);
  });

  it('says "none" when what is asked is a word the case never uses', () => {
    // Every other word is the case's own: the predicate is what is asked.
    expect(parts('Can users pin a post to the top of their feed?')).toEqual(['none:']);
    expect(parts('Can users mute their friends in the feed?')).toEqual(['none:']);
  });

  it('skips statements around the questions', () => {
    expect(parts("Thanks, that helps. I'd start with a simple baseline. What's the latency budget?")).toEqual(
      ['found:latency'],
    );
    expect(parts('um ok. thanks.')).toEqual([]);
  });

  it('says "none" for a question the case does not cover, beside the parts it does', () => {
    expect(parts("What's the office dress code?")).toEqual(['none:']);
    expect(parts('How many engineers are on the team?')).toEqual(['none:']);
    expect(parts('Should the model be interpretable for regulators?')).toEqual(['none:']);
    expect(parts('How many users are there? And what is the office dress code?')).toEqual([
      'found:user-scale',
      'none:',
    ]);
    expect(ids('?')).toEqual([]);
  });

  // A clause of one sentence that finds nothing asks more of what the sentence asks, though a sentence
  // of its own is a question of its own; a question naming only how it asks is answered when nothing
  // comes before it; a lead-in naming something the case leaves out does not hide the question after
  // it; a remark closed by a full stop that finds nothing is dropped, a question is not.
  it.each([
    ['How many users are there, and how many log in twice?', ['found:user-scale']],
    ['How many users are there? And how many log in twice?', ['found:user-scale', 'none:']],
    ['How fast does it need to be?', ['found:latency']],
    ['How many people use the product?', ['found:user-scale']],
    ['For the office dress code, how many daily users do we have?', ['found:user-scale']],
    ['For the office dress code, what should people wear?', ['none:']],
    ["I'd like to know the raw material. What's the latency budget?", ['found:latency']],
    ['How many users are there? What is the office dress code.', ['found:user-scale', 'none:']],
  ])('reads "%s" as %j', (message, expected) => {
    expect(parts(message)).toEqual(expected);
  });

  it('asks which fact is meant when two fit about equally', () => {
    const facts: Fact[] = [
      {
        id: 'train-budget',
        cues: ['training budget', 'gpu hours'],
        asks: [],
        answer: 'Training may use 64 GPUs.',
      },
      {
        id: 'serve-budget',
        cues: ['serving budget', 'gpu serving'],
        asks: [],
        answer: 'Serving runs on 20 GPUs.',
      },
      {
        id: 'labels',
        cues: ['labels', 'annotation'],
        asks: [],
        answer: 'A vendor labels 1,000 items a day.',
      },
    ];
    const [part] = createFactIndex(facts).lookup('How many GPUs do we have?').parts;
    expect(part?.status).toBe('ambiguous');
    expect(part?.options?.map((fact) => fact.id).sort()).toEqual(['serve-budget', 'train-budget']);
    expect(createFactIndex(facts).search('How many GPUs do we have?')).toEqual([]);
  });

  it('works with fewer than three facts, or none', () => {
    const two = createFactIndex(fixtureCase.facts.slice(0, 2));
    expect(ids('What response time do we need?', two)).toEqual(['latency']);
    expect(ids('Do we have labels?', two)).toEqual([]);
    expect(createFactIndex([]).search('anything at all?')).toEqual([]);
    expect(createFactIndex([]).lookup('What is the latency budget?').parts).toEqual([
      { question: 'What is the latency budget?', status: 'none' },
    ]);
  });

  it('builds one index per case object', () => {
    expect(factIndexFor(fixtureCase)).toBe(factIndexFor(fixtureCase));
  });
});

/** A card-fraud case in miniature: the facts that follow-ups, durations and shares should reach. */
const fraudFacts: Fact[] = [
  {
    id: 'fraud-rate',
    cues: ['fraud rate', 'class balance'],
    asks: [],
    answer: 'About 0.1% of transactions are fraud, costing about $600 million a year.',
  },
  {
    id: 'label-delay',
    cues: ['label delay', 'when do we know'],
    asks: [],
    answer: 'Half of fraud is reported within 7 days and 95% within 60 days.',
  },
  {
    id: 'latency',
    cues: ['latency', 'how fast', 'response time'],
    asks: [],
    answer: 'Scoring must answer within 100 ms at p99.',
  },
  {
    id: 'volume',
    cues: ['how many transactions', 'traffic', 'qps'],
    asks: [],
    answer: 'About 25 million transactions a day, peaking at 1,500 per second.',
  },
  {
    id: 'analysts',
    cues: ['manual review', 'analysts'],
    asks: [],
    answer: '60 analysts work about 6,000 cases a day.',
  },
  {
    id: 'channels',
    cues: ['card present', 'online', 'channels'],
    asks: [],
    answer: '55% of transactions are card-present and 45% online.',
  },
];

describe('follow-ups, durations and shares', () => {
  const fraud = createFactIndex(fraudFacts);

  it('keeps a second question about the same fact with that fact', () => {
    expect(parts('What share of transactions are fraud, and how much do we lose to it?', fraud)).toEqual([
      'found:fraud-rate',
    ]);
    expect(parts('How many analysts do we have? How many cases can they handle a day?', fraud)).toEqual([
      'found:analysts',
    ]);
    expect(parts('Do we have analysts? How many?', fraud)).toEqual(['found:analysts']);
  });

  it('still splits a follow-up that asks about another fact, or about something new', () => {
    expect(parts('What is the peak QPS? And how fast do we have to score them?', fraud)).toEqual([
      'found:volume',
      'found:latency',
    ]);
    expect(parts('What is the fraud rate? Is it higher online?', fraud)).toEqual([
      'found:fraud-rate',
      'found:channels',
    ]);
    expect(parts('How many analysts do we have? Do they get push notifications?', fraud)).toEqual([
      'found:analysts',
      'none:',
    ]);
  });

  it('answers a bare subject joined to a question by "and" on its own', () => {
    expect(parts('What is the fraud rate, and peak QPS?', fraud)).toEqual([
      'found:fraud-rate',
      'found:volume',
    ]);
    expect(parts('Daily transactions, and how fast must we score them?', fraud)).toEqual([
      'found:volume',
      'found:latency',
    ]);
  });

  it('reaches the latency or the delay fact by the event a time question names', () => {
    expect(parts('How long until a fraudulent charge gets reported?', fraud)).toEqual(['found:label-delay']);
    expect(parts('How many days pass before fraud is reported?', fraud)).toEqual(['found:label-delay']);
    expect(parts('How quickly does the model need to answer for each payment?', fraud)).toEqual([
      'found:latency',
    ]);
  });

  it('reaches the fact that gives the share a rate question asks for', () => {
    expect(parts('What fraction of payments are online?', fraud)).toEqual(['found:channels']);
  });

  it('asks which fact is meant, not "none", when an unsure best fact holds a specific word asked', () => {
    // A bar no question clears: every answer is unsure.
    const unsure = createFactIndex(fraudFacts, { noneBelow: 0.99, ...RANKER_ONLY });
    expect(parts('How many cases can analysts handle?', unsure)[0]).toMatch(/^ambiguous:analysts\|/);
    // Only a word every fact has, or a word the case never uses: the case does not cover it.
    expect(parts('How many transactions a day are there?', unsure)).toEqual(['none:']);
    expect(parts('Do analysts get night shifts?', unsure)).toEqual(['none:']);
  });
});

describe('what a question names beside the facts', () => {
  const fraud = createFactIndex(fraudFacts, {}, 'Card fraud detection');

  it('reads the words of the case title as the system, not as a subject the case leaves out', () => {
    const asked = 'How many analysts review detection alerts?';
    expect(parts(asked, fraud)).toEqual(['found:analysts']);
    expect(parts(asked, createFactIndex(fraudFacts, RANKER_ONLY))).toEqual(['none:']);
  });

  it('leaves out the fact whose figure the question quotes: the rest is what is asked', () => {
    expect(parts('How many transactions a day are there?', fraud)).toEqual(['found:volume']);
    expect(parts('Of the 25 million transactions, how many come from Europe?', fraud)).toEqual(['none:']);
  });

  it('reads a word of two senses in the one the case knows', () => {
    // "deadline" is a latency here, or a project's date; the case only speaks of latency.
    expect(parts('What is the deadline for scoring a payment?', fraud)).toEqual(['found:latency']);
    expect(parts('What is the project deadline?', fraud)).toEqual(['none:']);
  });
});

const casesDir = join(import.meta.dirname, '../../../rubrics/cases');
const realCases = readdirSync(casesDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => loadYamlFile(join(casesDir, name), CaseStudy))
  .flatMap((loaded) => (loaded.ok ? [loaded.value] : []));

/** Cases that do say something about a question of UNANSWERABLE. */
const COVERED: Record<string, string[]> = {
  // "price factors must be explainable to regulators"
  'ride-pricing': ['Should the model be interpretable for regulators?'],
  // "every removal needs a statement of reasons"
  'harmful-content-detection': ['Should the model be interpretable for regulators?'],
};

describe('fact retrieval on the real cases', () => {
  const covered = realCases.filter((study) => REAL_CASE_QUESTIONS[study.id]);

  it('has real cases to check', () => {
    expect(covered.length).toBeGreaterThan(0);
  });

  it('answers a later clause that asks a new count with its own fact, not the one before', () => {
    const search = realCases.find((study) => study.id === 'video-search');
    expect(search).toBeDefined();
    const index = factIndexFor(search!);
    // The catalogue fact mentions searches as much as the traffic fact does: a tie does not make the
    // second clause a follow-up on the first.
    expect(parts('How big is the video catalogue, and how many searches a day?', index)).toEqual([
      'found:corpus-size',
      'found:traffic',
    ]);
  });

  it('knows graphics cards and people who can rate by their everyday names', () => {
    const search = realCases.find((study) => study.id === 'video-search');
    expect(search).toBeDefined();
    const index = factIndexFor(search!);
    expect(
      parts(
        'How much time do we have to return results, and do we have graphics cards on the live side?',
        index,
      ),
    ).toEqual(['found:latency', 'found:compute']);
    expect(parts('Are there people who can rate whether a video fits a search?', index)).toEqual([
      'found:human-ratings',
    ]);
  });

  it('reads "they" or "it" in a later clause as the subject of the clause before', () => {
    const fraud = realCases.find((study) => study.id === 'fraud-detection');
    expect(fraud).toBeDefined();
    const index = factIndexFor(fraud!);
    // With its antecedent, "how long until they show up" asks for the label delay, not the sources again.
    expect(parts('Where do our fraud labels come from, and how long until they show up?', index)).toEqual([
      'found:label-sources',
      'found:label-delay',
    ]);
  });

  it('reads data residency as a privacy question, and options after a question as part of it', () => {
    const completion = realCases.find((study) => study.id === 'code-completion-ranking');
    expect(completion).toBeDefined();
    expect(parts('is there an EU residency requirement?', factIndexFor(completion!))).toEqual([
      'found:code-privacy',
    ]);
    const visual = realCases.find((study) => study.id === 'visual-search');
    expect(visual).toBeDefined();
    expect(
      parts('What is the business goal? Purchase from session, or click?', factIndexFor(visual!)),
    ).toEqual(['found:success-metric']);
  });

  for (const study of covered) {
    it(`answers realistic questions on ${study.id}`, () => {
      const index = factIndexFor(study);
      for (const [question, factId] of REAL_CASE_QUESTIONS[study.id] ?? []) {
        expect({ question, facts: ids(question, index) }).toEqual({ question, facts: [factId] });
      }
      for (const question of UNANSWERABLE.filter((q) => !COVERED[study.id]?.includes(q))) {
        expect({ question, parts: parts(question, index) }).toEqual({ question, parts: ['none:'] });
      }
    });
  }
});
