import type { Turn } from '@mlsd/protocol';
import type { TurnMeta, turns } from './schema.ts';

/** How a session turn maps to its `turns` row and back; the row keeps rare fields in `meta`. */

type TurnRow = typeof turns.$inferSelect;

export function toTurn(row: TurnRow): Turn {
  const turn: Turn = {
    id: String(row.index),
    role: row.role,
    step: row.step as Turn['step'],
    kind: row.kind as Turn['kind'],
    text: row.text,
    at: row.at,
  };
  if (row.clientId !== null) turn.clientId = row.clientId;
  if (row.probedPointIds !== null) turn.probedPointIds = row.probedPointIds;
  if (row.meta !== null) Object.assign(turn, row.meta);
  return turn;
}

// Every optional Turn field but clientId and probedPointIds (own columns): the transcript must give
// back the turn its event carried (the room-store contract checks it), draftId included.
const META_KEYS = [
  'hintLevel',
  'hintPointIds',
  'challengedFlagIds',
  'curveballId',
  'intent',
  'draftId',
] as const;

/** The turn's optional fields for the `meta` column; null when it has none. */
export function turnMeta(turn: Turn): TurnMeta | null {
  const meta: Record<string, unknown> = {};
  for (const key of META_KEYS) if (turn[key] !== undefined) meta[key] = turn[key];
  return Object.keys(meta).length > 0 ? (meta as TurnMeta) : null;
}
