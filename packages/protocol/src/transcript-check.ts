import type { TranscriptFile, TranscriptTurn } from './transcript.ts';
import { CANDIDATE_INTENTS, HINT_LEVELS, ROLES, TURN_KINDS } from './values.ts';

/**
 * `TranscriptFile.parse` for the files it accepts, without zod: a fresh `mlsd score` process then
 * never loads zod (about 20 ms of its start) unless a file is wrong. For a parsed JSON value that
 * the schema (transcript.ts) accepts, this returns the very value zod returns: new objects with the
 * schema's keys first, in the schema's order, then any other keys as they came. For anything else
 * it returns null, and the caller asks zod, whose messages say what is wrong. It may say null for
 * a value zod would accept (a `__proto__` key), never the other way round
 * (`transcript-check.test.ts` compares the two on every calibration transcript and on broken ones).
 */
export function quickParseTranscriptFile(value: unknown): TranscriptFile | null {
  if (!isRecord(value)) return null;
  const { caseId, durationMinutes, notes, turns } = value;
  if (typeof caseId !== 'string' || caseId.length < 1) return null;
  if (!optional(durationMinutes, isNumber) || !optional(notes, isString)) return null;
  if (!Array.isArray(turns)) return null;
  const parsedTurns: TranscriptTurn[] = [];
  for (const turn of turns) {
    const parsed = quickParseTurn(turn);
    if (!parsed) return null;
    parsedTurns.push(parsed);
  }
  return withRest(value, FILE_KEYS, { caseId, durationMinutes, notes, turns: parsedTurns }) as TranscriptFile;
}

/** The keys of `TranscriptFile`, in the schema's order. */
const FILE_KEYS = ['caseId', 'durationMinutes', 'notes', 'turns'] as const;
/** The keys of `TranscriptTurn`, in the schema's order. */
const TURN_KEYS = [
  'role',
  'step',
  'text',
  't',
  'probedPointIds',
  'kind',
  'hintLevel',
  'hintPointIds',
  'challengedFlagIds',
  'curveballId',
  'intent',
] as const;

function quickParseTurn(turn: unknown): TranscriptTurn | null {
  if (!isRecord(turn)) return null;
  const { role, step, text, t, probedPointIds, kind, hintLevel, hintPointIds, challengedFlagIds } = turn;
  const { curveballId, intent } = turn;
  const ok =
    oneOf(role, ROLES) &&
    optional(step, isString) &&
    isString(text) &&
    optional(t, (time) => isNumber(time) && time >= 0) &&
    optional(probedPointIds, isStringArray) &&
    optional(kind, (value) => oneOf(value, TURN_KINDS)) &&
    optional(hintLevel, (value) => oneOf(value, HINT_LEVELS)) &&
    optional(hintPointIds, isStringArray) &&
    optional(challengedFlagIds, isStringArray) &&
    optional(curveballId, isString) &&
    optional(intent, (value) => oneOf(value, CANDIDATE_INTENTS));
  if (!ok) return null;
  // zod hands back copies of arrays, so the caller never shares them with the input either.
  const copy = (list: unknown) => (Array.isArray(list) ? [...list] : list);
  const known = {
    role,
    step,
    text,
    t,
    probedPointIds: copy(probedPointIds),
    kind,
    hintLevel,
    hintPointIds: copy(hintPointIds),
    challengedFlagIds: copy(challengedFlagIds),
    curveballId,
    intent,
  };
  return withRest(turn, TURN_KEYS, known) as TranscriptTurn | null;
}

/**
 * A new object as zod's `looseObject` builds it: the schema's keys present in `input`, in the
 * schema's order, then the input's other keys in their order; null for a `__proto__` key, which
 * an assignment would not copy as a key.
 */
function withRest(
  input: Record<string, unknown>,
  keys: readonly string[],
  known: Record<string, unknown>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(input, key)) out[key] = known[key];
  for (const key of Object.keys(input)) {
    if (key === '__proto__') return null;
    if (!keys.includes(key)) out[key] = input[key];
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** zod's `z.number()`: a finite number. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every(isString);
}

function oneOf(value: unknown, options: readonly unknown[]): boolean {
  return options.includes(value);
}

/** `z.optional`: absent (undefined) or valid. */
function optional(value: unknown, valid: (value: unknown) => boolean): boolean {
  return value === undefined || valid(value);
}
