import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSessionResponse, ServerMessage } from '@mlsd/protocol';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import { changesSession, type Expected, expectedFor, type Frame, frameArbitrary } from './property-frames.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';

const RUNS = 110;
const FRAMES_PER_RUN = 100;

let dir: string;
let app: FastifyInstance;
let wsUrl: string;
let session: CreateSessionResponse;
const serverErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-property-'));
  app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    // Hundreds of sockets from one address: the per-address limit on upgrades would refuse them.
    hardening: { restRateLimit: false },
    // Anything the server logs at error level (a handler that threw, an INTERNAL reply) fails the test.
    logger: {
      level: 'error',
      stream: { write: (line: string) => void serverErrors.push(line) },
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  wsUrl = `ws://127.0.0.1:${address.port}/ws`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { caseId: FIXTURE_CASE_ID },
  });
  session = CreateSessionResponse.parse(response.json());
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A socket that records what the server sends and how it closes. */
class Probe {
  readonly ws: WebSocket;
  readonly messages: ServerMessage[] = [];
  readonly outside: string[] = [];
  closeCode: number | null = null;
  readonly #opened: Promise<void>;
  readonly #closed: Promise<number>;

  constructor() {
    this.ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    this.#opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.#closed = new Promise((resolve) => {
      this.ws.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      });
    });
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: Buffer) => {
      const parsed = ServerMessage.safeParse(JSON.parse(data.toString('utf8')));
      // Who is connected is room state announced to every seat, not a reply to a frame.
      if (parsed.success && parsed.data.type === 'presence') return;
      if (parsed.success) this.messages.push(parsed.data);
      else this.outside.push(data.toString('utf8').slice(0, 200));
    });
  }

  opened(): Promise<void> {
    return this.#opened;
  }

  closed(timeoutMs = 5_000): Promise<number | 'timeout'> {
    return Promise.race([
      this.#closed,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs)),
    ]);
  }

  send(frame: Frame): void {
    if (frame.kind === 'text') this.ws.send(frame.data);
    else this.ws.send(frame.data, { binary: frame.kind === 'binary' });
  }

  async waitForCount(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (
      this.messages.length + this.outside.length < count &&
      this.closeCode === null &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async close(): Promise<void> {
    if (this.closeCode === null) this.ws.close();
    await this.closed();
  }
}

function describeMismatch(frame: Frame, expected: Expected, got: ServerMessage | undefined): string {
  const sent =
    frame.kind === 'text' ? frame.data.slice(0, 120) : `${frame.kind} ${frame.data.byteLength} bytes`;
  return `frame ${JSON.stringify(sent)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)?.slice(0, 300)}`;
}

/** Sends `frames` on one socket (joined or not) and checks each is refused with the right typed error, in order. */
async function checkRefusals(frames: Frame[], joined: boolean): Promise<void> {
  const probe = new Probe();
  await probe.opened();
  let offset = 0;
  if (joined) {
    // A lastSeq far ahead: the snapshot comes alone, without replayed events.
    probe.ws.send(JSON.stringify({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 1e9 }));
    await probe.waitForCount(1);
    expect(probe.messages[0]?.type).toBe('snapshot');
    offset = 1;
  }
  for (const frame of frames) probe.send(frame);
  await probe.waitForCount(offset + frames.length);
  expect(probe.outside).toEqual([]);
  expect(probe.closeCode).toBeNull();
  frames.forEach((frame, index) => {
    const expected = expectedFor(frame, joined);
    const got = probe.messages[offset + index];
    const ok =
      expected.reply === 'error' &&
      got?.type === 'error' &&
      expected.codes.includes(got.code) &&
      got.message.length > 0 &&
      got.clientId === expected.clientId;
    if (!ok) expect.fail(describeMismatch(frame, expected, got));
  });
  expect(probe.messages).toHaveLength(offset + frames.length);
  await probe.close();
}

/** A frame that must close the socket: sent on a socket of its own. */
async function checkClose(frame: Frame, code: number): Promise<void> {
  const probe = new Probe();
  await probe.opened();
  probe.send(frame);
  const closed = await probe.closed();
  if (closed !== code)
    expect.fail(
      `${describeMismatch(frame, { reply: 'close', code }, probe.messages[0])}; closed with ${closed}`,
    );
}

describe('10,000 generated frames at a live server', () => {
  it('answers each with a typed error or the right close code, and the session still works', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    let frames = 0;
    let closes = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.array(frameArbitrary, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }),
          async (joined, batch) => {
            const usable = joined ? batch.filter((frame) => !changesSession(frame)) : batch;
            const refusals = usable.filter((frame) => expectedFor(frame, joined).reply === 'error');
            await checkRefusals(refusals, joined);
            await Promise.all(
              usable.map((frame) => {
                const expected = expectedFor(frame, joined);
                return expected.reply === 'close' ? checkClose(frame, expected.code) : undefined;
              }),
            );
            frames += usable.length;
            closes += usable.length - refusals.length;
          },
        ),
        { numRuns: RUNS, seed: 424_242, endOnFailure: true },
      );
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    console.log(`property: ${frames} frames, ${closes} of them closing their socket`);
    expect(frames).toBeGreaterThanOrEqual(10_000);
    expect(rejections).toEqual([]);
    expect(serverErrors).toEqual([]);

    // The session is unharmed: join from the start and answer.
    const probe = new Probe();
    await probe.opened();
    probe.ws.send(JSON.stringify({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 }));
    probe.ws.send(
      JSON.stringify({
        type: 'say',
        clientId: 'after-fuzz',
        text: 'We would start with a popularity baseline.',
      }),
    );
    const deadline = Date.now() + 10_000;
    while (
      !probe.messages.some((m) => m.type === 'turn' && m.turn.role === 'interviewer' && m.seq > 1) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(probe.messages[0]?.type).toBe('snapshot');
    expect(probe.messages).toContainEqual({ type: 'ack', clientId: 'after-fuzz', duplicate: false });
    const turns = probe.messages.filter((m) => m.type === 'turn').map((m) => m.turn);
    expect(turns.filter((turn) => turn.clientId === 'after-fuzz')).toHaveLength(1);
    expect(turns.at(-1)?.role).toBe('interviewer');
    await probe.close();
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  }, 240_000);
});
