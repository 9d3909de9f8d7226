import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubrics, type StepId } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { oneAnswerReport } from './one-answer.ts';

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
  return oneAnswerReport(
    rubrics,
    caseId,
    step,
    answer,
    'How would you train the models, and on what examples?',
  ).steps.flatMap((report) => report.redFlags.map((flag) => flag.id));
}

/** A row of a flag table: the case, the step, and what the candidate said. */
type Said = readonly [caseId: string, step: StepId, answer: string];

/** Answers that must fire their flag, and the same ideas put right, which must fire none. */
function flagTables(fires: readonly (readonly [...Said, flag: string])[], quiet: readonly Said[]): void {
  it.each(fires)('%s, %s: "%s" fires %s', (caseId, step, answer, flag) => {
    expect(flagsOf(caseId, step, answer)).toContain(flag);
  });
  it.each(quiet)('%s, %s: "%s" fires none', (caseId, step, answer) => {
    expect(flagsOf(caseId, step, answer)).toEqual([]);
  });
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
  flagTables(
    [
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
      [
        'video-search',
        'requirements',
        'Clicks are the goal: a click means they found what they wanted.',
        'optimize-ctr',
      ],
      ['video-search', 'model', 'Keyword match on titles will do for the first version.', 'titles-only'],
      [
        'street-view-blurring',
        'model',
        "We'd plug in an off the shelf face detector and ship it.",
        'off-the-shelf-face-detector',
      ],
    ],
    [
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
      // A score-report test (twenty-third session) found these correct answers flagged.
      ['street-view-blurring', 'evaluation', 'mAP on the test set, and precision and recall.'],
      ['street-view-blurring', 'evaluation', 'I would report recall first, then precision, on the test set.'],
      [
        'street-view-blurring',
        'model',
        'Baseline: off-the-shelf pretrained face detectors, evaluated on our domain.',
      ],
      [
        'video-search',
        'evaluation',
        'Success is the satisfied-watch or long-click rate per query, with reformulations as a negative signal, not CTR.',
      ],
      [
        'video-search',
        'model',
        'One retriever is plain word matching on title, description and captions, for exact channel names and rare words.',
      ],
    ],
  );
});

/**
 * A confident-but-wrong fraud session (twenty-third session) stated seven classic mistakes and was
 * pushed back on two. Each is tested in other words than the session's, beside the idea put right.
 */
describe('fraud detection: wrong claims of a played session, said in other words', () => {
  flagTables(
    [
      [
        'fraud-detection',
        'evaluation',
        'A model scoring 99% accuracy on this data would be great.',
        'accuracy-goal',
      ],
      [
        'fraud-detection',
        'requirements',
        'Declining a good customer is harmless, they just try again.',
        'false-declines-free',
      ],
      [
        'fraud-detection',
        'serving',
        'If the model service is down we approve everything, customers come first.',
        'approve-all-on-outage',
      ],
      [
        'fraud-detection',
        'data',
        "For each card I'd count its frauds over the full dataset, later months included.",
        'future-in-features',
      ],
      [
        'fraud-detection',
        'evaluation',
        'Honestly the unreported fraud is random, so the latest month is fine to test on.',
        'missing-labels-random',
      ],
      [
        'fraud-detection',
        'monitoring',
        'The chargebacks are just the fraud it missed, so we retrain on them every week.',
        'retrain-on-own-outcomes',
      ],
      [
        'fraud-detection',
        'model',
        'Patterns are the same month to month, so one model is fine.',
        'train-once',
      ],
    ],
    [
      [
        'fraud-detection',
        'evaluation',
        'Accuracy is useless here: at 0.08% fraud a model that approves everything gets 99.9% accuracy.',
      ],
      [
        'fraud-detection',
        'requirements',
        'We must not treat a false decline as free; those customers leave for another card.',
      ],
      [
        'fraud-detection',
        'serving',
        'If the model is down we fall back to the rules engine and approve small amounts below a limit.',
      ],
      [
        'fraud-detection',
        'data',
        'Aggregates count only transactions before the one being scored, never the test months.',
      ],
      [
        'fraud-detection',
        'evaluation',
        'We cannot assume the missing labels are random; fraud reported late differs.',
      ],
      [
        'fraud-detection',
        'monitoring',
        'Declined payments never get a label, so a small random holdout keeps retraining honest.',
      ],
      [
        'fraud-detection',
        'model',
        'Fraud changes from month to month, so we retrain weekly on a fresh window.',
      ],
    ],
  );
});

/**
 * A score-report test (twenty-third session) wrote confident-but-wrong interviews on four cases; most
 * of their mistakes fired nothing. Each new flag is tested in other words, beside the idea put right.
 */
describe('wrong claims of a score-report test, said in other words', () => {
  flagTables(
    [
      [
        'video-search',
        'data',
        'Honestly position bias averages out at our scale.',
        'position-bias-averages-out',
      ],
      ['video-search', 'data', "I'd shuffle all the log rows randomly and split.", 'random-split-logs'],
      [
        'video-search',
        'data',
        'Use the current total view count for every past search.',
        'current-counts-as-features',
      ],
      ['video-search', 'evaluation', "We won't need an A/B test here.", 'no-online-test'],
      ['video-search', 'serving', 'No fallback needed, really.', 'no-fallback'],
      [
        'llm-content-moderation',
        'framing',
        'False positives and false negatives cost the same to us.',
        'equal-error-costs',
      ],
      [
        'llm-content-moderation',
        'framing',
        'If it says remove, we remove automatically.',
        'llm-verdict-is-final',
      ],
      ['llm-content-moderation', 'framing', 'Honestly the label is user reports.', 'reports-as-labels'],
      ['street-view-blurring', 'data', 'Random split of all frames is fine.', 'random-frame-split'],
      ['event-recommendation', 'evaluation', 'Lower RMSE means better recommendations.', 'rmse-for-ranking'],
      [
        'search-ranking',
        'framing',
        "We won't need a retrieval stage, just run the ranker over all products.",
        'no-retrieval-stage',
      ],
      [
        'search-ranking',
        'data',
        "With enough data position bias goes away, so I'd leave it.",
        'position-bias-averages-out',
      ],
    ],
    [
      ['video-search', 'data', 'Position bias does not average out; we correct it with randomised slots.'],
      ['video-search', 'data', 'We split by time: train on weeks 1-8, test on week 9.'],
      ['video-search', 'evaluation', 'We need an A/B test before launch.'],
      [
        'video-search',
        'framing',
        'My simple starting point would be word matching on titles, as a baseline.',
      ],
      [
        'llm-content-moderation',
        'requirements',
        'Then the policy taxonomy: harm categories, their severity tiers and asymmetric error costs.',
      ],
      [
        'news-feed-ranking',
        'requirements',
        'Objective: not raw clicks, since clicks alone reward clickbait.',
      ],
      [
        'search-ranking',
        'framing',
        'Retrieval cuts 120M products to a thousand, then LambdaMART ranks them.',
      ],
      ['search-ranking', 'data', 'Position bias matters, so we correct it with a click model.'],
    ],
  );
});

/**
 * The framework's red flags (rubrics/framework.yaml): mistakes on every case, so a case without its
 * own flag for them still calls them out, and the same ideas put right, or a random split of users
 * for an online test, fire nothing.
 */
describe('the framework red flags on cases that do not write them', () => {
  flagTables(
    [
      [
        'video-search',
        'data',
        'I would store the raw logs indefinitely, since more history always helps.',
        'keep-raw-data-forever',
      ],
      [
        'news-feed-ranking',
        'data',
        'Random 80/20 split over the last month of impressions, so both sides look alike.',
        'random-split-of-logs',
      ],
      [
        'video-search',
        'monitoring',
        'Once it is trained we set it and forget it; search behaviour is stable.',
        'train-once-and-forget',
      ],
    ],
    [
      [
        'video-search',
        'data',
        'We keep raw logs for 30 days and delete them after that, because they hold personal data.',
      ],
      [
        'similar-listings',
        'evaluation',
        'Split guests into two groups at random for the A/B test, keeping each guest in one group.',
      ],
      [
        'video-search',
        'monitoring',
        'We retrain weekly and watch query drift, because new videos arrive every hour.',
      ],
    ],
  );
});

describe('mistakes amended in the same message, and ideas that only share a mistake’s words', () => {
  flagTables(
    [
      ['visual-search', 'data', 'Negatives would be images from other listings.', 'random-negatives-only'],
      [
        'llm-content-moderation',
        'evaluation',
        "I'd put the gold set in the prompt as examples so the model sees the hard cases.",
        'gold-in-prompt',
      ],
      [
        'visual-search',
        'framing',
        'We compute a perceptual hash of the shopper photo and search the catalog by image hash.',
        'treats-as-duplicate-detection',
      ],
      [
        'llm-content-moderation',
        'data',
        "I'd just do a random 80/10/10 split of those reviewer decisions for training and testing the classifier.",
        'random-split-posts',
      ],
      [
        'llm-content-moderation',
        'framing',
        'Framing is simple: every item goes to the big LLM with the full policy in the prompt.',
        'llm-on-every-item',
      ],
      [
        'llm-content-moderation',
        'serving',
        "For messages we'd call the LLM synchronously in the send path and just wait.",
        'llm-blocks-every-message',
      ],
      [
        'llm-content-moderation',
        'evaluation',
        'Once it is above 95% on gold, we switch off human review and reassign the reviewers.',
        'llm-replaces-reviewers',
      ],
    ],
    [
      [
        'visual-search',
        'data',
        'Negatives would be images from other listings. Maybe hard negatives too, like a different lamp that looks almost the same, because random negatives are too easy?',
      ],
      [
        'visual-search',
        'data',
        'The same product sold by many sellers would look like a negative but is really a positive, so maybe dedupe by image hash first.',
      ],
      [
        'llm-content-moderation',
        'evaluation',
        'For a policy change, run the old and new prompts on the change-specific test set and the full gold set, then shadow mode.',
      ],
      [
        'llm-content-moderation',
        'framing',
        'Only the unclear items go to the LLM; the classifier handles the rest.',
      ],
      [
        'llm-content-moderation',
        'serving',
        'Keep messages async: never call the LLM synchronously in the send path.',
      ],
    ],
  );
});

describe('played sessions of the twenty-eighth session: a purpose after "so", a contrast inside the mistake', () => {
  flagTables(
    [
      [
        'fraud-detection',
        'serving',
        "If the model service is down, I'd approve everything so customers aren't affected.",
        'approve-all-on-outage',
      ],
      [
        'fraud-detection',
        'serving',
        'I put the model behind a scoring service with a Redis feature store, and I can afford a warehouse query for the rarer features.',
        'warehouse-at-request-time',
      ],
      [
        'search-ranking',
        'serving',
        'We rebuild the index nightly rather than streaming changes.',
        'nightly-index-only',
      ],
    ],
    [
      [
        'search-ranking',
        'serving',
        'New products and stock changes stream into the index within minutes rather than a nightly rebuild.',
      ],
      [
        'fraud-detection',
        'serving',
        'If the model is down, we fall back to rules with amount limits rather than approve everything.',
      ],
    ],
  );
});

describe('mistakes the twenty-ninth session played without a push-back', () => {
  flagTables(
    [
      [
        'rag-assistant',
        'requirements',
        "It's an internal tool behind SSO. We don't need per-document access control in v1, that's a v2 concern.",
        'no-document-permissions',
      ],
      [
        'rag-assistant',
        'framing',
        'Hallucination is basically a model-size problem; we go with the largest model and it largely goes away.',
        'bigger-model-fixes-hallucination',
      ],
      [
        'rag-assistant',
        'evaluation',
        'Evaluation: BLEU and ROUGE of the generated answer against the ticket resolutions.',
        'overlap-metrics',
      ],
      [
        'rag-assistant',
        'evaluation',
        'The test set is those same couple hundred ticket questions we tuned the prompt on.',
        'test-on-tuning-data',
      ],
      [
        'llm-content-moderation',
        'evaluation',
        "I'd iterate on the prompt against the gold set until it scores well and report that score as the launch number.",
        'test-on-tuning-data',
      ],
      [
        'llm-content-moderation',
        'data',
        "We'll just keep all message text indefinitely, so we have a big training set later.",
        'keep-raw-data-forever',
      ],
      [
        'street-view-blurring',
        'model',
        'Once we hit 99.5 on the audit set we can drop human review entirely.',
        'drop-human-review',
      ],
    ],
    [
      [
        'rag-assistant',
        'requirements',
        "Retrieval filters by the asking user's document permissions from day one.",
      ],
      [
        'rag-assistant',
        'evaluation',
        'Unlike BLEU and ROUGE, a judge checks each claim against the cited passage.',
      ],
      [
        'llm-content-moderation',
        'evaluation',
        'I tune the prompt on a dev split and report the score on a held-out gold set nobody tuned on.',
      ],
      [
        'street-view-blurring',
        'model',
        'Reviewers stay on the uncertain band even after we reach 99.5% recall on the audit set.',
      ],
    ],
  );
});

describe('mistakes the thirtieth session played without a push-back, and a cost said that is not "free"', () => {
  flagTables(
    [
      [
        'video-recommendation',
        'model',
        "The ranker's main label would be the click - it's by far the densest signal.",
        'maximize-clicks',
      ],
      [
        'video-recommendation',
        'data',
        "I'd handle history deletion by just dropping those users' rows at the next weekly retrain.",
        'deletion-waits-for-retrain',
      ],
      [
        'video-recommendation',
        'serving',
        "For the non-profiled feed I'd still use the user's own on-platform watch history.",
        'profiled-non-profiled-feed',
      ],
      [
        'fraud-detection',
        'requirements',
        'Honestly false declines are free, people just retry.',
        'false-declines-free',
      ],
    ],
    [
      ['video-recommendation', 'model', 'Clicks are a weak label; the main label is completed watch time.'],
      [
        'video-recommendation',
        'data',
        'Deletion takes effect within 24 hours: we drop their rows from the feature store right away, not at the next retrain.',
      ],
      [
        'video-recommendation',
        'serving',
        'For the non-profiled feed we use no watch history at all, only popularity by country.',
      ],
      // A price put on a false decline is the opposite of treating it as free.
      [
        'fraud-detection',
        'framing',
        'Thresholds picked by cost: a missed fraud costs the amount, a false decline costs something like $15.',
      ],
    ],
  );
});

describe('ad click mistakes a rambler of the thirtieth session passed', () => {
  flagTables(
    [
      [
        'ad-click-prediction',
        'framing',
        'I want to understand the class imbalance so we can apply the right techniques like SMOTE or focal loss.',
        'synthetic-oversampling',
      ],
      [
        'ad-click-prediction',
        'evaluation',
        "Evaluation: we'll track a comprehensive suite of metrics: accuracy, precision, recall, F1, AUC.",
        'accuracy-metric',
      ],
    ],
    [
      [
        'ad-click-prediction',
        'framing',
        "We won't use SMOTE: invented clicks break the calibration pricing needs.",
      ],
      [
        'ad-click-prediction',
        'evaluation',
        'Accuracy, precision and recall are misleading at a 1.2% click rate, so we use normalised log loss.',
      ],
    ],
  );
});

describe('visual search mistakes a non-native candidate of the thirty-first session did not make', () => {
  flagTables(
    [
      ['visual-search', 'data', 'We split images randomly, 80/20.', 'random-image-split'],
      ['visual-search', 'data', 'If we split images randomly it works fine.', 'random-image-split'],
      [
        'visual-search',
        'model',
        'We use CLIP off the shelf, the pretrained embeddings are good enough.',
        'pretrained-unchanged',
      ],
    ],
    [
      // A mistake supposed and its consequence said: a warning against it, whatever the grammar.
      [
        'visual-search',
        'data',
        'If we split random, same image is in train and test. So split by product group, and remove near duplicate with hash.',
      ],
      ['visual-search', 'data', 'If we split images randomly the test recall is inflated.'],
      // The unchanged model as the day-one baseline the interviewer asked for.
      [
        'visual-search',
        'model',
        'Day one we use pretrained model, our ImageNet CNN or CLIP, zero shot, no own training. It already give ok result for start.',
      ],
    ],
  );
});

describe('news feed mistakes a confident candidate of the thirty-first session made', () => {
  flagTables(
    [
      [
        'news-feed-ranking',
        'data',
        "As a feature I'd use the number of likes the post has at the end of the day, which is a super strong signal.",
        'end-of-day-counts',
      ],
      [
        'news-feed-ranking',
        'evaluation',
        "I'll train on the full year, including the most recent month, and then evaluate on that same recent month.",
        'test-on-tuning-data',
      ],
    ],
    [
      [
        'news-feed-ranking',
        'data',
        'We use the like count as of the impression time, never the end-of-day like count.',
      ],
      [
        'news-feed-ranking',
        'evaluation',
        'We train on eleven months and evaluate on the most recent month, never on the data we trained on.',
      ],
    ],
  );
});

describe('features from after the prediction, and accuracy for a video feed (thirty-second session)', () => {
  flagTables(
    [
      [
        'video-recommendation',
        'data',
        "Features: the user's total watch count including the next 7 days after the impression, and the video category.",
        'features-from-the-future',
      ],
      [
        'video-recommendation',
        'data',
        "I'll also use the video's final total views as a feature, that's a strong predictor of popularity.",
        'features-from-the-future',
      ],
      [
        'video-recommendation',
        'evaluation',
        "Offline I'd use accuracy as the main metric.",
        'accuracy-on-rare-clicks',
      ],
    ],
    [
      [
        'video-recommendation',
        'data',
        'The label is a click within 30 minutes, including the next 7 days of watch time for the satisfaction label.',
      ],
      [
        'video-recommendation',
        'evaluation',
        'We must not use accuracy here, clicks are only 4% of impressions.',
      ],
      ['video-recommendation', 'data', 'Only counts as of the impression time, never the final total views.'],
    ],
  );
});

describe('people you may know: sends made the objective (thirty-second session)', () => {
  flagTables(
    [
      [
        'people-you-may-know',
        'framing',
        "Rank by P(invite sent), that's the direct signal we control and it's 1.8% of impressions.",
        'maximize-invites-sent',
      ],
      [
        'people-you-may-know',
        'framing',
        'If people send invites to good suggestions, acceptance follows. Sends are what we optimise.',
        'maximize-invites-sent',
      ],
    ],
    [
      [
        'people-you-may-know',
        'framing',
        'We rank by the chance the invite is sent and accepted, not by sends alone.',
      ],
    ],
  );
});

describe('mistakes named while dropping them, and ideas that only share a word (thirty-fourth session)', () => {
  flagTables(
    [
      [
        'video-search',
        'serving',
        "Actually, scrap that, we'll just rebuild the index daily, new videos wait up to a day.",
        'daily-rebuild-only',
      ],
      [
        'similar-listings',
        'monitoring',
        'We just train on carousel clicks like any other clicks.',
        'train-on-own-clicks',
      ],
      [
        'ad-click-prediction',
        'evaluation',
        "I'd use accuracy to evaluate the model, I think.",
        'accuracy-metric',
      ],
    ],
    [
      [
        'video-search',
        'serving',
        "Actually, scrap that, new videos would wait up to a day, and 8% of queries are about fresh events. I'd rather embed new uploads as they arrive.",
      ],
      [
        'similar-listings',
        'monitoring',
        "It reinforces itself. I'd downweight co-views that came from carousel clicks when training.",
      ],
      [
        'event-recommendation',
        'framing',
        "Check-ins are missing not at random, so I'd only use them to estimate a per-user show-up rate among scanned events, never as a label for the whole model.",
      ],
      [
        'video-recommendation',
        'data',
        'For watch share, a one-minute clip watched to the end counts as a better outcome than ten minutes of a three-hour stream.',
      ],
      [
        'llm-content-moderation',
        'evaluation',
        'Accuracy would be 99% just by saying no, so it tells us nothing.',
      ],
    ],
  );
});
