import { STEP_IDS, type StepId, type TurnKind } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { PersonaScript } from '../../harness/personas.ts';
import { type HarnessTurn, runHarnessSession } from '../../harness/run.ts';
import type { SpeakOptions } from '../../interviewer.ts';
import type { LlmSpeakRequest } from '../llm-interviewer.ts';

/** What a candidate types in each step of the ad click-through case: answers and a few questions. */
export const AD_CLICK_SCRIPT: Record<StepId, string[]> = {
  requirements: [
    'Before designing anything I would like to understand the business goal. Is the main objective revenue from the auction, and how is the predicted click probability used when ads are ranked and priced?',
    'How many daily active users and ad requests per second do we need to handle at peak, and how many candidate ads are scored per request?',
    'What latency budget does the click model get inside the ad request? I assume the whole request has a strict p99 budget and we get a slice of it.',
    'So the goal is well calibrated click probabilities that feed bid times pCTR ranking, at about 150k requests per second with a few hundred candidates each, inside a 30 ms p99 budget. Labels are clicks, which arrive fairly quickly but conversions are delayed, so I will keep the click objective and treat conversions as a later extension.',
  ],
  framing: [
    'I would frame this as binary classification: for each (user, ad, context) impression, predict the probability of a click. The output has to be a calibrated probability rather than a ranking score, because the auction multiplies it by the bid and uses it for pricing.',
    'The ML objective is log loss on impressions, which directly rewards calibration, while the business objective is revenue and advertiser value. I would watch for the model gaming revenue by over-predicting on high bids, so calibration per advertiser segment matters.',
    'Inputs are user features, ad and advertiser features, and context like placement and time; the output is a single probability per candidate, scored independently so it scales to hundreds of candidates.',
  ],
  data: [
    'Training data comes from impression logs joined with click logs. A positive is a click within a fixed attribution window, say 30 minutes after the impression; everything else is a negative. Since the base rate is around 1 percent, negatives dominate.',
    'Is there any position bias in the logs, and do we log which ads were shown in which slot? I would want the slot position as a feature during training and a fixed default at serving time.',
    'I would downsample negatives, for example keep 10 percent of them, to make training cheaper, and then correct the predicted probability afterwards with the known sampling rate so calibration is preserved.',
    'Features: user history of clicks by ad category, ad creative embeddings, advertiser quality, placement, device, hour of day. High-cardinality ids like ad id and user id go through hashing or learned embeddings. I would also guard against leakage by only using features available at impression time.',
  ],
  model: [
    'As a baseline I would train logistic regression on hashed sparse features plus a few crosses. It is cheap, well calibrated and gives a floor to beat.',
    'The stronger model would be a deep and cross network or a two-part model: embeddings for sparse ids, explicit feature crosses, and an MLP on top, trained with log loss. It captures interactions the linear model cannot while staying fast enough at inference.',
    'Because ads and user interests change quickly, I would train daily on a sliding window and fine-tune incrementally every hour from the latest checkpoint, so new ads get reasonable estimates quickly.',
    'For new ads with no history, I would back off to advertiser-level and category-level features and add some exploration budget so they get impressions and learn.',
  ],
  evaluation: [
    'Offline I would report normalized log loss and calibration error by segment, plus AUC for ranking quality. Log loss is the main one since the auction depends on the actual probability.',
    'Online, an A/B test on a small share of traffic, measuring revenue per thousand impressions, click-through rate, advertiser return, and user-side guardrails like ad hide rate and session length.',
    'I would also check calibration per advertiser and per placement in the experiment, since a model can improve overall log loss while being badly miscalibrated for small advertisers, which shifts money unfairly.',
  ],
  serving: [
    'The ad server calls a prediction service with the request context and the few hundred candidates. User features come from an online feature store keyed by user id, ad features are cached in memory since they change slowly.',
    'To meet the 30 ms p99 budget I would batch all candidates of a request into one model call on CPU, keep the model small enough, and precompute ad embeddings. If needed, a light first-pass model prunes candidates before the heavy one.',
    'Model updates are pushed as new versions with shadow scoring first, then a gradual rollout, with the ability to roll back in minutes.',
    'At 150k requests per second I would scale horizontally behind a load balancer, with autoscaling on CPU and latency, and fall back to the previous model or a simple prior if the service times out.',
  ],
  monitoring: [
    'I would monitor calibration continuously: the ratio of predicted clicks to observed clicks per segment, with alerts when it drifts beyond a few percent, since that directly moves advertiser spend.',
    'Also feature drift and data quality: missing or stale features from the feature store, changes in the distribution of key inputs, and the volume of impressions and clicks in the logs.',
    'Retraining is daily with automatic validation gates; a new model only ships if offline log loss and calibration are no worse than the current one. Feedback loops matter too, because the model decides which ads get shown and therefore which labels we collect, so some randomized traffic helps.',
  ],
};

export type ScriptedTurn = HarnessTurn;

export interface Voice {
  speak(
    request: LlmSpeakRequest,
    options?: SpeakOptions,
  ): Promise<{ text: string; kind: TurnKind; probedPointIds?: string[] }>;
}

/**
 * Drives a whole interview through the real engine and reader: the candidate sends the script's
 * messages, spread over each step's budget, and `voice` speaks every move the engine decides.
 * Returns the transcript as the server would store it.
 */
export async function runScriptedSession(options: {
  voice: Voice;
  caseStudy: CaseStudy;
  framework: Framework;
  script?: Record<StepId, string[]>;
  seed?: number;
}): Promise<ScriptedTurn[]> {
  const lines = options.script ?? AD_CLICK_SCRIPT;
  const script = Object.fromEntries(
    STEP_IDS.map((step) => [step, lines[step].map((text) => ({ text }))]),
  ) as PersonaScript;
  const { turns } = await runHarnessSession({
    voice: options.voice,
    caseStudy: options.caseStudy,
    framework: options.framework,
    script,
    seed: options.seed ?? 7,
  });
  return turns;
}
