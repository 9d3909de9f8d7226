import {
  ClientMessage,
  type ErrorCode,
  type ErrorMessage,
  MAX_ANSWER_CHARS,
  MAX_NOTES_CHARS,
} from '@mlsd/protocol';
import { describeIssues } from '../validation.ts';

export type ParsedFrame = { ok: true; message: ClientMessage } | { ok: false; error: ErrorMessage };

function refuse(code: ErrorCode, message: string, clientId?: string): ParsedFrame {
  return {
    ok: false,
    error:
      clientId === undefined ? { type: 'error', code, message } : { type: 'error', code, message, clientId },
  };
}

const TYPES = ClientMessage.options.map((option) => option.shape.type.value).join(', ');

/** Parses one inbound frame; every failure says what was wrong and how to send it right. */
export function parseFrame(data: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return refuse('BAD_MESSAGE', 'frames must be one JSON object per message; this one is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('BAD_MESSAGE', `frames must be JSON objects with a "type" (${TYPES})`);
  }
  const raw = json as Record<string, unknown>;
  const clientId = typeof raw.clientId === 'string' && raw.clientId.length <= 64 ? raw.clientId : undefined;
  const parsed = ClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const tooLong = parsed.error.issues.find((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (tooLong) {
    const limit = raw.type === 'notes' ? MAX_NOTES_CHARS : MAX_ANSWER_CHARS;
    const what = raw.type === 'notes' ? 'notes are' : 'answers are';
    return refuse(
      'TEXT_TOO_LONG',
      `${what} limited to ${limit} characters; shorten it or split it into two messages`,
      clientId,
    );
  }
  if (!TYPES.split(', ').includes(String(raw.type))) {
    return refuse(
      'BAD_MESSAGE',
      `unknown message type ${JSON.stringify(raw.type)}; expected one of ${TYPES}`,
      clientId,
    );
  }
  return refuse(
    'BAD_MESSAGE',
    `invalid ${String(raw.type)} message: ${describeIssues(parsed.error)}`,
    clientId,
  );
}
