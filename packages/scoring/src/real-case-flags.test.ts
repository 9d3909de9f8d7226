import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TranscriptFile } from '@mlsd/protocol';
import { loadRubrics, type StepId } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './transcript-file.ts';

/**
 * Red flags of the real cases, each scored end to end on a one-answer transcript.
 *
 * Random negatives are the standard way to train a two-tower retrieval model and a mistake only for
 * the final ranker, which must order plausible candidates. The red flags of the real cases must
 * tell the two apart when a short transcript is scored end to end.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const loaded = loadRubrics(join(ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const rubrics = loaded.value;

/** The red flag ids a one-answer transcript of `caseId` earns, said in `step`. */
function flagsOf(caseId: string, step: StepId, answer: string): string[] {
  const file = TranscriptFile.parse({
    caseId,
    durationMinutes: 45,
    turns: [
      { role: 'interviewer', step, text: 'How would you train the models, and on what examples?', t: 0 },
      { role: 'candidate', step, text: answer, t: 60 },
    ],
  });
  const result = scoreTranscript(file, rubrics, { now: 0 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.steps.flatMap((report) => report.redFlags.map((flag) => flag.id));
}

/** Each case's items by name, so the retrieval answers say what its old, wider phrasings matched. */
const CASES = [
  { caseId: 'search-ranking', step: 'framing', flag: 'random-catalog-negatives', items: 'products' },
  { caseId: 'event-recommendation', step: 'data', flag: 'random-global-negatives', items: 'events' },
] as const;

describe.each(CASES)('$caseId: random negatives', ({ caseId, step, flag, items }) => {
  it.each([
    'We train the retrieval tower with in-batch / random negatives.',
    `The two-tower retrieval model learns from clicks, with in-batch negatives plus random ${items} as negatives and a correction for how often each is sampled.`,
    `Retrieval hands about 500 candidates to the ranker. The two towers themselves use random ${items} as negatives, which is fine for recall.`,
  ])('raise no flag for a correct retrieval answer: %s', (answer) => {
    expect(flagsOf(caseId, step, answer)).not.toContain(flag);
  });

  it.each([
    'We train the ranker on random negatives.',
    'For the ranking model I would use random negatives, since they are cheap and plentiful.',
    // Said of the model in general, with no retrieval in sight: the mistake an interviewer pushes back on.
    `And for negatives, I'd just sample random ${items} from the whole catalog as negatives; there are millions, so random ones are basically always irrelevant.`,
  ])('flag random negatives proposed for the ranker: %s', (answer) => {
    expect(flagsOf(caseId, step, answer)).toContain(flag);
  });

  it('does not flag the ranker mistake when the candidate turns it down', () => {
    expect(
      flagsOf(caseId, step, 'We should not train the ranker on random negatives; they are far too easy.'),
    ).not.toContain(flag);
  });
});

/**
 * A two-tower design names BERT and a video encoder; the mistake is running the joint model over the
 * whole corpus. Clicks taken as positives as they are is the click mistake, said in any words.
 */
describe('video-search: a two-tower design against a cross-encoder over the corpus', () => {
  it('raises no flag for a two-tower design that names BERT and a video encoder', () => {
    const answer =
      'A text encoder for the query, like a small BERT, and a video encoder that combines frames from a pretrained image model plus the title.';
    expect(flagsOf('video-search', 'model', answer)).not.toContain('cross-encoder-everything');
  });

  it('flags BERT run over every video, and clicks used as positives', () => {
    expect(
      flagsOf('video-search', 'model', 'For each query we run BERT over every video in the index.'),
    ).toContain('cross-encoder-everything');
    expect(flagsOf('video-search', 'data', 'Clicks from search logs could be used as positives.')).toContain(
      'clicks-are-relevance',
    );
  });
});

/** Mistakes the played sessions showed passing without a word: each now has its red flag. */
describe('mistakes a played session let pass', () => {
  it.each([
    [
      'eta-prediction',
      'data',
      "For the split I'll just shuffle randomly and take 20% as test.",
      'We must not split randomly; the test set is the last two weeks.',
      'random-split',
    ],
    [
      'video-search',
      'evaluation',
      'Accuracy is also a fine metric here.',
      'We should not use accuracy for a ranked list.',
      'accuracy-for-ranking',
    ],
    [
      'news-feed-ranking',
      'evaluation',
      'We could just measure clicks, clicks are enough.',
      'Clicks are not enough; we also track hides and return visits.',
      'clicks-only-success',
    ],
    [
      'ride-pricing',
      'data',
      'We should train on all past data and test on a random 20% of minutes.',
      'We never test on random minutes; the test set is the last two weeks of every city.',
      'random-minute-split',
    ],
    [
      'ride-pricing',
      'evaluation',
      "Offline accuracy of the demand forecast is the main thing I'd report.",
      'Forecast accuracy is not the result; trips completed and waiting times decide.',
      'forecast-accuracy-as-success',
    ],
    [
      'ride-pricing',
      'evaluation',
      'Offline: accuracy of the conversion model on held-out quotes. We should be able to get 90% plus.',
      'Not accuracy: the optimiser uses the probabilities, so log loss and calibration per price level.',
      'accuracy-for-conversion',
    ],
    [
      'ride-pricing',
      'requirements',
      'Alright. The goal is pretty simple: maximise revenue. Charge more when demand is high.',
      'The goal is not to maximize revenue; completed trips come first.',
      'maximize-revenue-per-ride',
    ],
    [
      'street-view-blurring',
      'evaluation',
      'Accuracy on the test set would be a good single number to track.',
      'Accuracy is useless here, since most tiles hold no face.',
      'accuracy-for-detection',
    ],
    [
      'llm-feature-evaluation',
      'framing',
      "BLEU against the agent's actual sent reply would be simple, let's do that as the main metric.",
      'We must not use BLEU here: it misses a wrong amount in otherwise identical words.',
      'overlap-metrics-only',
    ],
    [
      'similar-listings',
      'model',
      "We don't need to worry about position bias in the carousel logs.",
      'We log the slot of every card so we can correct for position bias.',
      'ignores-position-bias',
    ],
    [
      'visual-search',
      'model',
      'We can just use a pretrained CLIP model without fine-tuning, that should be good enough.',
      'We start from a pretrained CLIP model and fine-tune it on our own photo-to-listing pairs.',
      'pretrained-unchanged',
    ],
    [
      'search-ranking',
      'evaluation',
      'I think we can just compare CTR before and after the launch, no need for an A/B test.',
      'We run an A/B test; comparing before and after the launch would mix in the season.',
      'before-after-launch',
    ],
  ] as const)('%s: %s', (caseId, step, said, rejected, flag) => {
    expect(flagsOf(caseId, step, said)).toContain(flag);
    expect(flagsOf(caseId, step, rejected)).not.toContain(flag);
  });
});

/**
 * Mistakes that two played sessions (twenty-second session) stated without a push-back, each said
 * in other words than the session's, beside the same idea put right, which must stay quiet.
 */
describe('wrong claims of played sessions, said in other words', () => {
  it.each([
    [
      'street-view-blurring',
      'requirements',
      "Honestly I'd favour precision here, blurring a poster by mistake looks bad.",
      'precision-over-recall',
    ],
    [
      'street-view-blurring',
      'requirements',
      'We can live with missing some faces if it keeps the imagery clean.',
      'precision-over-recall',
    ],
    [
      'visual-search',
      'framing',
      'Step one, a category classifier solves the search: predict lamp and show lamps.',
      'category-classifier-only',
    ],
    [
      'rag-assistant',
      'serving',
      "To save cost I'd cache every answer by question text.",
      'cache-answers-forever',
    ],
    [
      'rag-assistant',
      'model',
      'With million-token models we could skip the retriever and put all the documents into the context.',
      'whole-corpus-in-context',
    ],
    [
      'people-you-may-know',
      'serving',
      'Blocked members? The model will learn to give blocked users a low score anyway.',
      'blocked-left-to-model',
    ],
    [
      'people-you-may-know',
      'requirements',
      "Success is more requests sent, that's the number to optimize.",
      'maximize-invites-sent',
    ],
    [
      'ride-pricing',
      'serving',
      'For cost we could compute the price once a day per zone.',
      'long-price-cache',
    ],
    [
      'street-view-blurring',
      'evaluation',
      'COCO style mAP is the only metric we need, it summarises everything.',
      'map-only',
    ],
  ] as const)('%s: "%s" fires its flag', (caseId, step, answer, flag) => {
    expect(flagsOf(caseId, step, answer)).toContain(flag);
  });

  it.each([
    [
      'street-view-blurring',
      'requirements',
      'Recall comes first because of the legal floor; precision matters less, an extra blur is cheap.',
    ],
    ['street-view-blurring', 'requirements', 'We must not trade recall for precision here.'],
    [
      'visual-search',
      'framing',
      'Predicting the category first narrows the index, then we do nearest neighbours on embeddings inside it.',
    ],
    [
      'rag-assistant',
      'serving',
      'We should never cache answers forever, documents change and access differs per user.',
    ],
    [
      'rag-assistant',
      'model',
      'A bigger context window is no substitute for retrieval here: 6 billion tokens will never fit.',
    ],
    [
      'people-you-may-know',
      'serving',
      'Blocked pairs are a hard filter before ranking; the model never sees them.',
    ],
    [
      'people-you-may-know',
      'requirements',
      'We should not optimize requests sent; accepted invitations are what matter.',
    ],
    ['ride-pricing', 'serving', "We can't cache prices for hours; demand moves every minute."],
  ] as const)('%s: "%s" fires none', (caseId, step, answer) => {
    expect(flagsOf(caseId, step, answer)).toEqual([]);
  });
});
