import { warningLeadMs } from './budgets.ts';
import { acknowledge, type MoveBody, type Option, type ReplyContext } from './reply-options.ts';
import type { EngineState, StepState } from './state.ts';
import type { MessageReading } from './types.ts';

/**
 * What an answer asks to have set right before the interviewer brings up anything new: a figure of
 * the case stated wrongly, an argument against a push-back, "I already said that", a question
 * answered with something else, a new constraint waved away, "does that answer your question?",
 * and a bare "yes" that still owes its reason. Each is offered once (a step or a session, as its
 * state records), in this order, ahead of follow-ups, probes and curveballs.
 */
/** The flag id a wrong sum is pushed back on under (and reported as, by the scorer). */
const MISCALCULATION = 'miscalculation';
/** The flag id a measure defined as another is pushed back on under (and reported as, by the scorer). */
const MISDEFINITION = 'misdefined-measure';

export function repairOptions(ctx: ReplyContext, reading: MessageReading): Option[] {
  const { s, step } = ctx;
  const none = () => {};
  const options: Option[] = [];
  // "Since fraud is about 5% of transactions, ...": figures of the case stated wrongly are put
  // right before anything else is asked, once a session for each fact.
  const misquotes = (reading.misquotes ?? []).filter((each) => !s.corrected.includes(each.factId));
  if (misquotes.length > 0) {
    const facts = misquotes.map(({ factId, said, sentence }) => ({
      id: factId,
      repeat: s.factsGiven.includes(factId),
      corrects: { said, sentence },
    }));
    options.push({
      move: { kind: 'answer-facts', facts, unanswered: [], ambiguous: [], late: false },
      commit: () => {
        for (const { factId } of misquotes) {
          s.corrected.push(factId);
          if (!s.factsGiven.includes(factId)) s.factsGiven.push(factId);
        }
      },
    });
  }
  // "120 million times 3 KB is about 36 GB": the sum is checked before the design is sized on
  // it, once a step.
  const sum = reading.miscalculation;
  if (sum !== undefined && !step.challenged.includes(MISCALCULATION))
    options.push({
      move: { kind: 'challenge', flagId: MISCALCULATION, sum: sum.said },
      commit: () => {
        step.challenged.push(MISCALCULATION);
      },
    });
  // "recall, meaning of all we flagged, how many were real": the definition is checked before the
  // evaluation is built on it, once a step.
  const definition = reading.misdefinition;
  if (definition !== undefined && !step.challenged.includes(MISDEFINITION))
    options.push({
      move: { kind: 'challenge', flagId: MISDEFINITION, definition },
      commit: () => {
        step.challenged.push(MISDEFINITION);
      },
    });
  // "No, that's fine here: ..." after a push-back: the argument is answered before anything new.
  if (reading.rebuttal !== undefined)
    options.push({
      move: acknowledge(ctx, reading.uncovered, {
        rebuttal: reading.rebuttal.holds ? 'conceded' : 'stands',
      }).move,
      commit: none,
    });
  // "I literally just said that. Did you miss it?": owned, and the floor handed back, before
  // anything new is asked.
  if (reading.answeredAlready)
    options.push({
      move: acknowledge(ctx, reading.uncovered, {
        answeredAlready: reading.answeredAlready === 'unseen' ? 'unseen' : true,
      }).move,
      commit: none,
    });
  // "I didn't say that": the misreading owned, and the floor handed back.
  if (reading.neverSaid === true)
    options.push({ move: acknowledge(ctx, reading.uncovered, { neverSaid: true }).move, commit: none });
  // Asked about permissions, answered about latency: the question is put again, once a step. A
  // change of constraints answered with something else counts as left aside, like one skipped.
  const sidestep = reading.sidestep;
  // Not in the step's closing minute, when the answer could not come before the timer moves on.
  if (sidestep !== undefined && !step.sidestepAsked && ctx.remainingMs > warningLeadMs(step.budgetMs)) {
    if ('curveballId' in sidestep && !step.curveballRevisited)
      options.push({
        move: { kind: 'curveball', curveballId: sidestep.curveballId, again: true },
        commit: () => {
          step.curveballRevisited = true;
          step.sidestepAsked = true;
        },
      });
    if ('pointId' in sidestep)
      options.push({
        move: { kind: 'probe', pointId: sidestep.pointId, sidestepped: true },
        commit: () => {
          step.sidestepAsked = true;
        },
      });
  }
  // "Why does a new plate format even matter?" right after the change: put to them once more.
  const dismissed = reading.dismissesCurveball ? lastCurveball(s, step) : null;
  if (dismissed !== null && !step.curveballRevisited)
    options.push({
      move: { kind: 'curveball', curveballId: dismissed, again: true, waved: true },
      commit: () => {
        step.curveballRevisited = true;
      },
    });
  // "..., drop it client-side. Does that answer your question?": said whether it did, before
  // anything new (a red flag in the answer is pushed back on first).
  if (reading.answeredAsked)
    options.push({ move: answeredReply(ctx, reading, reading.answeredAsked).move, commit: none });
  // "yes" to "is the closest place always the one to put first?": the reason is asked for, once a
  // step, before the interviewer brings up anything new.
  if (reading.unexplained === true && !step.askedWhy) {
    options.push({
      move: { kind: 'clarify', reason: 'unclear', unanswered: [], late: false },
      commit: () => {
        step.askedWhy = true;
      },
    });
  }
  return options;
}

/**
 * Whether the answer landed: yes when the point the last question asked about is covered now;
 * partly, with that question put another way, when it is not. With no such point (the step's
 * opening question was answered), a plain acknowledgement that invites more.
 */
export function answeredReply(
  ctx: ReplyContext,
  reading: MessageReading,
  asked: NonNullable<MessageReading['answeredAsked']>,
): { type: 'say'; move: MoveBody } {
  if (ctx.late || asked.pointId === undefined) return acknowledge(ctx, reading.uncovered);
  if (asked.covered) return acknowledge(ctx, reading.uncovered, { answered: 'yes' });
  return acknowledge(ctx, reading.uncovered, { answered: 'partly', pointId: asked.pointId });
}

/** The last curveball thrown in this step, if any. */
export function lastCurveball(s: EngineState, step: StepState): string | null {
  const ours = new Set(s.config.curveballs.filter((ball) => ball.step === step.id).map((ball) => ball.id));
  return s.curveballsThrown.findLast((id) => ours.has(id)) ?? null;
}
