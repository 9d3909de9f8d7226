import { z } from 'zod';
import { MAX_ANSWER_CHARS, MAX_FRAME_BYTES, MAX_NOTES_CHARS, StepProgress, Turn } from './common.ts';
import {
  CANDIDATE_VISIBLE,
  PeerClientMessage,
  PeerClock,
  PeerErrorCode,
  PeerRoomView,
  PeerServerMessage,
} from './peer.ts';
import { ClientMessage, CloseCode, ErrorCode, ServerMessage, SessionView } from './ws.ts';

/**
 * Renders docs/protocol.md from the schemas themselves. A test compares the file on disk with
 * this output, so the document cannot drift from the code: change a schema, run
 * `pnpm --filter @mlsd/protocol docs`, commit both.
 */

const ABOUT: Record<string, string> = {
  hello:
    'First frame on every connection. The server answers with `snapshot`, then replays every stored event with `seq > lastSeq`.',
  answer:
    'A candidate answer or clarifying question. Committed to SQLite before the `ack`; a resent `clientId` is acknowledged again with `duplicate: true` and not stored twice.',
  next_step: 'The candidate asks to move on to the next step.',
  end: 'The candidate ends the interview early; the report is built and `ended` follows.',
  notes: 'The whole notes-pad text (last write wins). It counts as candidate-authored text for scoring.',
  turn: 'A transcript turn from either seat (numbered event).',
  step: 'A step began; `reason` says why the previous one ended (numbered event).',
  warning: 'The current step has about a minute left (numbered event).',
  ended: 'The interview is over and the report is stored under `reportId` (numbered event).',
  snapshot:
    'Reply to `hello`: everything needed to draw the room. Not numbered; `lastSeq` is the newest event.',
  ack: 'A candidate frame with this `clientId` is committed.',
  error: 'A frame was refused; nothing was stored and the connection stays open.',
  turn_delta:
    'A piece of an interviewer message as the language model writes it: append `text` to the draft `draftId` (create it on the first piece). Not numbered, not stored, not replayed: a reconnecting client gets only committed turns. The `turn` event whose `turn.draftId` matches replaces the draft, and its text is the one that counts.',
  turn_discard:
    'Drop the draft `draftId`: the model failed half-way (`failed`) or its message was replaced by the offline line (`replaced`). The committed `turn` follows. Not numbered, not stored.',
  Turn: 'One transcript entry, as carried by `turn` events and `snapshot.transcript`. Times are server epoch milliseconds.',
  StepProgress: 'One step of the step rail in `snapshot.steps`.',
  SessionView: 'The session as described in `snapshot.session`.',
  peer_hello:
    'First frame on a `/ws/peer` connection. The token alone decides the seat; a `role` or `seat` field in any frame is ignored. Unknown rooms and wrong tokens get the same `UNAUTHORIZED` reply.',
  peer_say:
    "A transcript message from the sender's seat (the candidate's answers and questions, the interviewer's questions). Committed before the `peer_ack`; a resent `clientId` is not stored twice.",
  peer_pad:
    "Candidate only. The whole notes and diagram pad (markdown with mermaid blocks; last write wins). The interviewer sees it as it is typed; it counts as the candidate's words for scoring.",
  peer_timer:
    'Interviewer only. `start` (in the lobby), `pause`, `resume`, `next_step`, `add_minutes` (with `minutes`) or `end`.',
  peer_mark:
    "Interviewer only. Confirms or overrides the automatic coverage of a talking point (`covered` / `missed`); `null` goes back to the matcher's verdict.",
  peer_rate: 'Interviewer only. A 1-4 rating (`null` clears it) and a comment for one step.',
  peer_private_notes: "Interviewer only. The interviewer's private notes; the candidate never receives them.",
  peer_swap:
    'Either seat, after the end: creates a room with the seats swapped and a different case (hidden until the start). Both seats get `peer_next_room`; each opens it with its own token.',
  peer_snapshot:
    "Reply to `peer_hello`, and sent again to both seats when the interview starts. Projected per seat: the candidate's never names a surprise case before the start.",
  peer_console:
    'Interviewer only, after each snapshot: the prompt, every step with its talking points, probes, strong answers, curveballs and red flags, the case facts, live coverage and the assessment so far.',
  peer_coverage: 'Interviewer only. The automatic coverage after a candidate message or pad change.',
  peer_assessment:
    'Interviewer only. Marks, ratings and private notes as stored (echoed to every interviewer tab).',
  peer_pad_update: "Interviewer only. The candidate's pad as they type.",
  peer_presence: 'Which seats are connected.',
  peer_clock: 'The clock changed: started, paused, resumed, extended or moved to another step.',
  peer_next_room: 'A swapped room exists; open `#/peer/<roomId>/<your token>`.',
  peer_ack: 'A frame with this `clientId` is committed.',
  peer_error: 'A frame was refused; nothing was stored.',
  PeerRoomView: 'The room in `peer_snapshot.room`.',
  PeerClock: 'The clock in `peer_snapshot.clock` and `peer_clock.clock`; `pausedAt` freezes it.',
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  const?: unknown;
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'unknown'}[]`;
  if (schema.type === 'object') return 'object';
  const type = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'unknown');
  const limits: string[] = [];
  if (schema.minLength !== undefined) limits.push(`min ${schema.minLength}`);
  if (schema.maxLength !== undefined) limits.push(`max ${schema.maxLength}`);
  if (schema.minimum !== undefined) limits.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER)
    limits.push(`≤ ${schema.maximum}`);
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : type;
}

function messageSection(schema: z.ZodType, title?: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const name = title ?? String(json.properties?.type?.const);
  const rows = Object.entries(json.properties ?? {}).map(([field, value]) => {
    const required = json.required?.includes(field) ? 'yes' : 'no';
    return `| \`${field}\` | ${typeOf(value)} | ${required} |`;
  });
  return [
    title ? `### ${name}` : `### \`${name}\``,
    '',
    ABOUT[name] ?? '',
    '',
    '| field | type | required |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The whole document. */
export function renderProtocolDoc(): string {
  const client = ClientMessage.options.map((schema) => messageSection(schema));
  const server = ServerMessage.options.map((schema) => messageSection(schema));
  const shapes = [
    messageSection(Turn, 'Turn'),
    messageSection(StepProgress, 'StepProgress'),
    messageSection(SessionView, 'SessionView'),
  ];
  const codes = ErrorCode.options.map((code) => `- \`${code}\``).join('\n');
  const peerClient = PeerClientMessage.options.map((schema) => messageSection(schema));
  const shared = new Set(ServerMessage.options.map((schema) => schema.shape.type.value as string));
  const peerServer = PeerServerMessage.options
    .filter((schema) => !shared.has(schema.shape.type.value))
    .map((schema) => messageSection(schema));
  const peerShapes = [messageSection(PeerRoomView, 'PeerRoomView'), messageSection(PeerClock, 'PeerClock')];
  const candidateSees = [...CANDIDATE_VISIBLE].map((type) => `\`${type}\``).join(', ');
  const peerCodes = PeerErrorCode.options.map((code) => `- \`${code}\``).join('\n');
  const closes = Object.entries(CloseCode)
    .map(([name, code]) => `| ${code} | ${name} |`)
    .join('\n');
  return `# The websocket protocol

<!-- Generated by packages/protocol/src/docs.ts from the zod schemas; do not edit by hand. -->

The browser talks to the server over one websocket at \`/ws\`. Every frame is a JSON object
with a \`type\`. Frames are validated against the schemas in \`packages/protocol/src/ws.ts\`;
the tables below are generated from them.

## Sequence numbers and reconnects

Events that change the session (\`turn\`, \`step\`, \`warning\`, \`ended\`) are stored with a
sequence number \`seq\` that increases by one per session. A client remembers the highest \`seq\`
it applied and sends it as \`lastSeq\` in \`hello\`; the server replies with a \`snapshot\` and
then replays exactly the events after \`lastSeq\`, so nothing is missed and nothing arrives twice.
Replies to one connection (\`snapshot\`, \`ack\`, \`error\`) are not numbered.

With the language-model interviewer, an interviewer message streams as \`turn_delta\` frames
before its \`turn\` event is committed. Drafts are not numbered, not stored and not replayed:
the committed \`turn\` (with the same \`draftId\`) replaces the draft, a \`turn_discard\` drops a
draft the model could not finish, and a client that reconnects simply forgets its drafts.

Candidate frames carry a \`clientId\`. The server commits the frame, then acknowledges it; a
client keeps every unacknowledged frame and resends it with the same \`clientId\` after a
reconnect. A frame the server has already stored is acknowledged with \`duplicate: true\`.

## Limits

- A frame may be at most ${MAX_FRAME_BYTES} bytes; a larger one closes the socket with 1009.
- An answer may be at most ${MAX_ANSWER_CHARS} characters; the notes pad at most ${MAX_NOTES_CHARS}.
- Per-message deflate is off.

## Client to server

${client.join('\n')}
## Server to client

${server.join('\n')}
## Shared shapes

${shapes.join('\n')}
## Error codes

An \`error\` frame never closes the connection and never changes the session.

${codes}

## Close codes

| code | meaning |
|---|---|
${closes}

## Peer mode: \`/ws/peer\`

A peer room has two seats, interviewer and candidate, each with its own token (32 random bytes,
stored hashed, compared in constant time). The token decides the seat; nothing in a frame can
change it. The server projects every frame per seat: a candidate seat only ever receives
${candidateSees}, and none of them carries rubric text (talking points, probes, strong answers,
facts), coverage, ratings or probed point ids. On a reconnect the seat gets a fresh
\`peer_snapshot\` (and the interviewer a fresh \`peer_console\`); numbered events after it carry
on from its \`lastSeq\`. The numbered \`turn\`, \`step\`, \`warning\` and \`ended\` events are the ones
above; the human interviewer drives the clock and the offline interviewer stays silent.

### Client to server

${peerClient.join('\n')}
### Server to client

${peerServer.join('\n')}
### Peer shapes

${peerShapes.join('\n')}
### Peer error codes

${peerCodes}
`;
}
