import type { MessageReading, UncoveredPoint } from '@mlsd/engine';
import type { SessionLevel, StepId } from '@mlsd/protocol';
import { type CaseStudy, contentLemmas, type Framework } from '@mlsd/rubric';
import {
  type AnalysisCache,
  anticipatedShare,
  type CoverageText,
  CURVEBALL_FULL_SHARE,
  type MessageReading as MessageCoverage,
  miscalculations,
  misdefinitions,
  readCandidateMessage,
  stepCoverage,
  stepPoints,
} from '@mlsd/scoring';
import { factIndexFor } from '../facts.ts';
import { type GlossaryEntry, mentions, termsAsked } from '../glossary/glossary.ts';
import type { TranscriptLine } from '../interviewer.ts';
import { asksIfAnswered, echoesLastQuestion, pointJustAsked, pointLastAsked } from './answered-asked.ts';
import { asksTheClock, besidesTheClock } from './asides.ts';
import { answersFact, factsAsked, factsFoundIn } from './facts-asked.ts';
import { helpPart, helpTopic, namesOwnSubject } from './help-topic.ts';
import { readIntent } from './intent.ts';
import { misquotedFigures } from './misquotes.ts';
import {
  DOUBTED_EFFECT,
  GUESSED_ANSWER,
  PRODUCT_FEATURE,
  TOO_MUCH,
  VERDICT_ASKED_OF_IT,
} from './proposals.ts';
import { asksOpinionOfInterviewer } from './questions.ts';
import { isRambling } from './rambling.ts';
import { disputedSevere, disputesChallenge } from './rebuttal.ts';
import { restatesQuestion } from './restated.ts';
import { saysAnsweredAlready, saysNeverSaid } from './said-already.ts';
import { wordCount } from './sentences.ts';
import { sidestepOf } from './sidestep.ts';
import { stepAsked } from './step-asked.ts';
import { asksReason, wavesAway } from './why-asked.ts';

export interface ReadRequest {
  caseStudy: CaseStudy;
  framework: Framework;
  /** The step the message was sent in. */
  step: StepId;
  /** The candidate's message. */
  text: string;
  /** The transcript before this message. */
  transcript: readonly TranscriptLine[];
  notes: string;
  /** Share one per server: each text is analysed once. */
  cache: AnalysisCache;
  /** The session's level: points expected only above it are never probed. Senior when absent. */
  level?: SessionLevel;
}

/** The engine's reading, plus what the message covers with quotes (for the model and the tests). */
export interface Reading extends MessageReading {
  coverage: MessageCoverage;
}

/** Candidate messages back that a probe must not ask about again. */
const RECENT_MESSAGES = 3;
/** Requirements are stated, not designed: "why that choice?" makes no sense there. */
const NO_FOLLOW_UP_STEPS: readonly StepId[] = ['requirements'];

/**
 * Reads one candidate message: what the candidate is doing, which facts they asked for, what they
 * covered (with quotes), which red flags they stated in earnest, what is still open in the step
 * and which curveball premises hold. The engine chooses the move from this alone.
 */
/** Content words of a point's probe a message must say for the probe to ask back what it said. */
const PROBE_WORDS_SAID = 3;

/** A probe's content words, tokenised once per process: every message reads the step's probes. */
const probeWords = new Map<string, ReadonlySet<string>>();
function probeLemmas(probe: string): ReadonlySet<string> {
  let words = probeWords.get(probe);
  if (!words) {
    words = new Set(contentLemmas(probe));
    probeWords.set(probe, words);
  }
  return words;
}

export function readMessage(request: ReadRequest): Reading {
  const { caseStudy, framework, step, text, transcript, notes, cache } = request;
  const inReplyTo = lastLine(transcript, 'interviewer');
  const read = readIntent(text, {
    answersFact: (questions) => answersFact(caseStudy, questions),
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
  });
  // "I literally just said that: quantile heads. Did you miss it?": an answer pointing back at one
  // given, however much of it reads as a complaint or a question; the interviewer owns the slip.
  const answeredAlready =
    inReplyTo !== undefined && POINTED_BACK_FROM.has(read.intent) && saysAnsweredAlready(text);
  // "I didn't say that. But I guess the score should be a probability?": the misreading is owned
  // first, and whatever else the message says is read as usual.
  const neverSaid = inReplyTo !== undefined && !answeredAlready && saysNeverSaid(text);
  // "I'd use a GBDT on the order features. Is this the last section?": an answer with the clock
  // asked beside it; the clock is said first (MessageReading.asksClock) and the answer replied to.
  const asksClock = asksTheClock(text);
  // "The second time? Nothing much, the scores are the same.": the question said back, then answered.
  const restated =
    (read.intent === 'facts' || read.intent === 'tentative') && restatesQuestion(text, transcript);
  // "Eight rankers, honestly, I don't know. How am I doing on time?": the plea for help beside the
  // clock is answered too (the clock first, then the hint), not only the clock.
  const besideClock = asksClock && read.intent === 'meta' ? besidesTheClock(text) : '';
  const helpBesideClock = besideClock
    ? readIntent(besideClock, {
        answersFact: (questions) => answersFact(caseStudy, questions),
        ...(inReplyTo === undefined ? {} : { inReplyTo }),
      })
    : null;
  const intent = answeredAlready
    ? { ...read, intent: 'answer' as const, questions: [], alsoAnswers: true, reason: 'answered-already' }
    : restated
      ? { ...read, intent: 'answer' as const, questions: [], reason: 'restated-question' }
      : helpBesideClock && (helpBesideClock.intent === 'stuck' || helpBesideClock.intent === 'hint')
        ? { ...helpBesideClock, reason: 'help-with-clock' }
        : besideClock && wordCount(besideClock) >= ANSWER_BESIDE_CLOCK_WORDS
          ? { ...read, intent: 'answer' as const, reason: 'answer-with-clock' }
          : read;
  const coverage = readCandidateMessage(caseStudy, framework, text, {
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    cache,
  });
  const texts = candidateTexts([...transcript, { role: 'candidate', text, step }], notes);
  const stepPointsCoverage = stepCoverage(caseStudy, framework, step, texts, cache, request.level);
  const recent = recentlyCovered(request, coverage, intent.intent === 'hint' || intent.intent === 'stuck');
  const open = new Set(stepPointsCoverage.uncovered);
  // "I already covered that in the model step" about a question whose point nothing said so far
  // covers: the interviewer may have missed it and asks for the short version, instead of owning a
  // slip that did not happen ("You're right, you covered that; my mistake").
  const claimedPoint = answeredAlready ? pointJustAsked(caseStudy, framework, step, transcript) : null;
  const claimUnseen = claimedPoint !== null && open.has(claimedPoint);
  // "How fast must we decide?" asked and answered: probing "when must the decision exist?" asks it
  // back. In requirements, a point whose title or probe reads as a question for a fact the
  // interviewer has already given is gathered.
  const given = step === 'requirements' ? factsGiven(caseStudy, transcript) : new Set<string>();
  const pointFacts = given.size > 0 ? factsOfPoints(caseStudy, framework, step) : new Map<string, string[]>();
  const askedBack = (pointId: string) => (pointFacts.get(pointId) ?? []).some((id) => given.has(id));
  const generalIds = new Set(
    framework.steps.find((each) => each.id === step)?.points.map((point) => point.id),
  );
  // "hit = box covers face, oversized box = hit for recall": a point whose probe says three of the
  // message's own words is what the message was about, however thinly the scorer credited it;
  // asking its probe now would ask back what was just said.
  const said = new Set(contentLemmas(text));
  const probes = new Map(stepPoints(caseStudy, framework, step).map((point) => [point.id, point.probe]));
  const probeSaid = (pointId: string) =>
    [...probeLemmas(probes.get(pointId) ?? '')].filter((lemma) => said.has(lemma)).length >= PROBE_WORDS_SAID;
  const uncovered: UncoveredPoint[] = stepPointsCoverage.points
    .filter(
      (point) =>
        open.has(point.pointId) &&
        !recent.has(point.pointId) &&
        !askedBack(point.pointId) &&
        !probeSaid(point.pointId),
    )
    .map((point) => ({
      id: point.pointId,
      weight: point.weight,
      ...(generalIds.has(point.pointId) ? { general: true } : {}),
    }));
  const stepIds = new Set(stepPointsCoverage.points.map((point) => point.pointId));
  // A message about a point of the case is followed up on that point, never on a framework point
  // its words also touch ("fall back to rules if the feature store is slow" is about the fallback,
  // not about skew between training and serving features), whatever step that point is in ("a
  // cheap classifier first, the LLM only for uncertain cases" is about the case's model budget).
  const aboutCase = coverage.covered.some((point) => !frameworkPointIds(framework).has(point.pointId));
  const named = NO_FOLLOW_UP_STEPS.includes(step)
    ? []
    : [...coverage.covered]
        .filter(
          (point) =>
            stepIds.has(point.pointId) && !point.plain && !(aboutCase && generalIds.has(point.pointId)),
        )
        .sort((a, b) => Number(a.level === 'explained') - Number(b.level === 'explained'))
        .map((point) => point.pointId);
  // "What about class imbalance, should I worry?": a topic asked about, not claimed, still open.
  const openIds = new Set(uncovered.map((point) => point.id));
  // Asking for help with a topic named ("new listings have no clicks, any hint?"): the help is about it.
  const helpAsked = intent.intent === 'hint' || intent.intent === 'stuck';
  // "..., the grid is per row and column. Different question: I'm stuck on new products. Could I get
  // a hint?": an answer before the plea for help is not what the help is about.
  const helpText = helpAsked ? helpPart(text) : text;
  const helpCoverage =
    helpText === text ? coverage : readCandidateMessage(caseStudy, framework, helpText, { cache });
  // "Could you give me an example of how you'd pick between 1.3 and 1.6?" names no point outright,
  // but talks about one: the help is about it too.
  const topics = helpAsked
    ? [...helpCoverage.asked, ...helpCoverage.covered, ...(helpCoverage.near ?? [])]
    : coverage.asked;
  const byCoverage = [...new Set(topics.map((point) => point.pointId))].filter((id) =>
    helpAsked ? stepIds.has(id) : openIds.has(id),
  );
  // "I have no idea for negatives": one word of a point, said by someone who asks for help with it.
  const worded =
    helpAsked && byCoverage.length === 0 ? helpTopic(caseStudy, framework, step, helpText) : null;
  // "I don't know, honestly." right after a probe: the help is about the question just asked. ("I'm
  // stuck on how to get the candidates" after a question on the ranker names another subject.) So
  // is a plea that takes up the probe's own words ("how would I handle the small organizers so they
  // don't get buried?" after "what keeps a good one from being buried?").
  const echoed = helpAsked && echoesLastQuestion(helpText, transcript, cache);
  const justAsked =
    helpAsked && (echoed || (byCoverage.length === 0 && worded === null && !namesOwnSubject(helpText)))
      ? pointJustAsked(caseStudy, framework, step, transcript)
      : null;
  const raised =
    echoed && justAsked !== null
      ? [justAsked]
      : worded !== null
        ? [worded]
        : justAsked !== null
          ? [justAsked]
          : byCoverage;
  const asked = factsAsked(caseStudy, text, intent);
  // "Why does a rolling time split matter so much if the data is huge?": a why the case's facts do
  // not answer asks the candidate's own reasoning, which is handed back to them; "the case has no
  // detail on that" answers a question nobody asked.
  const reasonAsked =
    intent.intent === 'facts' &&
    !intent.alsoAnswers &&
    asked.found.length === 0 &&
    asked.ambiguous.length === 0 &&
    intent.questions.length > 0 &&
    intent.questions.every(asksReason);
  const facts = reasonAsked ? { found: [], unanswered: [], ambiguous: [] } : asked;
  const toward = intent.intent === 'move-on' ? stepAsked(text) : null;
  // "I don't think drift is a big issue here" right after a change of constraints.
  const lastLineKind = transcript.findLast((line) => line.role === 'interviewer')?.kind;
  const dismissesCurveball =
    lastLineKind === 'curveball' &&
    // "I don't think that's a big issue here" sounds at a loss to the learned reader; it is a stance.
    (intent.intent === 'answer' || intent.intent === 'tentative' || intent.intent === 'stuck') &&
    wavesAway(text);
  // "Does that answer your question?": about the point the step's last question asked, if any.
  const landedAsked = ANSWERING_OR_ASIDE.has(intent.intent) && asksIfAnswered(text);
  const lastAsked = landedAsked
    ? pointLastAsked(caseStudy, framework, step, transcript, intent.reason === 'asks-if-answered')
    : null;
  const answeredAsked = !landedAsked
    ? null
    : lastAsked === null
      ? { covered: false }
      : { pointId: lastAsked, covered: !open.has(lastAsked) };
  // "Since fraud is about 5% of transactions, ...": a figure of the case stated wrongly in an answer.
  const misquotes =
    intent.intent === 'answer' || intent.intent === 'tentative' ? misquotedFigures(caseStudy, text) : [];
  // "120 million times 3 KB is about 36 GB": a sum of the answer worked out wrongly.
  const wrongSum =
    intent.intent === 'answer' || intent.intent === 'tentative' ? miscalculations(text)[0] : undefined;
  // "recall, meaning of all the spikes we flagged, how many were real": a measure defined as another.
  const wrongDefinition =
    intent.intent === 'answer' || intent.intent === 'tentative' ? misdefinitions(text)[0] : undefined;
  // "Good question. The answer should start showing within a couple of seconds" to a question about
  // who may read what: an answer to something else than was just asked. A point covered in the
  // step, or in the last few messages, was answered already.
  const touched = new Set([
    ...[...coverage.covered, ...coverage.asked, ...(coverage.near ?? [])].map((point) => point.pointId),
    ...[...stepIds].filter((id) => !open.has(id)),
    ...recent,
  ]);
  const sidestep =
    (intent.intent === 'answer' || intent.intent === 'tentative') && !answeredAlready
      ? sidestepOf(caseStudy, framework, step, text, transcript, touched)
      : null;
  // "No, that's fine here: that number is for dispatch.": a push-back disputed. The argument holds
  // when it makes a point of the case (not a generic one), in any part, and states no mistake; never
  // against a push-back on a severe mistake, which no argument for keeping it answers.
  const rebuttal =
    (intent.intent === 'answer' || intent.intent === 'tentative') && disputesChallenge(text, transcript)
      ? {
          holds:
            coverage.redFlags.length === 0 &&
            coverage.covered.some((point) => !frameworkPointIds(framework).has(point.pointId)) &&
            !disputedSevere(caseStudy, framework, transcript, cache),
        }
      : null;
  // "What is MMoE?": a term the glossary explains, unless the case's own facts answer the question
  // ("what's the DSA?" in a case whose facts name the law).
  const terms = termsAsked(text);
  const factsFound =
    terms.length === 0 ? [] : facts.found.length > 0 ? facts.found : factsFoundIn(caseStudy, text);
  const defines =
    terms.length > 0 && !factNames(caseStudy, factsFound, terms) ? terms.map((entry) => entry.term) : [];
  return {
    intent: reasonAsked ? 'tentative' : intent.intent,
    alsoAnswers: intent.alsoAnswers,
    facts,
    ...(defines.length > 0 ? { defines } : {}),
    uncovered,
    named,
    raised,
    // An idea floated as a question ("could we just use a public face dataset?") is pushed back on
    // like one stated; the report does not count it against the candidate.
    redFlags: [
      ...new Set([
        ...coverage.redFlags.map((flag) => flag.flagId),
        ...(intent.intent === 'tentative' ? (coverage.floated ?? []).map((flag) => flag.flagId) : []),
      ]),
    ],
    premisesHeld: premisesHeld(caseStudy, framework, step, texts, cache),
    rambling: (intent.intent === 'answer' || intent.intent === 'tentative') && isRambling(text),
    ...(reasonAsked ||
    (intent.intent === 'tentative' && (intent.reason === 'asks-verdict' || awaitsVerdict(text.trim())))
      ? { awaitsVerdict: true }
      : {}),
    ...(intent.reason === 'bare-yes-no' ? { unexplained: true } : {}),
    ...(intent.reason === 'wants-to-add' ? { wantsFloor: true } : {}),
    ...(intent.intent === 'move-on' && toward !== null ? { towardStep: toward } : {}),
    ...(answeredAsked === null ? {} : { answeredAsked }),
    ...(intent.reason === 'why-asked' ? { challengesQuestion: true } : {}),
    ...(intent.reason === 'rephrase-asked' ? { rephraseAsked: true } : {}),
    ...(dismissesCurveball ? { dismissesCurveball: true } : {}),
    ...(misquotes.length > 0 ? { misquotes } : {}),
    ...(wrongSum ? { miscalculation: { said: wrongSum.said } } : {}),
    ...(wrongDefinition ? { misdefinition: { term: wrongDefinition.term, said: wrongDefinition.said } } : {}),
    ...(sidestep === null ? {} : { sidestep }),
    ...(answeredAlready ? { answeredAlready: claimUnseen ? ('unseen' as const) : true } : {}),
    ...(neverSaid ? { neverSaid: true } : {}),
    ...(rebuttal === null ? {} : { rebuttal }),
    ...(asksClock ? { asksClock: true } : {}),
    ...(intent.intent === 'facts' && answeredAtLength(text, intent.askedIn ?? intent.questions)
      ? { answersAtLength: true }
      : {}),
    coverage,
  };
}

/** Readings a message pointing back at an answer given may get, read again as an answer. */
const POINTED_BACK_FROM: ReadonlySet<string> = new Set([
  'answer',
  'tentative',
  'facts',
  'meta',
  'off-topic',
  'steer',
  'unclear',
]);

/** Readings after which "does that answer your question?" asks whether the answer landed. */
const ANSWERING_OR_ASIDE: ReadonlySet<string> = new Set(['answer', 'tentative', 'meta']);

/**
 * Leave asked for a design choice ("is it okay if I use the same location only?") or a swap of the
 * plan for another ("could we just do RL end to end instead?", "why not just use the old prices?").
 */
const PERMISSION_OR_SWAP = String.raw`^\W*(?:(?:so|ok|okay|hmm+|um+|but|and)[,\s]+)*(?:(?:is|would) it be (?:ok|okay|fine|alright|acceptable) (?:if|to)\b|(?:is it|it's) (?:ok|okay|fine|alright) (?:if|to)\b|(?:can|could|should) (?:we|i) (?:just|simply) [^?]*\binstead\W*\?|why not (?:just|simply)\b[^?]*\?)`;

/** "is that label order ok?", "hmm is bert too slow?": a verdict asked on a part of the plan named. */
const VERDICT_ON_PART = String.raw`^\W*(?:(?:so|ok|okay|hmm+|um+|but|and|wait)[,\s]+)*(?:is|are|would|will) (?:that |this |the |my |our |a )?(?:[\w-]+ ){0,3}(?:be )?(?:ok|okay|fine|alright|reasonable|sensible|right|${TOO_MUCH}|too small)\W*$`;

/**
 * The interviewer's preference asked: "would you prefer I use a two-tower model here?", "would you
 * want us to also check the intervals?", "do you want me to add a re-ranker?".
 */
const PREFERENCE_ASKED = String.raw`\b(?:would|do|did) you (?:prefer|want|like|rather|expect)(?: (?:me|us) to| (?:i|we))?\b[^?]*\?`;

/**
 * A tentative message that asks the interviewer to decide: between options ("xgboost? or a neural
 * net?"), whether the idea holds ("..., is that bad?", "not sure which is better", "..., could that
 * bias it?"), whether it is the one the interviewer is after ("is the idea something like giving
 * them exploration slots?"), or whether a feature of the product is wanted ("should the user be
 * able to...?").
 */
const AWAITS_VERDICT = new RegExp(
  String.raw`\b${GUESSED_ANSWER}|\?\s*or\b[^?]*\?|\bnot sure (?:which|if|whether)\b|\bwhich (?:one )?(?:is|would be) (?:better|best|right)\b|\b${VERDICT_ASKED_OF_IT}|\bis (?:that|this|it) right\W*$|\benough\b[^.?!]{0,30}\?\W*$|${PERMISSION_OR_SWAP}|${VERDICT_ON_PART}|${PRODUCT_FEATURE.source}|\b${DOUBTED_EFFECT}[^?]{0,40}\?\W*$|${PREFERENCE_ASKED}`,
  'i',
);
/** "maybe a small model first, then a bigger one? not sure": an idea left open at the end... */
const LEFT_OPEN = /\bnot sure\W*$/i;
/** ...unless the candidate said what they think ("i think a random split leaks, but not sure"). */
const OWN_VIEW = /\b(?:i think|i feel|i'?d say|i believe|i reckon|my guess)\b/i;

function awaitsVerdict(text: string): boolean {
  return (
    AWAITS_VERDICT.test(text) ||
    asksOpinionOfInterviewer(text) ||
    (LEFT_OPEN.test(text) && !OWN_VIEW.test(text))
  );
}

/**
 * Whether a found fact says one of the terms asked about in its answer ("chargebacks" in the fraud
 * case's label fact): then the fact is the answer. One that only touches the subject (conversion
 * rates for "what's elasticity?") is not what a question about a word's meaning wants.
 */
function factNames(caseStudy: CaseStudy, found: readonly string[], terms: readonly GlossaryEntry[]): boolean {
  const answers = caseStudy.facts.filter((fact) => found.includes(fact.id)).map((fact) => fact.answer);
  return terms.some((entry) => answers.some((answer) => mentions(answer, entry)));
}

/**
 * The facts the interviewer has given in full so far: their answer stands word for word in one of
 * its lines (a repeat is a short reminder, after the full answer).
 */
function factsGiven(caseStudy: CaseStudy, transcript: readonly TranscriptLine[]): Set<string> {
  const said = transcript.filter((line) => line.role === 'interviewer').map((line) => line.text);
  return new Set(
    caseStudy.facts
      .filter((fact) => said.some((text) => text.includes(fact.answer.trim())))
      .map((fact) => fact.id),
  );
}

const frameworkIdsCache = new WeakMap<Framework, ReadonlySet<string>>();

/** The ids of the framework's points, every step's: built once per loaded framework. */
function frameworkPointIds(framework: Framework): ReadonlySet<string> {
  let ids = frameworkIdsCache.get(framework);
  if (!ids) {
    ids = new Set(framework.steps.flatMap((step) => step.points.map((point) => point.id)));
    frameworkIdsCache.set(framework, ids);
  }
  return ids;
}

const pointFactsCache = new WeakMap<CaseStudy, Map<StepId, Map<string, string[]>>>();

/** For each point of a step, the facts its title or its probe reads as a question for; built once per case. */
function factsOfPoints(caseStudy: CaseStudy, framework: Framework, step: StepId): Map<string, string[]> {
  let byStep = pointFactsCache.get(caseStudy);
  if (!byStep) {
    byStep = new Map();
    pointFactsCache.set(caseStudy, byStep);
  }
  let byPoint = byStep.get(step);
  if (!byPoint) {
    const index = factIndexFor(caseStudy);
    byPoint = new Map(
      stepPoints(caseStudy, framework, step).map((point) => [
        point.id,
        [point.title, point.probe].flatMap((text) =>
          index
            .search(text)
            .slice(0, 1)
            .map((match) => match.fact.id),
        ),
      ]),
    );
    byStep.set(step, byPoint);
  }
  return byPoint;
}

/**
 * Points covered in this message or the candidate's previous few: never probed right after. So are
 * the points these messages are about by meaning (`MessageReading.about`), unless the message asked
 * for help (`helpAsked` for this one; a hint in reply for the earlier ones): help with a topic is
 * given on that topic.
 */
function recentlyCovered(request: ReadRequest, current: MessageCoverage, helpAsked: boolean): Set<string> {
  // What these messages talked about without earning it counts too: "output: p(fraud | txn) at auth
  // time" probed with "what exactly does the model output?" is not listening.
  const ids = new Set([...current.covered, ...(current.near ?? [])].map((point) => point.pointId));
  if (!helpAsked) for (const id of current.about ?? []) ids.add(id);
  let seen = 1;
  let reply: TranscriptLine | undefined;
  const lines = request.transcript;
  for (let i = lines.length - 1; i >= 0 && seen < RECENT_MESSAGES; i--) {
    const line = lines[i];
    if (!line) continue;
    if (line.role !== 'candidate') {
      reply = line;
      continue;
    }
    seen++;
    const before = readCandidateMessage(request.caseStudy, request.framework, line.text, {
      cache: request.cache,
    });
    for (const point of [...before.covered, ...(before.near ?? [])]) ids.add(point.pointId);
    if (reply?.kind !== 'hint') for (const id of before.about ?? []) ids.add(id);
    reply = undefined;
  }
  return ids;
}

/**
 * A curveball's premise holds when it needs nothing, or the candidate covered one of its points,
 * and they have not already said half of what a good reaction to it covers.
 */
function premisesHeld(
  caseStudy: CaseStudy,
  framework: Framework,
  step: StepId,
  texts: CoverageText[],
  cache: AnalysisCache,
): string[] {
  const coveredByStep = new Map<StepId, Set<string>>();
  const covered = (step: StepId) => {
    let ids = coveredByStep.get(step);
    if (!ids) {
      const points = stepCoverage(caseStudy, framework, step, texts, cache).points;
      ids = new Set(points.filter((point) => point.level !== 'missed').map((point) => point.pointId));
      coveredByStep.set(step, ids);
    }
    return ids;
  };
  const stepOf = new Map<string, StepId>();
  for (const [step, caseStep] of Object.entries(caseStudy.steps) as [StepId, CaseStudy['steps'][StepId]][])
    for (const point of caseStep.points) stepOf.set(point.id, step);
  for (const frameworkStep of framework.steps)
    for (const point of frameworkStep.points)
      if (!stepOf.has(point.id)) stepOf.set(point.id, frameworkStep.id);
  const pointCovered = (id: string) => {
    const step = stepOf.get(id);
    return step !== undefined && covered(step).has(id);
  };
  const candidateSaid = texts.map((text) => (typeof text === 'string' ? text : text.text));
  return (
    caseStudy.curveballs
      .filter((ball) => ball.requires.length === 0 || ball.requires.some(pointCovered))
      // Only the current step's curveballs can be thrown now: the others are left to their own step
      // (this reads the whole transcript, so it is not done for balls that cannot come). One is not
      // thrown once the candidate gave the answer it asks for: every point it is `answeredBy` ("we
      // can't A/B by rider; switchbacks per city" before "a rider-level test shows +6%"), or half
      // of what a good reaction says.
      .filter(
        (ball) =>
          ball.step !== step ||
          ((ball.answeredBy.length === 0 || !ball.answeredBy.every(pointCovered)) &&
            anticipatedShare(ball, candidateSaid, cache) < CURVEBALL_FULL_SHARE),
      )
      .map((ball) => ball.id)
  );
}

/**
 * Candidate-authored texts for the matcher: every answer (with the interviewer turn it replies
 * to, so an echo of the question earns nothing) and the notes pad. Never interviewer words.
 */
export function candidateTexts(transcript: readonly TranscriptLine[], notes: string): CoverageText[] {
  const texts: CoverageText[] = [];
  let lastInterviewer: string | undefined;
  for (const turn of transcript) {
    if (turn.role === 'interviewer') {
      lastInterviewer = turn.text;
      continue;
    }
    texts.push({
      text: turn.text,
      ...(lastInterviewer === undefined ? {} : { inReplyTo: lastInterviewer }),
      ...(turn.step === undefined ? {} : { step: turn.step }),
    });
  }
  if (notes.trim() !== '') texts.push(notes);
  return texts;
}

function lastLine(transcript: readonly TranscriptLine[], role: TranscriptLine['role']): string | undefined {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i];
    if (line?.role === role) return line.text;
  }
  return undefined;
}

/** Words of answer besides the questions that make an answer at length (see answersAtLength). */
const AT_LENGTH_WORDS = 20;
/**
 * Words beside a question about the clock that make the message an answer ("I'd use a GBDT on the
 * order features. Is this the last section?"); "How long is left? I tend to go long." is an aside.
 */
const ANSWER_BESIDE_CLOCK_WORDS = 10;

/** Whether the message says this many words besides the sentences that ask. */
function answeredAtLength(text: string, asked: readonly string[]): boolean {
  const asking = asked.reduce((sum, sentence) => sum + wordCount(sentence), 0);
  return wordCount(text) - asking >= AT_LENGTH_WORDS;
}
