import { allowedMoves, type Transition, transition } from './machine.ts';
import type { EngineState } from './state.ts';
import type { InterviewerMove, MessageReading } from './types.ts';

/** One reply the engine allows to an answer: its letter for the model, and the transition it commits. */
export interface AnswerOption {
  label: string;
  move: InterviewerMove;
  transition: Transition;
}

/** Most options offered in one request: enough for each kind of reply, few enough to stay short. */
export const MAX_OPTIONS = 6;
/** Most options of one kind (two probes, two follow-ups...), so every kind gets a place. */
const PER_KIND = 2;
const LABELS = 'ABCDEF';

/**
 * The replies a model may choose from for an answer read as `offline`: first the engine's own
 * choice (the default), then one per move `allowedMoves` lists, each as the transition the engine
 * makes when that move is preferred. The engine is pure (`transition` works on a copy), so
 * computing every candidate commits nothing; only the chosen one's state is ever stored. A
 * preference the engine does not take gives the default again and is dropped as a duplicate, so
 * every option is a move the engine itself decided. Fewer than two options: nothing to choose.
 */
export function answerOptions(state: EngineState, offline: MessageReading, now: number): AnswerOption[] {
  const replyTo = (reading: MessageReading) => transition(state, { type: 'candidate-message', reading }, now);
  const first = replyTo(offline);
  const defaultMove = onlyMove(first);
  if (defaultMove === null) return [];
  const picked: { move: InterviewerMove; transition: Transition }[] = [
    { move: defaultMove, transition: first },
  ];
  const seen = new Set([JSON.stringify(defaultMove)]);
  const perKind = new Map([[defaultMove.kind, 1]]);
  let acknowledge: { move: InterviewerMove; transition: Transition } | null = null;
  for (const preferred of allowedMoves(state, offline, now)) {
    // The engine takes a preferred move only as it is (same kind), so a full kind needs no transition.
    // The plain acknowledgement always keeps a place: "nothing to add" must stay a choice.
    const full = (perKind.get(preferred.kind) ?? 0) >= PER_KIND || picked.length >= MAX_OPTIONS - 1;
    if (preferred.kind !== 'acknowledge' && full) continue;
    const next = replyTo({ ...offline, preferred });
    const move = onlyMove(next);
    if (move === null || seen.has(JSON.stringify(move))) continue;
    seen.add(JSON.stringify(move));
    if (move.kind === 'acknowledge') acknowledge = { move, transition: next };
    else {
      perKind.set(move.kind, (perKind.get(move.kind) ?? 0) + 1);
      picked.push({ move, transition: next });
    }
  }
  if (acknowledge) picked.push(acknowledge);
  if (picked.length < 2) return [];
  return picked.map((option, i) => ({ ...option, label: LABELS[i]! }));
}

/** The move of a transition that only says one thing (an answer's reply); null otherwise. */
function onlyMove(next: Transition): InterviewerMove | null {
  const [effect, ...rest] = next.effects;
  return effect?.type === 'interviewer-move' && rest.length === 0 ? effect.move : null;
}
