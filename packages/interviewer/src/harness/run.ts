import {
  allowedMoves,
  createConfig,
  currentStep,
  type EngineEffect,
  type EngineState,
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
}

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * Plays a scripted candidate through the real engine and the offline reader: messages are spread
 * over each step's budget, every move is voiced by `voice`. Returns the transcript with metadata.
 */
/** A second reader (a model) that refines the offline reading and may propose the move. */
export type HarnessPlanner = (request: {
  step: StepId;
  text: string;
  offline: Reading;
  allowed: readonly PreferredMove[];
}) => Promise<MessageReading>;

/** Rewrites a scripted message the way a candidate would say it (a model playing the candidate). */
export type HarnessCandidate = (message: string, step: StepId) => Promise<string>;

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
  const seed = options.seed ?? 7;
  const cache = options.cache ?? new AnalysisCache();
  const turns: HarnessTurn[] = [];
  let now = T0;
  let state: EngineState;

  const speakAll = async (effects: EngineEffect[]): Promise<void> => {
    let pending = effects;
    while (pending.some((effect) => effect.type === 'interviewer-move')) {
      for (const effect of pending) {
        if (effect.type !== 'interviewer-move') continue;
        const step = state.steps.find((candidate) => candidate.id === effect.move.step)!;
        const voiced = await voice.speak({
          caseStudy,
          framework,
          move: effect.move,
          transcript: turns,
          seed,
          uncovered: openPoints(effect.move.step),
          stepRemainingMs: step.startedAt === null ? null : stepDeadline(step) - now,
        });
        turns.push({ ...voiced, role: 'interviewer', step: effect.move.step, at: now });
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
      const offline = readMessage({
        caseStudy,
        framework,
        step: step.id,
        text,
        transcript: turns,
        notes: '',
        cache,
      });
      const reading: Reading = options.planner
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
      const next = transition(state, { type: 'candidate-message', reading }, now);
      state = next.state;
      await speakAll(next.effects);
    }
    while (state.status === 'active' && currentStep(state).id === step.id) {
      const deadline = nextDeadline(state);
      if (deadline === null) break;
      await tickUntil(deadline);
    }
  }
  return { turns, state };
}
