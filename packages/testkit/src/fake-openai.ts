import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEncoding } from 'js-tiktoken';

/**
 * A local OpenAI-compatible chat-completions server for tests and benchmarks: real HTTP, real
 * server-sent events, real `usage` fields. Behaviour per request comes from a script, so tests can
 * make it answer, stream slowly, return 429 with retry-after, fail with 500, hang, or cut a stream
 * half-way. It listens on 127.0.0.1 only.
 */

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  response_format?: unknown;
  [key: string]: unknown;
}

export type FakeReply =
  /** Answer with this text; streamed in chunks of `chunkChars` when the client asked for a stream. */
  | { kind: 'text'; text: string; firstTokenDelayMs?: number; chunkDelayMs?: number; chunkChars?: number }
  /** An HTTP error with a JSON body in OpenAI's shape. */
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** Accept the request and never answer (for timeouts and stream watchdogs). */
  | { kind: 'hang'; afterChunks?: string[] }
  /** Stream some chunks, then destroy the connection without the final `[DONE]`. */
  | { kind: 'cut'; chunks: string[] };

export type FakeScript = (request: ChatRequest, index: number) => FakeReply;

export interface FakeOpenAi {
  /** Base URL to give the OpenAI client, ending in /v1. */
  url: string;
  /** Every chat request received, in order. */
  requests: ChatRequest[];
  /** Replaces the script for later requests. */
  setScript(script: FakeScript): void;
  close(): Promise<void>;
}

const encoder = getEncoding('o200k_base');

/** Tokens in a prompt as the server sees it: role and content of each message, in order. */
export function promptTokens(messages: ChatRequest['messages']): number[] {
  return encoder.encode(messages.map((message) => `<|${message.role}|>${message.content}`).join('\n'));
}

/** Provider-style prompt caching: the longest prefix shared with an earlier prompt, in 128-token blocks once ≥ 1024. */
function cachedPrefix(tokens: number[], history: number[][]): number {
  let best = 0;
  for (const earlier of history) {
    const limit = Math.min(earlier.length, tokens.length);
    let shared = 0;
    while (shared < limit && earlier[shared] === tokens[shared]) shared++;
    best = Math.max(best, shared);
  }
  return best >= 1024 ? Math.floor(best / 128) * 128 : 0;
}

const defaultScript: FakeScript = () => ({ kind: 'text', text: 'Understood. What would you look at next?' });

export async function startFakeOpenAi(script: FakeScript = defaultScript): Promise<FakeOpenAi> {
  let current = script;
  const requests: ChatRequest[] = [];
  const history: number[][] = [];
  const open = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `fake server error: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      sendJson(res, 200, {
        object: 'list',
        data: [{ id: 'fake-model', object: 'model', owned_by: 'mlsd-tests' }],
      });
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      sendError(res, 404, `no route ${req.method} ${req.url}`);
      return;
    }
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    const index = requests.push(body) - 1;
    const reply = current(body, index);
    const tokens = promptTokens(body.messages);
    const cached = cachedPrefix(tokens, history);
    history.push(tokens);
    if (history.length > 64) history.shift();

    if (reply.kind === 'status') {
      sendError(res, reply.status, reply.message ?? `fake status ${reply.status}`, reply.headers);
      return;
    }
    const usage = (text: string) => ({
      prompt_tokens: tokens.length,
      completion_tokens: encoder.encode(text).length,
      total_tokens: tokens.length + encoder.encode(text).length,
      prompt_tokens_details: { cached_tokens: cached },
    });
    const id = `chatcmpl-fake-${index}`;
    const created = Math.floor(Date.now() / 1000);

    if (!body.stream) {
      if (reply.kind !== 'text') return; // hang or cut: leave the request open until the client gives up
      await sleep(reply.firstTokenDelayMs ?? 0);
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
        usage: usage(reply.text),
      });
      return;
    }

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const chunk = (
      delta: Record<string, unknown>,
      finish: string | null,
      extra: Record<string, unknown> = {},
    ) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '' }, null));

    if (reply.kind === 'hang') {
      for (const piece of reply.afterChunks ?? []) res.write(chunk({ content: piece }, null));
      return;
    }
    if (reply.kind === 'cut') {
      for (const piece of reply.chunks) res.write(chunk({ content: piece }, null));
      await sleep(5);
      res.destroy();
      return;
    }
    await sleep(reply.firstTokenDelayMs ?? 0);
    const size = reply.chunkChars ?? 4;
    for (let at = 0; at < reply.text.length; at += size) {
      if (res.destroyed) return;
      res.write(chunk({ content: reply.text.slice(at, at + size) }, null));
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    }
    res.write(chunk({}, 'stop'));
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage: usage(reply.text) })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setScript(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    status,
    { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } },
    headers,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
