import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible audio server for tests: `POST /v1/audio/transcriptions` (multipart, as
 * OpenAI, whisper.cpp's server and Speaches take it) and `POST /v1/audio/speech`. Real HTTP on
 * 127.0.0.1; what it answers is set per test, so a test can make it transcribe, hear silence,
 * fail with any status, or hang.
 */

/** One upload as the server received it. */
export interface TranscriptionRequest {
  model: string;
  fileName: string;
  fileType: string;
  /** The audio's size; `firstBytes` are its first 16 bytes, to check what container arrived. */
  bytes: number;
  firstBytes: Uint8Array;
  responseFormat: string | null;
  authorization: string | null;
}

export type TranscriberReply =
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'hang' };

export interface FakeTranscriber {
  /** Base URL ending in /v1, as MLSD_STT_URL takes it. */
  url: string;
  transcriptions: TranscriptionRequest[];
  /** Texts asked to be read aloud, in order. */
  speeches: string[];
  /** What later transcription requests get. */
  reply(next: TranscriberReply): void;
  close(): Promise<void>;
}

/** A few milliseconds of silence as WAV: enough for a client to decode as "audio". */
function tinyWav(): Buffer {
  const samples = 800;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16_000, 24);
  wav.writeUInt32LE(32_000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  return wav;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeTranscriber(
  initial: TranscriberReply = { kind: 'text', text: 'I would start with a logistic regression baseline.' },
): Promise<FakeTranscriber> {
  let current = initial;
  const transcriptions: TranscriptionRequest[] = [];
  const speeches: string[] = [];
  const open = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method === 'POST' && req.url === '/v1/audio/transcriptions') {
      // The platform's own multipart parser: the same one a fetch() FormData body is built for.
      const form = await new Response(body, {
        headers: { 'content-type': req.headers['content-type'] ?? '' },
      }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return sendJson(res, 400, { error: { message: 'no file field' } });
      const audio = new Uint8Array(await file.arrayBuffer());
      transcriptions.push({
        model: String(form.get('model') ?? ''),
        fileName: file instanceof File ? file.name : '',
        fileType: file.type,
        bytes: audio.length,
        firstBytes: audio.slice(0, 16),
        responseFormat: form.has('response_format') ? String(form.get('response_format')) : null,
        authorization: req.headers.authorization ?? null,
      });
      const reply = current;
      if (reply.kind === 'hang') return;
      if (reply.kind === 'status') {
        return sendJson(res, reply.status, { error: { message: reply.message ?? 'fake failure' } });
      }
      return sendJson(res, 200, { text: reply.text });
    }
    if (req.method === 'POST' && req.url === '/v1/audio/speech') {
      const input = (JSON.parse(body.toString('utf8')) as { input?: unknown }).input;
      speeches.push(typeof input === 'string' ? input : '');
      res.writeHead(200, { 'content-type': 'audio/wav' });
      return void res.end(tinyWav());
    }
    sendJson(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
  }

  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: (error as Error).message } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    transcriptions,
    speeches,
    reply(next) {
      current = next;
    },
    close() {
      if (!server.listening) return Promise.resolve();
      // Hanging requests would keep close() waiting forever.
      for (const res of open) res.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
