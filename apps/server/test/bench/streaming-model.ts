import { ServerResponse } from 'node:http';
import { startFakeOpenAi } from '../../../../packages/testkit/src/index.ts';

/**
 * Child process for the streaming benchmark: the test kit's OpenAI-compatible server (real HTTP,
 * real SSE) with a fixed first-token delay and token rate, recording when each request arrived
 * and when each content chunk was written, so the driver can tell the model's time from ours.
 * Talks to its parent over the IPC channel: `dump` returns the timings, `reset` clears them.
 */
const [firstTokenMs = 400, chunkMs = 20, chunks = 50] = process.argv.slice(2, 5).map(Number);
/** `relay`: the request names its stream; `server`: the candidate's answer carries a [bench-id] marker. */
const mode = process.argv[5] ?? 'relay';
const now = () => performance.timeOrigin + performance.now();

const arrivals = new Map<number, { id: string; at: number }>();
const emitted = new Map<number, number[]>();

// The fake writes one SSE event per write(); stamp the content chunks as they leave.
const write = ServerResponse.prototype.write;
ServerResponse.prototype.write = function stamped(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
  if (typeof chunk === 'string' && chunk.includes('"content":"') && !chunk.includes('"content":""')) {
    const match = /chatcmpl-fake-(\d+)/.exec(chunk);
    if (match) {
      const index = Number(match[1]);
      const times = emitted.get(index) ?? [];
      times.push(now());
      emitted.set(index, times);
    }
  }
  return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof write;

// A plausible interviewer question (the server checks replies for rubric leaks), cut to length.
const QUESTION =
  'That is a reasonable start. Walk me through how you would check that choice before launch, what you would watch in the first week, and what result would make you roll it back? ';
const text = QUESTION.repeat(Math.ceil((chunks * 4) / QUESTION.length)).slice(0, chunks * 4);

function streamId(request: { messages: { content: string }[] }): string {
  if (mode === 'relay') return String(request.messages.at(-1)?.content ?? '');
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const found = [...(request.messages[index]?.content ?? '').matchAll(/\[bench-([\w-]+)\]/g)].at(-1);
    if (found?.[1]) return found[1];
  }
  return '';
}

/** Characters of each reply the server never shows: the header of a reply that chooses its move. */
const hidden = new Map<number, number>();

/**
 * A reply to an answer that chooses its own move begins with a header naming an option. The
 * fake names the last one offered (the plain acknowledgement): choosing a probe would spend the
 * step's few probes, and the later rounds would have nothing left to choose from.
 */
function header(request: { messages: { content: string }[] }): string {
  const note = request.messages.at(-1)?.content ?? '';
  if (!note.includes('[[move: A]]')) return '';
  const label = [...note.matchAll(/^([A-F]): /gm)].at(-1)?.[1] ?? 'A';
  return `[[move: ${label}]]\n`;
}

/** A separate plan request (the model reads a message that is not an answer): a valid plan, as a model would write. */
const PLAN = JSON.stringify({ intent: 'answer', facts: [], covered: [], redFlags: [] });

const fake = await startFakeOpenAi((request, index) => {
  arrivals.set(index, { id: streamId(request), at: now() });
  if ((request.messages.at(-1)?.content ?? '').includes('plan the interviewer'))
    return { kind: 'text', text: PLAN, firstTokenDelayMs: firstTokenMs };
  const head = header(request);
  hidden.set(index, head.length);
  const reply = head + text;
  return { kind: 'text', text: reply, firstTokenDelayMs: firstTokenMs, chunkDelayMs: chunkMs, chunkChars: 4 };
});

process.on('message', (message: unknown) => {
  if (message === 'dump') {
    const streams = [...arrivals].map(([index, { id, at }]) => ({
      id,
      at,
      emitted: emitted.get(index) ?? [],
      hidden: hidden.get(index) ?? 0,
    }));
    process.send?.({ type: 'dump', streams });
  } else if (message === 'reset') {
    arrivals.clear();
    emitted.clear();
    hidden.clear();
    process.send?.({ type: 'reset' });
  } else if (message === 'stop') {
    void fake.close().then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', url: fake.url });
