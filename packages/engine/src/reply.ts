import type { HintLevel, StepId } from '@mlsd/protocol';
import { warningLeadMs } from './budgets.ts';
import { PERSONA_RULES } from './persona.ts';
import { answeredReply, lastCurveball, repairOptions } from './repairs.ts';
import {
  acknowledge,
  type Move,
  type MoveBody,
  type Option,
  type Reply,
  type ReplyContext,
} from './reply-options.ts';
import type { EngineConfig, EngineState, StepState } from './state.ts';
import { FOLLOW_UP_ANGLES, type MessageReading, type PreferredMove, type UncoveredPoint } from './types.ts';

export type { MoveBody, Reply, ReplyContext } from './reply-options.ts';

/**
 * Chooses the reply to a candidate message from what the message was read as. Updates the
 * counters on `ctx.s` and `ctx.step` (a draft copy) as it commits to a move.
 */
export function decideReply(ctx: ReplyContext, reading: MessageReading): Reply {
  const { s, step, late } = ctx;
  // "What is MMoE?", asked for help or as a question no fact of the case answers (the reader
  // decides): say what the term means (no hint spent, nothing of the rubric), and leave its use
  // to the candidate.
  const defines = reading.defines ?? [];
  if (defines.length > 0 && DEFINABLE.has(reading.intent)) {
    if (reading.alsoAnswers) step.answers += 1;
    return { type: 'say', move: { kind: 'define', terms: defines, late } };
  }
  switch (reading.intent) {
    case 'facts': {
      if (reading.alsoAnswers) step.answers += 1;
      // "I'd make acceptance rate the single metric. We already log it, right?": a red flag stated
      // beside a question is pushed back on first; the question can be asked again, the claim
      // would pass without a word.
      const challenge = reading.alsoAnswers && !late ? challengeOf(s, ctx.step, reading)[0] : undefined;
      if (challenge !== undefined) {
        challenge.commit();
        return { type: 'say', move: challenge.move };
      }
      // "A threshold change gets a dry run first ... btw peak is what, 4000 tps?": an answer with a
      // fact given before checked in passing. The reminder leads, and the answer is replied to.
      if (checksGivenFacts(s, reading) && !late) {
        const reply = answerReply(ctx, reading);
        return reply.type === 'say'
          ? { type: 'say', move: { ...reply.move, reminds: reading.facts.found } }
          : reply;
      }
      return { type: 'say', move: answerFacts(s, reading, late) };
    }
    case 'unclear':
      return { type: 'say', move: { kind: 'clarify', reason: 'unclear', unanswered: [], late } };
    case 'move-on': {
      // "Can we go back to the model step?": the parts go in order; saying "sure" and going on to
      // the next part would do the opposite of what was asked. The candidate is told so and keeps
      // the floor (what they wanted to add can be said here).
      const toward = reading.towardStep;
      const at = (id: StepId) => s.steps.findIndex((each) => each.id === id);
      if (toward !== undefined && at(toward) <= s.stepIndex)
        return {
          type: 'say',
          move: { kind: 'clarify', reason: 'step-order', toward, unanswered: [], late },
        };
      // "Can we move on?" right after a new constraint, with no word on it: a human interviewer asks
      // once before going on. (An answer with the request, "..., let's move on", is an answer.)
      const ignored = !reading.alsoAnswers && !late ? ignoredCurveball(s, step) : null;
      if (ignored !== null && ctx.remainingMs > warningLeadMs(step.budgetMs) / 2) {
        step.curveballRevisited = true;
        return { type: 'say', move: { kind: 'curveball', curveballId: ignored, again: true } };
      }
      const later = toward !== undefined && at(toward) > s.stepIndex + 1;
      return later ? { type: 'move-on', toward } : { type: 'move-on' };
    }
    case 'stop':
      return { type: 'end' };
    case 'meta':
    case 'off-topic':
    case 'steer':
      // "Does that answer your question?": a human says whether it did, never "it can wait".
      if (reading.intent === 'meta' && reading.answeredAsked)
        return answeredReply(ctx, reading, reading.answeredAsked);
      if (reading.intent === 'meta' && reading.challengesQuestion)
        return { type: 'say', move: { kind: 'clarify', reason: 'why-asked', unanswered: [], late } };
      // The redirect says the time left; when that is about the warning's minute, the warning would
      // only say it again a moment later.
      timeLeftSaid(ctx);
      return {
        type: 'say',
        move: { kind: 'redirect', reason: reading.intent, stepRemainingMs: ctx.remainingMs },
      };
    case 'hint':
    case 'stuck':
      // "What do you mean?": the question in other words, which is no help with its answer.
      if (reading.rephraseAsked)
        return { type: 'say', move: { kind: 'redirect', reason: 'meta', stepRemainingMs: ctx.remainingMs } };
      if (late) return acknowledge(ctx, reading.uncovered);
      // "I don't think that's a big issue here" right after a change: a stance, not a plea for help.
      if (reading.intent === 'stuck' && reading.dismissesCurveball) return answerReply(ctx, reading);
      return { type: 'say', move: hint(step, reading.uncovered, reading.raised ?? []) };
    case 'answer':
    case 'tentative':
      step.answers += 1;
      if (
        reading.rambling &&
        !late &&
        !step.interrupted &&
        PERSONA_RULES[s.config.persona].interruptRambling
      ) {
        step.interrupted = true;
        return { type: 'say', move: { kind: 'interrupt' } };
      }
      return answerReply(ctx, reading);
  }
}

/** A redirect that says the time left this close to the warning's lead stands in for the warning. */
const WARNING_SAID_WITHIN_MS = 30_000;

/** The time left was just said (a redirect, the clock asked): near the warning's lead, no warning follows. */
export function timeLeftSaid(ctx: ReplyContext): void {
  if (ctx.remainingMs <= warningLeadMs(ctx.step.budgetMs) + WARNING_SAID_WITHIN_MS) ctx.step.warned = true;
}

/**
 * A push-back for each red flag of the message: once for a flag not challenged before, and once
 * more in a later part for one said again after it was pushed back on ("accuracy" challenged in
 * requirements, then made the launch gate in evaluation). Never twice in one part.
 */
function challengeOf(s: EngineState, step: StepState, reading: MessageReading): Option[] {
  return reading.redFlags.flatMap((flagId): Option[] => {
    const commit = (again: boolean) => () => {
      s.challenged.push(flagId);
      step.challenged.push(flagId);
      if (again) s.challengedAgain.push(flagId);
    };
    if (!s.challenged.includes(flagId))
      return [{ move: { kind: 'challenge', flagId }, commit: commit(false) }];
    if (step.challenged.includes(flagId) || s.challengedAgain.includes(flagId)) return [];
    return [{ move: { kind: 'challenge', flagId, again: true }, commit: commit(true) }];
  });
}

/** Intents under which a term asked about is explained rather than hinted at or looked up. */
/** The target naming the acknowledgement that hands an idea back (`PreferredMove.target`). */
export const TURN_BACK = 'turn-back';

const DEFINABLE: ReadonlySet<MessageReading['intent']> = new Set([
  'facts',
  'hint',
  'stuck',
  'tentative',
  'unclear',
]);

/**
 * An answer that makes a point of the step and, beside it, only asks again for facts already given
 * (nothing new, nothing the case lacks, nothing to choose between).
 */
function checksGivenFacts(s: EngineState, reading: MessageReading): boolean {
  const { found, unanswered, ambiguous } = reading.facts;
  return (
    reading.answersAtLength === true &&
    found.length > 0 &&
    unanswered.length === 0 &&
    ambiguous.length === 0 &&
    (reading.misquotes ?? []).length === 0 &&
    found.every((id) => s.factsGiven.includes(id))
  );
}

/** Facts found are given (in full once, then as a reminder); when none fits, ask for an assumption. */
function answerFacts(s: EngineState, reading: MessageReading, late: boolean): MoveBody {
  const { found, unanswered, ambiguous } = reading.facts;
  const assumed = reading.facts.assumed?.length ? { assumed: reading.facts.assumed } : {};
  if (found.length === 0 && ambiguous.length === 0) {
    return { kind: 'clarify', reason: 'no-fact', unanswered, ...assumed, late };
  }
  const nearby = new Set(reading.facts.nearby ?? []);
  const facts = found.map((id) => ({
    id,
    repeat: s.factsGiven.includes(id),
    ...(nearby.has(id) ? { nearby: true } : {}),
  }));
  for (const fact of facts) if (!fact.repeat) s.factsGiven.push(fact.id);
  return { kind: 'answer-facts', facts, unanswered, ambiguous, ...assumed, late };
}

/**
 * An answer gets, in order of preference: a push-back on a red flag it states, the step's
 * curveball when its premise holds (after the follow-up, for an idea put up as a question), a
 * follow-up on a technique it just named, a probe of the most
 * important open point, or a plain acknowledgement. A model's `preferred` move is taken when it
 * is one of these allowed moves; anything else is ignored.
 */
function answerReply(ctx: ReplyContext, reading: MessageReading): Reply {
  const options = answerOptions(ctx, reading);
  const preferred = reading.preferred;
  const chosen = (preferred && options.find((option) => sameMove(option.move, preferred))) ?? options[0];
  if (!chosen) return acknowledge(ctx, reading.uncovered);
  chosen.commit();
  return { type: 'say', move: chosen.move };
}

/** Every reply the engine allows to this answer now, in the default order of preference. */
export function answerOptions(ctx: ReplyContext, reading: MessageReading): Option[] {
  const { s, step, late } = ctx;
  const rules = PERSONA_RULES[s.config.persona];
  const none = () => {};
  const ack: Option = { move: acknowledge(ctx, reading.uncovered).move, commit: none };
  if (late) return [ack];
  // "Anything to add?" "yes": the floor is handed back, with nothing new brought up.
  if (reading.wantsFloor === true)
    return [{ move: { kind: 'clarify', reason: 'unclear', unanswered: [], late: false }, commit: none }];
  const options: Option[] = [];
  options.push(...challengeOf(s, step, reading));
  options.push(...repairOptions(ctx, reading));
  // Put up for approval ("should we use appeal outcomes as labels too?"), an idea is answered about
  // itself before anything new is thrown in.
  // An idea put up for a verdict ("maybe xgboost? or a neural net?") is answered at once, even as a
  // step's first message: "Noted" to a question leaves the candidate alone with it.
  const pressing = step.messages >= 2 || rules.pressFirstAnswer || reading.intent === 'tentative';
  const followUpOptions = (): Option[] =>
    followUps(s, step, reading.named).map((move) => ({
      move,
      commit: () => step.followedUp.push(move.pointId),
    }));
  if (reading.intent === 'tentative' && pressing) options.push(...followUpOptions());
  // "What about class imbalance?": a topic the candidate raised is put back to them before anything
  // the interviewer would bring up, even on a step's first message.
  const raised = new Set(reading.raised ?? []);
  for (const pointId of probes(s.config, step, reading.uncovered).filter((id) => raised.has(id))) {
    options.push({
      move: { kind: 'probe', pointId, raised: true },
      commit: () => step.probed.push(pointId),
    });
  }
  // "maybe use the old prices?" with nothing of it to follow up on: handed back to them, once a
  // step, before a curveball or a checklist question that would leave their question unheard.
  const handedBack =
    reading.intent === 'tentative' &&
    reading.awaitsVerdict === true &&
    step.turnedBack < 1 &&
    options.every((option) => option.move.kind !== 'follow-up' && option.move.kind !== 'probe');
  if (handedBack) {
    options.push({
      move: acknowledge(ctx, reading.uncovered, { turnBack: true }).move,
      commit: () => {
        step.turnedBack += 1;
      },
    });
  }
  // A new constraint needs time to think it through: none once the step's closing minute began
  // (the timer would cut the candidate off mid-answer).
  const roomToAnswer = ctx.remainingMs > warningLeadMs(step.budgetMs);
  const curveballId = roomToAnswer ? dueCurveball(s, step, reading.premisesHeld) : null;
  if (curveballId !== null) {
    options.push({
      move: { kind: 'curveball', curveballId },
      commit: () => {
        s.curveballsThrown.push(curveballId);
        step.curveballAtAnswer = step.answers;
      },
    });
  }
  // The first message of a step is only acknowledged: the candidate lays out their answer first
  // (a tough interviewer presses at once).
  // A new checklist question in the step's last half minute cannot be answered before the timer
  // moves on (or ends the interview); the follow-up on what was just said still can be.
  const roomForProbe = ctx.remainingMs > warningLeadMs(step.budgetMs) / 2;
  if (pressing) {
    if (reading.intent !== 'tentative') options.push(...followUpOptions());
    const open = roomForProbe ? probes(s.config, step, reading.uncovered) : [];
    for (const pointId of open.filter((id) => !raised.has(id))) {
      options.push({ move: { kind: 'probe', pointId }, commit: () => step.probed.push(pointId) });
    }
  }
  // A supportive interviewer offers a free hint where it would only acknowledge an open step.
  const open = mostImportant(reading.uncovered, []);
  if (rules.offerFreeHints && open && step.messages >= 2 && step.freeHints < 1) {
    options.push({
      move: { kind: 'hint', level: 1, pointId: open.id },
      commit: () => {
        step.freeHints += 1;
      },
    });
  }
  options.push(ack);
  return options;
}

/** Whether an allowed move is the one a model asked for: same kind and same target. */
function sameMove(move: MoveBody, wanted: PreferredMove): boolean {
  if (move.kind !== wanted.kind) return false;
  if (move.kind === 'acknowledge') return (wanted.target === TURN_BACK) === (move.turnBack === true);
  const target = 'pointId' in move ? move.pointId : 'flagId' in move ? move.flagId : undefined;
  return wanted.target === undefined || wanted.target === target;
}

/** Each hint in a step gives away more: the question again, then an area, then the concept. */
function hint(step: StepState, uncovered: UncoveredPoint[], named: readonly string[]): MoveBody {
  step.hints += 1;
  const level = Math.min(step.hints, 3) as HintLevel;
  // "Brand-new listings have no clicks... hint?": help on the topic they named, not the step's
  // question again. A point whose probe was already asked gets another angle on it first (one of
  // its follow-up questions, chosen by the voice), and its concept only when asked again.
  const topic = named[0];
  // A hint on a point hinted at before in this step goes one level further: "One more hint?" after
  // "how could you get more judgments?" must not hear the same pointer again.
  const before = (pointId: string) => step.hinted.filter((id) => id === pointId).length;
  if (topic !== undefined) {
    const floor = 2 + before(topic);
    step.hinted.push(topic);
    return { kind: 'hint', level: Math.min(Math.max(level, floor), 3) as HintLevel, pointId: topic };
  }
  // Without a topic the step's hints go further one by one; once a point has had its concept named,
  // the next hint points at the next open point instead of naming the same concept again.
  // (A level-1 hint asks the step's question again and points at no point.)
  const conceptNamed = step.hinted.filter((id) => before(id) >= 2);
  const pointId = (mostImportant(uncovered, conceptNamed) ?? mostImportant(uncovered, []))?.id ?? null;
  if (pointId === null || level === 1) return { kind: 'hint', level, pointId };
  const further = before(pointId) === 0 ? 2 : 3;
  step.hinted.push(pointId);
  return { kind: 'hint', level: further, pointId };
}

/** This step's curveball when no answer came after it and it was not put again yet; null otherwise. */
function ignoredCurveball(s: EngineState, step: StepState): string | null {
  if (step.curveballRevisited || step.curveballAtAnswer === null || step.answers > step.curveballAtAnswer)
    return null;
  return lastCurveball(s, step);
}

/** The first unthrown curveball of this step whose premise holds, once enough answers came since the last. */
function dueCurveball(s: EngineState, step: StepState, premisesHeld: string[]): string | null {
  const after = (step.curveballAtAnswer ?? 0) + s.config.curveballAfterAnswers;
  if (step.answers < after) return null;
  const ball = s.config.curveballs.find(
    (c) => c.step === step.id && !s.curveballsThrown.includes(c.id) && premisesHeld.includes(c.id),
  );
  return ball?.id ?? null;
}

/** Follow-ups on points the message just named that nobody has followed up on yet this session. */
function followUps(s: EngineState, step: StepState, named: string[]): Move<'follow-up'>[] {
  if (step.followedUp.length >= s.config.maxFollowUpsPerStep) return [];
  const asked = new Set(s.steps.flatMap((each) => each.followedUp));
  const angle = FOLLOW_UP_ANGLES[asked.size % FOLLOW_UP_ANGLES.length] ?? 'why';
  return named.filter((id) => !asked.has(id)).map((pointId) => ({ kind: 'follow-up', pointId, angle }));
}

/** Open points not yet probed in this step, most important first; none once the step's probes are used. */
function probes(config: EngineConfig, step: StepState, uncovered: UncoveredPoint[]): string[] {
  if (step.probed.length >= config.maxProbesPerStep) return [];
  return uncovered
    .map((point, order) => ({ point, order }))
    .filter(({ point }) => !step.probed.includes(point.id))
    .sort((a, b) => byImportance(a.point, b.point) || a.order - b.order)
    .map(({ point }) => point.id);
}

/** The case's own points before the framework's, then the heavier first. */
function byImportance(a: UncoveredPoint, b: UncoveredPoint): number {
  return Number(a.general ?? false) - Number(b.general ?? false) || b.weight - a.weight;
}

function mostImportant(uncovered: UncoveredPoint[], skip: string[]): UncoveredPoint | null {
  let best: UncoveredPoint | null = null;
  for (const point of uncovered) {
    if (skip.includes(point.id)) continue;
    if (best === null || byImportance(point, best) < 0) best = point;
  }
  return best;
}
