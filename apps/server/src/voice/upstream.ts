import type { AudioFormat } from '@mlsd/protocol';
import { FORMAT_FILES } from './audio-format.ts';
import type { AudioEndpoint } from './settings.ts';
import { VoiceError } from './voice-error.ts';

/** host:port of an endpoint, for messages: enough to find the server, never a path secret or key. */
export function endpointHost(url: string): string {
  return new URL(url).host;
}

/** What whisper-style servers write for silence or noise instead of words: "[BLANK_AUDIO]", "(silence)". */
const NON_SPEECH = /\[[^\]]*\]|\((?:silence|music|noise|blank[^)]*|inaudible)\)|\*[^*]*\*/gi;

/** The words of a transcript, or '' when it holds only markers of silence. */
export function spokenText(raw: string): string {
  return raw.replace(NON_SPEECH, ' ').replace(/\s+/g, ' ').trim();
}

function upstreamFailure(what: string, endpoint: AudioEndpoint, detail: string): VoiceError {
  return new VoiceError(
    'VOICE_UPSTREAM_FAILED',
    `the ${what} server at ${endpointHost(endpoint.url)} ${detail}`,
  );
}

/** Calls the endpoint; every way it can fail becomes a VoiceError that names the host and what to check. */
async function callEndpoint(
  what: 'transcription' | 'speech',
  endpoint: AudioEndpoint,
  body: FormData | string,
  timeoutMs: number,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw upstreamFailure(
      what,
      endpoint,
      timedOut
        ? `did not answer within ${Math.round(timeoutMs / 1000)} s; check that it is running and not overloaded`
        : 'could not be reached; check that it is running and that the URL is right',
    );
  }
  if (response.ok) return response;
  const variable = what === 'transcription' ? 'MLSD_STT' : 'MLSD_TTS';
  if (response.status === 401 || response.status === 403) {
    throw upstreamFailure(
      what,
      endpoint,
      `refused the request (HTTP ${response.status}); check ${variable}_API_KEY`,
    );
  }
  // OpenAI-style servers explain themselves in { error: { message } }; keep it short and key-free.
  const said = await response.text().catch(() => '');
  let message = said;
  try {
    const parsed = JSON.parse(said) as { error?: { message?: unknown } | string; detail?: unknown };
    const inner = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.detail);
    if (typeof inner === 'string') message = inner;
  } catch {
    // Not JSON: the raw text, shortened below.
  }
  if (endpoint.apiKey) message = message.split(endpoint.apiKey).join('[key]');
  const shown = message.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw upstreamFailure(
    what,
    endpoint,
    `failed (HTTP ${response.status}${shown ? `: ${shown}` : ''}); check that ${variable}_MODEL names a model it serves`,
  );
}

/** Sends one recording to an OpenAI-compatible `/audio/transcriptions` endpoint and returns the words heard. */
export async function transcribe(
  endpoint: AudioEndpoint,
  audio: Uint8Array,
  format: AudioFormat,
  timeoutMs: number,
): Promise<string> {
  const file = FORMAT_FILES[format];
  const form = new FormData();
  form.append('file', new Blob([audio], { type: file.mime }), `answer.${file.extension}`);
  form.append('model', endpoint.model);
  form.append('response_format', 'json');
  const response = await callEndpoint('transcription', endpoint, form, timeoutMs);
  const body = (await response.json().catch(() => null)) as { text?: unknown } | null;
  if (!body || typeof body.text !== 'string') {
    throw upstreamFailure('transcription', endpoint, 'answered without a transcript (no "text" field)');
  }
  return body.text;
}

/** Asks an OpenAI-compatible `/audio/speech` endpoint to read `text`; returns the audio and its type. */
export async function synthesize(
  endpoint: AudioEndpoint & { voice: string },
  text: string,
  timeoutMs: number,
): Promise<{ audio: Buffer; contentType: string }> {
  const body = JSON.stringify({
    model: endpoint.model,
    voice: endpoint.voice,
    input: text,
    response_format: 'mp3',
  });
  const response = await callEndpoint('speech', endpoint, body, timeoutMs);
  const audio = Buffer.from(await response.arrayBuffer());
  if (audio.length === 0) throw upstreamFailure('speech', endpoint, 'answered with no audio');
  return { audio, contentType: response.headers.get('content-type') ?? 'audio/mpeg' };
}
