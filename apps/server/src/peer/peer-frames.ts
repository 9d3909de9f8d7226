import {
  MAX_ANSWER_CHARS,
  PeerClientMessage,
  type PeerErrorCode,
  type PeerErrorMessage,
} from '@mlsd/protocol';
import { describeIssues } from '../validation.ts';

export type ParsedPeerFrame =
  | { ok: true; message: PeerClientMessage }
  | { ok: false; error: PeerErrorMessage };

const TYPES = PeerClientMessage.options.map((option) => option.shape.type.value);

function refuse(code: PeerErrorCode, message: string, clientId?: string): ParsedPeerFrame {
  const error: PeerErrorMessage = { type: 'peer_error', code, message };
  if (clientId !== undefined) error.clientId = clientId;
  return { ok: false, error };
}

/** Parses one inbound peer frame; a refusal says what was wrong. Unknown fields (a claimed role) are dropped. */
export function parsePeerFrame(data: string): ParsedPeerFrame {
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
  const clientId =
    typeof raw.clientId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw.clientId) ? raw.clientId : undefined;
  const parsed = PeerClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  if (!TYPES.includes(String(raw.type) as PeerClientMessage['type'])) {
    return refuse(
      'BAD_MESSAGE',
      `unknown message type ${JSON.stringify(String(raw.type).slice(0, 40))}; expected one of ${TYPES.join(', ')}`,
      clientId,
    );
  }
  const tooLong = parsed.error.issues.find((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (tooLong) {
    const limit = raw.type === 'peer_say' ? `${MAX_ANSWER_CHARS} characters` : 'its limit';
    return refuse('TEXT_TOO_LONG', `that text is over ${limit}; shorten it or split it`, clientId);
  }
  return refuse(
    'BAD_MESSAGE',
    `invalid ${String(raw.type)} message: ${describeIssues(parsed.error)}`,
    clientId,
  );
}
