import {
  ClientMessage,
  type ErrorCode,
  type ErrorMessage,
  MAX_ANSWER_CHARS,
  MAX_NOTES_CHARS,
} from '@mlsd/protocol';
import { describeIssues } from '../../validation.ts';

export type ParsedFrame = { ok: true; message: ClientMessage } | { ok: false; error: ErrorMessage };

function refuse(code: ErrorCode, message: string, clientId?: string): ParsedFrame {
  const error: ErrorMessage = { type: 'error', code, message };
  if (clientId !== undefined) error.clientId = clientId;
  return { ok: false, error };
}

const TYPES = ClientMessage.def.options.map((option) => option.shape.type.def.values[0]);
const LIMITS: Record<string, string> = {
  say: `messages are limited to ${MAX_ANSWER_CHARS} characters`,
  notes: `notes are limited to ${MAX_NOTES_CHARS} characters`,
  private_notes: `notes are limited to ${MAX_NOTES_CHARS} characters`,
};

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON may spell half a surrogate pair (`"\ud800"`); UTF-8 cannot store it, so SQLite would keep
 * U+FFFD while the ack and the live frame carried the original. Replacing it in a valid message,
 * before anything is acknowledged, makes the ack, the live event, the store and the replay the
 * same text. (Refusals echo the client id as sent, so the client can match them.)
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wellFormed(inner)])) as T;
  }
  return value;
}

/**
 * Parses one inbound frame; every failure says what was wrong and how to send it right. Unknown
 * fields (a claimed role or seat) are dropped by the schema.
 */
export function parseFrame(data: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return refuse('BAD_MESSAGE', 'frames must be one JSON object per message; this one is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('BAD_MESSAGE', `frames must be JSON objects with a "type" (${TYPES.join(', ')})`);
  }
  const raw = json as Record<string, unknown>;
  // Echoed even when malformed (but short), so the client can tell which of its frames was refused.
  const clientId = typeof raw.clientId === 'string' && raw.clientId.length <= 64 ? raw.clientId : undefined;
  const parsed = ClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: wellFormed(parsed.data) };
  const type = String(raw.type);
  if (!TYPES.includes(type as ClientMessage['type'])) {
    return refuse(
      'BAD_MESSAGE',
      `unknown message type ${JSON.stringify(type.slice(0, 40))}; expected one of ${TYPES.join(', ')}`,
      clientId,
    );
  }
  const tooLong = parsed.error.issues.find((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (tooLong) {
    const limit = LIMITS[type] ?? 'that text is over its limit';
    return refuse('TEXT_TOO_LONG', `${limit}; shorten it or split it into two messages`, clientId);
  }
  // A drawing over its caps (elements, text) is refused by name, so the app can say what to remove.
  const overCap = parsed.error.issues.find(
    (issue) =>
      type === 'drawing' &&
      (issue.code === 'too_big' || issue.code === 'custom') &&
      issue.path[0] === 'scene',
  );
  if (overCap) return refuse('PAYLOAD_TOO_LARGE', `${overCap.message}; the stored drawing is kept`, clientId);
  return refuse('BAD_MESSAGE', `invalid ${type} message: ${describeIssues(parsed.error)}`, clientId);
}
