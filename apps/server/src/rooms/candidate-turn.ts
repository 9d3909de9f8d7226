import type { Turn } from '@mlsd/protocol';

/**
 * A transcript turn as a candidate's seat may see it, solo or peer: a whitelist, so rubric
 * internals (probed, hinted or challenged point ids, a curveball's id) never reach the candidate,
 * whatever field is added to `Turn` later.
 */
export function candidateTurn(turn: Turn): Turn {
  const out: Turn = {
    id: turn.id,
    role: turn.role,
    step: turn.step,
    kind: turn.kind,
    text: turn.text,
    at: turn.at,
  };
  if (turn.clientId !== undefined) out.clientId = turn.clientId;
  if (turn.draftId !== undefined) out.draftId = turn.draftId;
  if (turn.hintLevel !== undefined) out.hintLevel = turn.hintLevel;
  if (turn.intent !== undefined) out.intent = turn.intent;
  return out;
}
