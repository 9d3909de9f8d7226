import type { CurveballResult } from '@mlsd/protocol';
import type { CaseStudy, Curveball, StepId } from '@mlsd/rubric';
import type { AnalysisCache } from './analyse.ts';
import { type CompiledRubric, normalise, type PhraseKey, phraseKey } from './compile.ts';
import { covers, type Idea, ideasOf, saidWords } from './curveball-ideas.ts';
import { type SessionTurn, says } from './session.ts';

/** A curveball enters its step's score as one more point of this weight ("expected" on the 1-3 scale). */
export const CURVEBALL_WEIGHT = 2;
/**
 * Share of the ideas of `expects` that earns the full weight. `expects` lists every angle a model
 * answer could take; a reaction that covers half of them in a minute or two is a good one.
 */
export const CURVEBALL_FULL_SHARE = 0.5;
/** Candidate answers after the curveball that count as the reaction to it. */
export const REACTION_ANSWERS = 3;

export interface ThrownCurveball {
  ball: Curveball;
  turnIndex: number;
  step: StepId;
}

const keysMemo = new WeakMap<CaseStudy, { ball: Curveball; key: PhraseKey }[]>();

function curveballKeys(study: CaseStudy): { ball: Curveball; key: PhraseKey }[] {
  let keys = keysMemo.get(study);
  if (!keys) {
    keys = study.curveballs.map((ball) => ({ ball, key: phraseKey(ball.text) }));
    keysMemo.set(study, keys);
  }
  return keys;
}

/**
 * The curveballs the interviewer threw, each once: a turn of kind `curveball` naming its id, or a
 * curveball turn (or a turn of unknown kind, as in older transcript files) that says a curveball's
 * text. Steps come from the turn; a stepless transcript uses the rubric's step.
 */
export function thrownCurveballs(
  rubric: CompiledRubric,
  turns: readonly SessionTurn[],
  steps: readonly (StepId | null)[],
  cache: AnalysisCache,
): ThrownCurveball[] {
  const keys = curveballKeys(rubric.study);
  const thrown: ThrownCurveball[] = [];
  turns.forEach((turn, turnIndex) => {
    if (turn.role !== 'interviewer' || (turn.kind !== undefined && turn.kind !== 'curveball')) return;
    const byId = turn.curveballId && keys.find(({ ball }) => ball.id === turn.curveballId)?.ball;
    const ball =
      byId || keys.find(({ key }) => says(normalise(turn.text), cache.lemmaSet(turn.text), key))?.ball;
    if (!ball || thrown.some((earlier) => earlier.ball.id === ball.id)) return;
    thrown.push({ ball, turnIndex, step: steps[turnIndex] ?? ball.step });
  });
  return thrown;
}

/**
 * Grades the candidate's next answers in the curveball's step (up to three; clarifying questions
 * are skipped) against the ideas of `expects`. No answer at all (the interview ended) is reported
 * with weight 0, so it neither earns nor costs.
 */
export function gradeCurveball(
  thrown: ThrownCurveball,
  turns: readonly SessionTurn[],
  steps: readonly (StepId | null)[],
  cache: AnalysisCache,
): CurveballResult {
  const { ball, turnIndex } = thrown;
  const ideas = ideasOf(ball);
  const echo = cache.lemmaSet(turns[turnIndex]?.text ?? '');
  const reaction = reactionTurns(turnIndex, turns, steps);
  const covered = new Set<number>();
  let best: { quote: string; turnIndex: number; count: number } | null = null;
  for (const index of reaction) {
    const analysis = cache.analysis(turns[index]?.text ?? '');
    for (const segment of analysis.segments) {
      if (segment.graderDirected !== null) continue;
      const said = saidWords(segment);
      const hits = ideas.flatMap((idea, i) => (covers(said, idea, echo) ? [i] : []));
      for (const i of hits) covered.add(i);
      if (hits.length > (best?.count ?? 0)) {
        best = {
          quote: analysis.text.slice(segment.start, segment.end),
          turnIndex: index,
          count: hits.length,
        };
      }
    }
  }
  const share = ideas.length === 0 ? 0 : covered.size / ideas.length;
  return {
    id: ball.id,
    text: ball.text,
    expects: ball.expects,
    turnIndex,
    covered: ideas.filter((_, i) => covered.has(i)).map((idea) => idea.label),
    missing: ideas.filter((_, i) => !covered.has(i)).map((idea) => idea.label),
    share: Math.round(share * 1000) / 1000,
    weight: reaction.length > 0 && ideas.length > 0 ? CURVEBALL_WEIGHT : 0,
    credit: Math.round(Math.min(1, share / CURVEBALL_FULL_SHARE) * 1000) / 1000,
    evidence: best && { quote: best.quote, turnIndex: best.turnIndex },
  };
}

/**
 * Interviewer moves that ask about something else: once the candidate has answered, what follows
 * one of them answers that, not the curveball ("a user just tapped three travel ads; how soon does
 * the next prediction know?" after a curveball the candidate let pass was graded as its reaction).
 */
const MOVES_ON: ReadonlySet<string> = new Set(['probe', 'challenge', 'move-on', 'interrupt']);

/**
 * Indexes of the candidate answers that react to the curveball thrown at `from`: up to three
 * answers in the same step, clarifying questions skipped, ending at another curveball, or at a new
 * question once the candidate has answered. The same curveball put again ("Before we move on, back
 * to the change I mentioned") goes on asking it. The judge reads the same answers.
 */
export function reactionTurns(
  from: number,
  turns: readonly SessionTurn[],
  steps: readonly (StepId | null)[],
): number[] {
  const out: number[] = [];
  const thrown = turns[from];
  for (let i = from + 1; i < turns.length && out.length < REACTION_ANSWERS; i++) {
    const turn = turns[i];
    if (!turn || steps[i] !== steps[from]) break;
    if (turn.role === 'interviewer') {
      const again = turn.kind === 'curveball' && sameCurveball(turn, thrown);
      if (turn.kind === 'curveball' && !again) break;
      if (out.length > 0 && turn.kind !== undefined && MOVES_ON.has(turn.kind)) break;
      continue;
    }
    if (turn.text.trim() === '' || turn.intent === 'facts') continue;
    out.push(i);
  }
  return out;
}

/** Whether two curveball turns put the same curveball (by id, or by text in files without ids). */
function sameCurveball(turn: SessionTurn, thrown: SessionTurn | undefined): boolean {
  if (!thrown) return false;
  if (turn.curveballId !== undefined || thrown.curveballId !== undefined)
    return turn.curveballId === thrown.curveballId;
  return turn.text === thrown.text;
}

/**
 * Share of a curveball's expected reaction the candidate has already said in `texts`, before it
 * is thrown: a constraint whose answer they gave unprompted ("test only on months with mature
 * labels") is no surprise, and throwing it contradicts them.
 */
export function anticipatedShare(
  ball: Pick<Curveball, 'expects' | 'plain'>,
  texts: readonly string[],
  cache: AnalysisCache,
): number {
  const { expects } = ball;
  const ideas = ideasOf(ball);
  if (ideas.length === 0) return 0;
  const covered = new Set<number>();
  for (const text of texts) for (const i of ideasSaidIn(cache.analysis(text), expects, ideas)) covered.add(i);
  return covered.size / ideas.length;
}

/** Per analysed text and curveball, the ideas it says: each text is read once per session, not per message. */
const saidIdeas = new WeakMap<object, Map<string, readonly number[]>>();
const NO_ECHO: ReadonlySet<string> = new Set();

function ideasSaidIn(
  analysis: ReturnType<AnalysisCache['analysis']>,
  expects: string,
  ideas: readonly Idea[],
): readonly number[] {
  let byBall = saidIdeas.get(analysis);
  if (!byBall) {
    byBall = new Map();
    saidIdeas.set(analysis, byBall);
  }
  let said = byBall.get(expects);
  if (!said) {
    const found = new Set<number>();
    for (const segment of analysis.segments) {
      if (segment.graderDirected !== null || segment.question) continue;
      const words = saidWords(segment);
      ideas.forEach((idea, i) => {
        if (covers(words, idea, NO_ECHO)) found.add(i);
      });
    }
    said = [...found];
    byBall.set(expects, said);
  }
  return said;
}
