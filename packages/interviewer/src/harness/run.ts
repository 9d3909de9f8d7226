import {
  type AnswerOption,
  allowedMoves,
  answerOptions,
  createConfig,
  currentStep,
  type EngineEffect,
  type EngineState,
  type InterviewerMove,
  type MessageReading,
  nextDeadline,
  type PreferredMove,
  startInterview,
  stepDeadline,
  transition,
} from '@mlsd/engine';
import type { CandidateIntent, HintLevel, StepId, TurnKind } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { AnalysisCache, stepCoverage } from '@mlsd/scoring';
import type { SpeakOptions, SpeakRequest, TranscriptLine } from '../interviewer.ts';
import { candidateTexts, type Reading, readMessage } from '../reading/read-message.ts';
import type { Expectation, PersonaScript } from './personas.ts';

/** One turn of a harness session, with what the harness needs to check it. */
export interface HarnessTurn extends TranscriptLine {
  step: StepId;
  kind: TurnKind;
  at: number;
  probedPointIds?: string[];
  factIds?: string[];
  hintLevel?: HintLevel;
  hintPointIds?: string[];
  challengedFlagIds?: string[];
  curveballId?: string;
  /** Candidate turns: what the reader made of it, and what the script expects of the reply. */
  intent?: CandidateIntent;
  reading?: Reading;
  expect?: Expectation;
}

/** Anything that voices engine moves: the offline interviewer, the model voice, a test double. */
export interface HarnessVoice {
  speak(
    request: SpeakRequest & { uncovered?: readonly string[]; stepRemainingMs?: number | null },
    options?: SpeakOptions,
  ): Promise<Omit<HarnessTurn, 'role' | 'step' | 'at'>>;
  /** Replies to answers as the server's model sessions do (other messages keep the planner). */
  choose?: HarnessChooser;
}

/** What a voice is asked to say: the engine's move and the moment's context. */
type HarnessSpeakRequest = Parameters<HarnessVoice['speak']>[0];

/**
 * A model that replies to an answer the way the server asks it (one request): it names one of the
 * `options` the engine allows and voices it; `seen` are the open points it saw the answer cover.
 */
export type HarnessChooser = (
  request: HarnessSpeakRequest & {
    options: readonly Pick<AnswerOption, 'label' | 'move'>[];
    message: string;
  },
) => Promise<{ chosen: number; turn: Omit<HarnessTurn, 'role' | 'step' | 'at'>; seen: readonly string[] }>;

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A second reader (a model) that refines the offline reading and may propose the move. */
export type HarnessPlanner = (request: {
  step: StepId;
  text: string;
  offline: Reading;
  allowed: readonly PreferredMove[];
}) => Promise<MessageReading>;

/** Rewrites a scripted message the way a candidate would say it (a model playing the candidate). */
export type HarnessCandidate = (message: string, step: StepId) => Promise<string>;

/**
 * Plays a scripted candidate through the real engine and the offline reader: messages are spread
 * over each step's budget, every move is voiced by `voice`. Returns the transcript with metadata.
 */
export async function runHarnessSession(options: {
  voice: HarnessVoice;
  planner?: HarnessPlanner;
  candidate?: HarnessCandidate;
  caseStudy: CaseStudy;
  framework: Framework;
  script: PersonaScript;
  seed?: number;
  cache?: AnalysisCache;
}): Promise<{ turns: HarnessTurn[]; state: EngineState }> {
  const { voice, caseStudy, framework, script } = options;
  const chooser = voice.choose?.bind(voice);
  const seed = options.seed ?? 7;
  const cache = options.cache ?? new AnalysisCache();
  const turns: HarnessTurn[] = [];
  let now = T0;
  let state: EngineState;

  // Points the model saw covered in earlier answers: never offered as open again (as in the server).
  const seenByModel = new Set<string>();
  const speakRequest = (move: InterviewerMove): HarnessSpeakRequest => {
    const step = state.steps.find((candidate) => candidate.id === move.step)!;
    return {
      caseStudy,
      framework,
      move,
      transcript: turns,
      seed,
      uncovered: openPoints(move.step).filter((id) => !seenByModel.has(id)),
      stepRemainingMs: step.startedAt === null ? null : stepDeadline(step) - now,
    };
  };
  /** Voices every move of `effects`; `voiced` is a move already voiced (the model's chosen reply). */
  const speakAll = async (
    effects: EngineEffect[],
    voiced?: { move: InterviewerMove; turn: Omit<HarnessTurn, 'role' | 'step' | 'at'> },
  ): Promise<void> => {
    let pending = effects;
    while (pending.some((effect) => effect.type === 'interviewer-move')) {
      for (const effect of pending) {
        if (effect.type !== 'interviewer-move') continue;
        const turn =
          voiced?.move === effect.move ? voiced.turn : await voice.speak(speakRequest(effect.move));
        turns.push({ ...turn, role: 'interviewer', step: effect.move.step, at: now });
      }
      ({ state, effects: pending } = transition(state, { type: 'interviewer-done' }, now));
    }
  };
  const openPoints = (step: StepId) =>
    stepCoverage(caseStudy, framework, step, candidateTexts(turns, ''), cache).uncovered;
  const tickUntil = async (time: number) => {
    for (
      let deadline = nextDeadline(state);
      deadline !== null && deadline <= time;
      deadline = nextDeadline(state)
    ) {
      now = Math.max(now, deadline);
      const next = transition(state, { type: 'tick' }, now);
      state = next.state;
      await speakAll(next.effects);
    }
    now = Math.max(now, time);
  };

  /**
   * The reply to an answer in a model session: the engine's own move first, every other move it
   * allows now after it; the chooser names one and voices it, and that option's transition is the
   * one applied (see `answerOptions`).
   */
  const answered = async (reading: Reading, text: string): Promise<void> => {
    const options = answerOptions(state, reading, now);
    if (!chooser || options.length === 0) {
      const next = transition(state, { type: 'candidate-message', reading }, now);
      state = next.state;
      return speakAll(next.effects);
    }
    const reply = await chooser({
      ...speakRequest(options[0]!.move),
      options: options.map(({ label, move }) => ({ label, move })),
      message: text,
    });
    for (const id of reply.seen) seenByModel.add(id);
    const option = options[reply.chosen] ?? options[0]!;
    state = option.transition.state;
    return speakAll(option.transition.effects, { move: option.move, turn: reply.turn });
  };

  const start = startInterview(createConfig(framework, caseStudy, { durationMinutes: 45 }), now);
  state = start.state;
  await speakAll(start.effects);
  while (state.status === 'active') {
    const step = currentStep(state);
    const messages = script[step.id];
    const gap = step.budgetMs / (messages.length + 1);
    for (const message of messages) {
      await tickUntil(now + gap);
      if (state.status !== 'active' || currentStep(state).id !== step.id) break;
      const text = options.candidate ? await options.candidate(message.text, step.id) : message.text;
      const read = readMessage({
        caseStudy,
        framework,
        step: step.id,
        text,
        transcript: turns,
        notes: '',
        cache,
      });
      const offline = { ...read, uncovered: read.uncovered.filter((point) => !seenByModel.has(point.id)) };
      // As in the server: answers take one request that chooses and voices; other messages a plan.
      const answer = chooser !== undefined && (offline.intent === 'answer' || offline.intent === 'tentative');
      const reading: Reading =
        options.planner && !answer
          ? {
              ...(await options.planner({
                step: step.id,
                text,
                offline,
                allowed: allowedMoves(state, offline, now),
              })),
              coverage: offline.coverage,
            }
          : offline;
      turns.push({
        role: 'candidate',
        step: step.id,
        kind: reading.intent === 'facts' ? 'clarification' : 'answer',
        text,
        at: now,
        intent: reading.intent,
        reading,
        ...(message.expect ? { expect: message.expect } : {}),
      });
      if (answer) await answered(reading, text);
      else {
        const next = transition(state, { type: 'candidate-message', reading }, now);
        state = next.state;
        await speakAll(next.effects);
      }
    }
    while (state.status === 'active' && currentStep(state).id === step.id) {
      const deadline = nextDeadline(state);
      if (deadline === null) break;
      await tickUntil(deadline);
    }
  }
  return { turns, state };
}
