import * as z from '#zod';
import { CAPABILITIES } from './capabilities.ts';
import { ClientMessage } from './client-frames.ts';
import { MAX_ANSWER_CHARS, MAX_FRAME_BYTES, MAX_NOTES_CHARS, StepProgress, Turn } from './common.ts';
import { ERROR_STATUS, ErrorCode, RETRYABLE_CODES } from './errors.ts';
import { Presence, RoomClock, RoomView } from './room.ts';
import { CANDIDATE_VISIBLE, CloseCode, ServerMessage } from './server-frames.ts';

/**
 * Renders docs/protocol.md from the schemas themselves. A test compares the file on disk with
 * this output, so the document cannot drift from the code: change a schema, run
 * `pnpm --filter @mlsd/protocol docs`, commit both.
 */

const ABOUT: Record<string, string> = {
  hello:
    'First frame on every connection. The token alone decides the seat. The server answers with `snapshot` (and, for an interviewer view, `console`), which holds every event up to its own `lastSeq`; only later events follow, live. Unknown rooms and wrong tokens get the same `UNAUTHORIZED` reply; after 10 failed hellos the socket is closed with 1008.',
  say: "A transcript line from the sender's seat: the candidate's answers and questions, a human interviewer's questions. Committed before the `ack`; a resent `clientId` is acknowledged again with `duplicate: true` and not stored twice. In a solo room the interviewer replies.",
  notes:
    "Candidate only. The whole notes and diagram pad (markdown with mermaid blocks; last write wins). Other seats see it as it is typed; it counts as the candidate's words for scoring.",
  drawing:
    "Candidate only. The whole whiteboard (a capped subset of an Excalidraw scene; last write wins, `scene.version` rises with each save). A drawing over its caps (elements, text, or bytes in one frame) is refused with `PAYLOAD_TOO_LARGE` and the stored one is kept. Other seats see it live; its text graph (arrows and free text) counts as the candidate's words for scoring.",
  timer:
    'The clock. A human interviewer: `start` (in the lobby), `pause`, `resume`, `next_step`, `add_minutes` (with `minutes`) or `end`. A solo candidate: `pause`, `resume`, `next_step` or `end` (the report is built and `ended` follows). In a solo room `pause` and `resume` are followed by a `clock` frame to every seat. While a solo clock is paused, time stops (no warning, no time-up, and the step is not charged for it; the report gives the total as `pausedMs`) and `say` is refused with `PAUSED`: resume first. Moving on or ending while paused lets the clock run again.',
  mark: "Human interviewer only. Confirms or overrides the automatic coverage of a talking point (`covered` / `missed`); `null` goes back to the matcher's verdict.",
  rate: 'Human interviewer only. A 1-4 rating (`null` clears it) and a comment for one step.',
  private_notes:
    "Human interviewer only. The interviewer's private notes; the candidate never receives them.",
  swap: 'Either peer seat, after the end: creates a room with the seats swapped and a different case (hidden until the start). Both seats get `next_room`; each opens it with its own token. When every case left would show the new candidate an answer key they held as interviewer, the swap is refused with `SWAP_UNAVAILABLE`, which sending it again does not change: create a new room instead.',
  turn: 'A transcript turn from either seat (numbered event).',
  step: 'A step began; `reason` says why the previous one ended (numbered event).',
  warning: 'The current step has about a minute left (numbered event).',
  ended: 'The interview is over and the report is stored under `reportId` (numbered event).',
  snapshot:
    'Reply to `hello`, and again to every seat when a peer lobby starts: everything needed to draw the room. Not numbered; `lastSeq` is the newest event. Projected per seat: a candidate view never names a surprise case before the start.',
  console:
    'Interviewer views only, after each snapshot: the prompt, every step with its talking points, probes, strong answers, curveballs and red flags, the case facts, live coverage and the assessment so far.',
  coverage: 'Interviewer views only. The automatic coverage after a candidate message or pad change.',
  assessment:
    'Interviewer views only. Marks, ratings and private notes as stored (echoed to every interviewer tab).',
  notes_update: "The candidate's pad as they type, to every seat but the candidate's own.",
  drawing_update: "The candidate's whiteboard as they draw, to every seat but the candidate's own.",
  presence: 'Which seats are connected, and how many observers.',
  clock: 'The clock changed: started, paused, resumed, extended or moved to another step.',
  next_room: 'A swapped peer room exists; open `#/peer/<roomId>/<your token>`.',
  ack: 'A frame with this `clientId` is committed.',
  error:
    'A frame was refused; the connection stays open. With `retryable: true` (code `UNAVAILABLE`) the room could not take it just now: send the same frame, same `clientId`, again after a short wait (it is stored at most once). Any other refusal: nothing was stored, and the same frame would be refused again.',
  turn_delta:
    'A piece of an interviewer message as the language model writes it: append `text` to the draft `draftId` (create it on the first piece). Not numbered, not stored, not replayed: a reconnecting client gets only committed turns. The `turn` event whose `turn.draftId` matches replaces the draft, and its text is the one that counts.',
  turn_discard:
    'Drop the draft `draftId`: the model failed half-way (`failed`) or its message was replaced by the offline line (`replaced`). The committed `turn` follows. Not numbered, not stored.',
  Turn: 'One transcript entry, as carried by `turn` events and `snapshot.transcript`. Times are server epoch milliseconds.',
  StepProgress: 'One step of the step rail in `snapshot.clock.steps`.',
  RoomView: 'The room as described in `snapshot.room`.',
  RoomClock: 'The clock in `snapshot.clock` and `clock.clock`; `pausedAt` freezes it.',
  Presence: 'Who is connected, in `snapshot.presence` and `presence.presence`.',
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

function messageSection(schema: z.core.$ZodType, title?: string): string {
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
  const client = ClientMessage.def.options.map((schema) => messageSection(schema));
  const server = ServerMessage.def.options.map((schema) => messageSection(schema));
  const shapes = [
    messageSection(Turn, 'Turn'),
    messageSection(StepProgress, 'StepProgress'),
    messageSection(RoomView, 'RoomView'),
    messageSection(RoomClock, 'RoomClock'),
    messageSection(Presence, 'Presence'),
  ];
  const codes = ErrorCode.options
    .map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${RETRYABLE_CODES.has(code) ? 'yes' : 'no'} |`)
    .join('\n');
  const candidateSees = [...CANDIDATE_VISIBLE].map((type) => `\`${type}\``).join(', ');
  const seats = Object.entries(CAPABILITIES)
    .flatMap(([mode, bySeat]) =>
      Object.entries(bySeat).map(
        ([seat, commands]) =>
          `| ${mode} | ${seat} | ${commands.length > 0 ? commands.map((c) => `\`${c}\``).join(', ') : '(watches only)'} |`,
      ),
    )
    .join('\n');
  const closes = Object.entries(CloseCode)
    .map(([name, code]) => `| ${code} | ${name} |`)
    .join('\n');
  return `# The websocket protocol

<!-- Generated by packages/protocol/src/docs.ts from the zod schemas; do not edit by hand. -->

The browser talks to the server over one websocket at \`/ws\`. Every frame is a JSON object
with a \`type\`. Frames are validated against the schemas in \`packages/protocol/src/client-frames.ts\`
and \`server-frames.ts\`; the tables below are generated from them.

## Rooms and seats

Every interview is a room. A solo mock is a room whose interviewer is the server (the offline
interviewer or a language model) and whose one human seat is the candidate; a peer mock has two
human seats, interviewer and candidate. Anyone a seat holder invites can watch through an
**observer** link: observers see the candidate's screen (or, from a link the interviewer made,
the console) and can send nothing.

Each seat has its own token (32 random bytes, stored hashed, compared in constant time). The
token decides the seat and its view; nothing in a frame can change them. Every frame passes the
seat's projection on its way out: a candidate view only ever receives ${candidateSees}, each
rebuilt field by field from a whitelist, and none carries rubric text (talking points, probes,
strong answers, facts), coverage, ratings, or the rubric ids of probes, hints and challenges.

What each seat may send (anything else is refused with \`FORBIDDEN\` and nothing is stored):

| room | seat | commands |
|---|---|---|
${seats}

## Sequence numbers and reconnects

Events that change the room (\`turn\`, \`step\`, \`warning\`, \`ended\`) are stored with a
sequence number \`seq\` that increases by one per room. A client remembers the highest \`seq\`
it applied and sends it as \`lastSeq\` in \`hello\`; the server replies with a \`snapshot\` that
already holds every event up to the snapshot's own \`lastSeq\` (transcript, step, clock), so no
stored event is replayed after it: only events with a higher \`seq\` follow, live. Nothing is
missed and nothing arrives twice; a client drops any numbered event at or below the snapshot's
\`lastSeq\` and continues from there.
Replies to one connection (\`snapshot\`, \`ack\`, \`error\`) and room state (\`presence\`,
\`clock\`, \`console\`, \`coverage\`, \`assessment\`, \`notes_update\`) are not numbered: a
reconnecting seat gets them fresh in its snapshot.

With the language-model interviewer, an interviewer message streams as \`turn_delta\` frames
before its \`turn\` event is committed. Drafts are not numbered, not stored and not replayed:
the committed \`turn\` (with the same \`draftId\`) replaces the draft, a \`turn_discard\` drops a
draft the model could not finish, and a client that reconnects simply forgets its drafts.
Each connection gets a draft's pieces at most once per 16 ms tick (about one animation frame):
the first piece after a quiet tick at once, the pieces written during the tick that follows
joined, in order, into one \`turn_delta\`. A draft's pieces always arrive before the \`turn\` or
\`turn_discard\` that closes it.

Commands that change the transcript or the clock carry a \`clientId\`. The server commits the
frame, then acknowledges it; a client keeps every unacknowledged frame and resends it with the
same \`clientId\` after a reconnect. A frame the server has already stored is acknowledged with
\`duplicate: true\`.

## Limits

- A frame may be at most ${MAX_FRAME_BYTES} bytes; a larger one closes the socket with 1009.
- A message may be at most ${MAX_ANSWER_CHARS} characters; the notes pad at most ${MAX_NOTES_CHARS}.
- Per-message deflate is off.

## Client to server

${client.join('\n')}
## Server to client

${server.join('\n')}
## Shared shapes

${shapes.join('\n')}
## Error codes

One vocabulary for REST and the websocket. A REST reply carries the code with its HTTP status;
an \`error\` frame carries the code alone, never closes the connection (unless the hello failed)
and never changes the room. A retryable code means "not now": an \`error\` frame with it says
\`retryable: true\`, and the same frame, same \`clientId\`, may be sent again after a short wait.
Clients resend on their own only those; a frame refused with any other code would be refused
again if sent unchanged (\`RATE_LIMITED\` until its window has passed).

| code | HTTP status | retryable |
|---|---|---|
${codes}

## Close codes

| code | meaning |
|---|---|
${closes}
`;
}
