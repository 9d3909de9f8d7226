import { ClientMessage, type ErrorCode, MAX_FRAME_BYTES } from '@mlsd/protocol';
import fc from 'fast-check';

/** One generated frame and what the server must do with it. */
export type Frame =
  | { kind: 'text'; data: string }
  | { kind: 'binary'; data: Uint8Array }
  /** Bytes sent in a text frame that are not valid UTF-8. */
  | { kind: 'bad-utf8'; data: Uint8Array };

export type Expected =
  | { reply: 'error'; codes: readonly ErrorCode[]; clientId?: string }
  | { reply: 'close'; code: number };

const TYPES = ['hello', 'say', 'timer', 'notes', 'mark', 'rate', 'private_notes', 'swap'] as const;

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-1),
  fc.constant(1.5),
);
const value = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }), weight: 1 },
);
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/), weight: 3 },
  {
    arbitrary: fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', '\ud800', '{"type":"hello"}'),
    weight: 2,
  },
  // Just over the answer limit, and far over the notes limit.
  { arbitrary: fc.integer({ min: 3_990, max: 4_100 }).map((n) => 'a'.repeat(n)), weight: 1 },
  { arbitrary: fc.integer({ min: 19_990, max: 30_000 }).map((n) => 'n'.repeat(n)), weight: 1 },
);

/** Objects shaped like protocol frames with every field possibly missing or of the wrong type. */
const protocolish = fc
  .record(
    {
      type: fc.oneof({ arbitrary: fc.constantFrom(...TYPES), weight: 5 }, { arbitrary: value, weight: 1 }),
      roomId: fc.oneof(text, value),
      action: fc.oneof(fc.constantFrom('next_step', 'end', 'pause', 'start'), value),
      token: fc.oneof(text, value),
      lastSeq: fc.oneof(fc.nat(), fc.integer({ min: -5, max: 5 }), value),
      clientId: fc.oneof(text, value),
      text: fc.oneof(text, value),
      extra: value,
    },
    { requiredKeys: [] },
  )
  .map((record) => JSON.stringify(record));

const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json) ?? 'null'),
  fc.constantFrom('', '{', '[]', 'null', '"hello"', '{"type":}', '{"type":"hello"', '\u0000\u0001', '1e309'),
);

const oversize = fc
  .integer({ min: MAX_FRAME_BYTES + 1, max: MAX_FRAME_BYTES + 4_000 })
  .map((n) => JSON.stringify({ type: 'notes', text: 'z'.repeat(n) }));

const invalidUtf8 = fc
  .uint8Array({ minLength: 0, maxLength: 40 })
  .chain((bytes) =>
    fc
      .constantFrom(0xff, 0xc0, 0xed)
      .map((bad) => Uint8Array.from([...bytes.slice(0, 20), bad, ...bytes.slice(20)])),
  );

/** The frame mix: mostly malformed protocol frames, some garbage, binary, and a few that close the socket. */
export const frameArbitrary: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: protocolish.map((data): Frame => ({ kind: 'text', data })), weight: 60 },
  { arbitrary: garbage.map((data): Frame => ({ kind: 'text', data })), weight: 25 },
  {
    arbitrary: fc.uint8Array({ maxLength: 200 }).map((data): Frame => ({ kind: 'binary', data })),
    weight: 8,
  },
  { arbitrary: invalidUtf8.map((data): Frame => ({ kind: 'bad-utf8', data })), weight: 1 },
  { arbitrary: oversize.map((data): Frame => ({ kind: 'text', data })), weight: 1 },
);

/** Frames that would change the session (a valid answer, next_step, end or notes on a joined socket). */
export function changesSession(frame: Frame): boolean {
  if (frame.kind !== 'text') return false;
  const parsed = parseJson(frame.data);
  if (!parsed.ok) return false;
  const message = ClientMessage.safeParse(parsed.value);
  return message.success && message.data.type !== 'hello';
}

/**
 * The server's contract for one frame: which typed error comes back, or which close code. A
 * socket that has joined is never sent frames that would change the session (see changesSession).
 */
export function expectedFor(frame: Frame, joined: boolean): Expected {
  if (frame.kind === 'bad-utf8') return { reply: 'close', code: 1007 };
  if (frame.kind === 'binary') {
    return frame.data.byteLength > MAX_FRAME_BYTES
      ? { reply: 'close', code: 1009 }
      : { reply: 'error', codes: ['BAD_MESSAGE'] };
  }
  if (Buffer.byteLength(frame.data, 'utf8') > MAX_FRAME_BYTES) return { reply: 'close', code: 1009 };
  const parsed = parseJson(frame.data);
  if (
    !parsed.ok ||
    typeof parsed.value !== 'object' ||
    parsed.value === null ||
    Array.isArray(parsed.value)
  ) {
    return { reply: 'error', codes: ['BAD_MESSAGE'] };
  }
  const raw = parsed.value as Record<string, unknown>;
  const clientId = typeof raw.clientId === 'string' && raw.clientId.length <= 64 ? raw.clientId : undefined;
  const withId = <T extends Expected>(expected: T): T =>
    clientId === undefined ? expected : { ...expected, clientId };
  const message = ClientMessage.safeParse(raw);
  if (!message.success) return withId({ reply: 'error', codes: ['BAD_MESSAGE', 'TEXT_TOO_LONG'] });
  if (message.data.type === 'hello')
    return { reply: 'error', codes: [joined ? 'ALREADY_JOINED' : 'UNAUTHORIZED'] };
  if (joined) throw new Error('a joined socket must not be sent frames that change the session');
  // The reply names the client id of a valid frame only when the frame type has one (notes has none).
  const validId = 'clientId' in message.data ? message.data.clientId : undefined;
  return validId === undefined
    ? { reply: 'error', codes: ['NOT_JOINED'] }
    : { reply: 'error', codes: ['NOT_JOINED'], clientId: validId };
}

function parseJson(data: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(data) };
  } catch {
    return { ok: false };
  }
}
