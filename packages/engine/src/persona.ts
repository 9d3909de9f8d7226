import type { Persona } from '@mlsd/protocol';

/**
 * What each interviewer manner changes in the engine's choices (the wording lives with the
 * interviewer). Documented in packages/interviewer/README.md, "Personas".
 */
export interface PersonaRules {
  /** Most probes of open points in one step. */
  maxProbesPerStep: number;
  /** Most follow-ups ("why this?", "what does it cost?") in one step. */
  maxFollowUpsPerStep: number;
  /** The first answer of a step may already get a follow-up or a probe instead of room to lay it out. */
  pressFirstAnswer: boolean;
  /** A long answer that makes no choice is cut short: "let me stop you there — what's your choice?". */
  interruptRambling: boolean;
  /**
   * Where a neutral interviewer would only acknowledge while the step still has open points, offer
   * a free hint (level 1: the step's question asked another way, which costs no credit).
   */
  offerFreeHints: boolean;
}

export const PERSONA_RULES: Record<Persona, PersonaRules> = {
  supportive: {
    maxProbesPerStep: 3,
    maxFollowUpsPerStep: 1,
    pressFirstAnswer: false,
    interruptRambling: false,
    offerFreeHints: true,
  },
  neutral: {
    maxProbesPerStep: 2,
    maxFollowUpsPerStep: 2,
    pressFirstAnswer: false,
    interruptRambling: false,
    offerFreeHints: false,
  },
  tough: {
    maxProbesPerStep: 2,
    maxFollowUpsPerStep: 3,
    pressFirstAnswer: true,
    interruptRambling: true,
    offerFreeHints: false,
  },
};
