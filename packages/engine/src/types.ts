import type { CandidateIntent, EndReason, HintLevel, StepId } from '@mlsd/protocol';

/** A still-uncovered talking point of the current step, as the server's matcher sees it. */
export interface UncoveredPoint {
  id: string;
  /** 1 = nice to have, 2 = expected, 3 = essential. */
  weight: number;
  /**
   * A framework point every case shares ("task type named"), not one of this case's own: asked
   * only when no case point is open, since the case's questions fit the design being discussed.
   */
  general?: boolean;
}

/** What a fact lookup found for the questions of one message (case fact ids). */
export interface FactFindings {
  /** Facts that answer a part of the message, in the order asked. */
  found: string[];
  /** Question parts the case has no fact for. */
  unanswered: string[];
  /** Question parts two facts fit about equally: the interviewer asks which one they mean. */
  ambiguous: { question: string; options: string[] }[];
  /**
   * Found facts that are only the closest the case has: the question names something no fact
   * holds ("competitors' click rates" gets our own). Said as such.
   */
  nearby?: string[];
  /**
   * The candidate's own assumptions put up for a check ("I'll assume scheduled orders too, ok?")
   * that no fact settles: the interviewer lets them stand rather than ask for an assumption.
   */
  assumed?: string[];
}

/**
 * What the interviewer package read in one candidate message. The engine decides the next move
 * from this alone, so the same reading gives the same move whoever (offline reader or model) read it.
 */
export interface MessageReading {
  intent: CandidateIntent;
  /** The message also carries answer content besides its questions. */
  alsoAnswers: boolean;
  /**
   * Besides its questions the message answers at length (a design said, not a reason for asking):
   * a fact it checks in passing is reminded and the answer replied to.
   */
  answersAtLength?: boolean;
  facts: FactFindings;
  /**
   * Still-uncovered points of the current step after this message, in rubric order, without any
   * point covered anywhere in the step or in the candidate's last three messages.
   */
  uncovered: UncoveredPoint[];
  /** Points this message named (thinly covered first): what a follow-up can ask about. */
  named: string[];
  /**
   * Open points of the step this message asks about without claiming them ("what about class
   * imbalance, should I worry?"): probing one answers the candidate's own question with a question.
   * For a request for help, the step's points the message names ("new listings have no clicks,
   * any hint?"): the hint is about the first.
   */
  raised?: string[];
  /**
   * Terms the message asks the meaning of ("what is MMoE?") that no fact of the case answers: the
   * interviewer says what the term means and leaves its use to the candidate.
   */
  defines?: string[];
  /** Red flags this message states in earnest. */
  redFlags: string[];
  /** Curveballs whose premise holds for what the candidate has proposed so far. */
  premisesHeld: string[];
  /** A long answer that never commits to a choice (a tough interviewer cuts it short). */
  rambling?: boolean;
  /**
   * The candidate put an idea up and waits for a verdict ("maybe use the old prices?", "..., is
   * that bad?"). With nothing of it to follow up on, it is turned back to them once a step,
   * before anything new is brought up.
   */
  awaitsVerdict?: boolean;
  /**
   * A bare yes or no to a yes-or-no question about the design ("is the closest place always the
   * one to put first?" "yes"): an answer with no reason, which the interviewer asks for once a step.
   */
  unexplained?: boolean;
  /**
   * "yes" to "anything to add for this part?": the candidate has more to say and has not said it.
   * The floor is handed back; nothing new is brought up.
   */
  wantsFloor?: boolean;
  /**
   * The part a request to move on names as its goal ("can we go back to the model step?", "skip
   * ahead to evaluation"). The parts go in order: a part done or under way is not moved to, and a
   * later one is said to come later while the interview goes on to the next.
   */
  towardStep?: StepId;
  /**
   * "Does that answer your question?", "is that what you were looking for?": whether the answer
   * landed, asked. `pointId`: the point the step's last question asked about (a probe or a
   * follow-up; absent for the step's opening question); `covered`: the candidate has covered it.
   */
  answeredAsked?: { pointId?: string; covered: boolean };
  /**
   * "Why does that matter?": the question itself challenged. The interviewer says why it asks and
   * lets the candidate argue that it does not matter here.
   */
  challengesQuestion?: boolean;
  /**
   * "Sorry, what do you mean?", "can you rephrase that?": the interviewer's last question wanted in
   * other words. It is worded another way; no hint is counted, and nothing more is given away.
   */
  rephraseAsked?: boolean;
  /**
   * The message right after a curveball waves it away without a plan ("I don't think drift is a
   * big issue here; faces don't change"): a human interviewer puts the change to them once more.
   */
  dismissesCurveball?: boolean;
  /**
   * Figures of the case the message states wrongly, as a given it builds on ("since fraud is about
   * 5% of transactions" when the case says 0.08%): the fact, the candidate's figure and the fact's
   * sentence with the case's. A human interviewer corrects it before the design is sized on it.
   */
  misquotes?: { factId: string; said: string; sentence: string }[];
  /**
   * A sum the message works out wrongly ("1% of 12.5 million, so 1.25 million"), as said. A human
   * interviewer asks for it to be checked before the design is sized on it, without the result.
   */
  miscalculation?: { said: string };
  /** "recall, meaning of all we flagged, how many were real": a measure defined as another one. */
  misdefinition?: { term: string; said: string };
  /**
   * The question right before that the message leaves aside (a probe's or follow-up's point, or a
   * change of constraints): asked about permissions, the candidate talked about latency. It is asked
   * again once.
   */
  sidestep?: { pointId: string } | { curveballId: string };
  /**
   * "Yes, already covered that above", "I literally just said that. Did you miss it?": the
   * candidate says the last question was answered already. The interviewer owns it and goes on;
   * `unseen` when nothing said so far covers the point asked, and it asks for the short version.
   */
  answeredAlready?: boolean | 'unseen';
  /**
   * "I didn't say that", "where did I say we'd retrain automatically?": the last question rested on
   * something the candidate never proposed. The interviewer owns the misreading and goes on.
   */
  neverSaid?: boolean;
  /**
   * "No, that's fine here: ..." right after a push-back: the candidate disputes it. `holds`: the
   * argument makes a point of the case's step and states no mistake, so the interviewer concedes;
   * otherwise it says the concern stands, without giving the fix.
   */
  rebuttal?: { holds: boolean };
  /**
   * "How much time is left?", "is this the last part?", asked alone or beside an answer ("I'd use a
   * GBDT. Is this the last section?"): the reply says the time left in the part and how many
   * parts follow, before whatever else it says.
   */
  asksClock?: boolean;
  /**
   * The move a model reader proposes. The engine takes it only when it is among the replies it
   * allows now (a challenge needs a red flag, a curveball its premise, a probe an unused budget).
   */
  preferred?: PreferredMove;
}

/** A proposed reply to an answer: its kind and, for point or flag moves, which one. */
export interface PreferredMove {
  kind: 'challenge' | 'curveball' | 'follow-up' | 'probe' | 'acknowledge';
  /**
   * The point id (follow-up, probe) or red flag id (challenge); any when absent. For an
   * acknowledgement, `turn-back` asks for the one that hands an idea back (see MessageReading.awaitsVerdict).
   */
  target?: string;
}

export type EngineEvent =
  | {
      type: 'candidate-message';
      reading: MessageReading;
    }
  | { type: 'move-on' }
  | { type: 'end' }
  | { type: 'tick' }
  /** The interviewer finished voicing every move of the last batch (a streamed reply is complete). */
  | { type: 'interviewer-done' }
  /** A human interviewer stops the clock: no step advances and no warning fires until `resume`. */
  | { type: 'pause' }
  /** The clock runs again; the paused time is not charged to the current step. */
  | { type: 'resume' }
  /** Gives the current step `ms` more (a human interviewer's "add minutes"). */
  | { type: 'add-time'; ms: number };

export type StepStartReason = 'start' | 'time-up' | 'candidate';

interface MoveBase {
  /** 0-based count of interviewer moves in the session; with the seed it fixes the wording. */
  index: number;
  /** The step the turn belongs to in the transcript. */
  step: StepId;
  /**
   * The candidate asked the time or where the interview stands (MessageReading.asksClock): the
   * reply opens with the time left in the step and how many parts follow it.
   */
  clock?: { stepRemainingMs: number; partsAfter: number; totalRemainingMs: number };
  /**
   * Facts given before that the candidate checked in passing beside an answer ("..., so size for
   * 5k. btw peak is what, 4000 tps?"): the reply opens with a short reminder, then replies to the answer.
   */
  reminds?: string[];
}

/** What the interviewer should say next; the interviewer package turns it into words. */
export type InterviewerMove = MoveBase &
  (
    | { kind: 'opening' /** The first turn also reads out the case prompt. */; withPrompt: boolean }
    | {
        kind: 'answer-facts';
        /** Facts to give; `repeat` ones were given before and get a short reminder. */
        facts: {
          id: string;
          repeat: boolean;
          nearby?: boolean;
          /**
           * The candidate stated this fact's figure wrongly (see MessageReading.misquotes): their
           * figure, and the fact's sentence with the case's. The reply corrects it, unasked.
           */
          corrects?: { said: string; sentence: string };
        }[];
        /** Question parts the case does not cover: the candidate states an assumption. */
        unanswered: string[];
        /** Question parts that fit two facts: ask which one they mean. */
        ambiguous: { question: string; options: string[] }[];
        /** The candidate's own assumptions the case leaves open: they stand. */
        assumed?: string[];
        /** Time is up; the step advances after this reply. */
        late: boolean;
      }
    | {
        kind: 'clarify';
        /**
         * `unclear`: the message could not be read; `no-fact`: the case does not say;
         * `step-order`: a move asked to a part done or under way (`toward`), which is not made;
         * `why-asked`: the candidate asked why the question matters.
         */
        reason: 'unclear' | 'no-fact' | 'step-order' | 'why-asked';
        toward?: StepId;
        unanswered: string[];
        /** The candidate's own assumptions the case leaves open: they stand. */
        assumed?: string[];
        late: boolean;
      }
    | {
        kind: 'define';
        /** Glossary terms to explain, as the interviewer package names them. */
        terms: string[];
        late: boolean;
      }
    | {
        kind: 'hint';
        level: HintLevel /** The open point the hint steers to; null: none left. */;
        pointId: string | null;
      }
    | {
        kind: 'follow-up';
        pointId: string /** Which angle: why this, what it costs, how it fails. */;
        angle: FollowUpAngle;
      }
    /** `again`: pushed back on in an earlier part, and said again here (once more, at most). */
    | {
        kind: 'challenge';
        flagId: string;
        again?: true;
        /** A sum worked out wrongly (`flagId` "miscalculation"): the candidate's words, to check again. */
        sum?: string;
        /** A measure defined as another (`flagId` "misdefined-measure"): the term and the words said. */
        definition?: { term: string; said: string };
      }
    /** A tough interviewer cuts a long answer that makes no choice short and asks for the decision. */
    | { kind: 'interrupt' }
    | {
        kind: 'probe';
        pointId: string;
        /** The candidate asked about this point themselves (see MessageReading.raised). */
        raised?: boolean;
        /** Asked again: the answer before was about something else (see MessageReading.sidestep). */
        sidestepped?: true;
      }
    | { kind: 'redirect'; reason: 'meta' | 'off-topic' | 'steer'; stepRemainingMs: number }
    | {
        kind: 'acknowledge';
        /** Nothing the matcher looks for is left in this step. */
        allCovered: boolean;
        late: boolean;
        /** The last step: there is no next part to move on to. */
        lastStep: boolean;
        /** An idea put up for a verdict is handed back: "which way would you go, and why?" */
        turnBack?: boolean;
        /**
         * The candidate asked whether they answered (see MessageReading.answeredAsked): `yes`, or
         * `partly`, with the point whose question is put another way.
         */
        answered?: 'yes' | 'partly';
        pointId?: string;
        /**
         * The candidate said the question was answered already: the interviewer owns the slip, or,
         * `unseen`, says it may have missed it and asks for the short version.
         */
        answeredAlready?: true | 'unseen';
        /** The candidate said the last question put words in their mouth: the interviewer owns it. */
        neverSaid?: true;
        /** A push-back disputed (see MessageReading.rebuttal): conceded, or said to stand. */
        rebuttal?: 'conceded' | 'stands';
      }
    /** `again`: the step's curveball put to the candidate once more, before going on without an answer. */
    /** `waved`: put again because the candidate waved it away ("I don't think that's an issue"). */
    | { kind: 'curveball'; curveballId: string; again?: true; waved?: true }
    | { kind: 'time-warning'; remainingMs: number }
    | {
        kind: 'move-on';
        reason: 'time-up' | 'candidate';
        nextStep: StepId;
        /** A later part the candidate asked to go to: it comes after `nextStep`. */
        asked?: StepId;
      }
    | { kind: 'wrap-up'; reason: EndReason }
  );

export const FOLLOW_UP_ANGLES = ['why', 'cost', 'failure'] as const;
export type FollowUpAngle = (typeof FOLLOW_UP_ANGLES)[number];

export type MoveKind = InterviewerMove['kind'];

export type EngineEffect =
  | {
      type: 'step-started';
      step: StepId;
      index: number;
      startedAt: number;
      budgetMs: number;
      reason: StepStartReason;
    }
  | { type: 'warning'; step: StepId; remainingMs: number }
  | { type: 'interviewer-move'; move: InterviewerMove }
  | { type: 'ended'; reason: EndReason; at: number };
