import { ApiError, TranscribeResponse, VoiceCapabilities } from '@mlsd/protocol';
import { type FakeTranscriber, startFakeTranscriber } from '@mlsd/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { sniffAudioFormat } from '../src/voice/audio-format.ts';
import { readVoiceSettings } from '../src/voice/settings.ts';
import { spokenText } from '../src/voice/upstream.ts';
import { startVoiceServer, type VoiceTestServer } from './voice-server.ts';

const KEY = 'sk-test-secret-1234567890';
/** The first bytes of a WebM file (EBML magic), then filler: what MediaRecorder's output starts with. */
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(2048).fill(7)]);

let server: VoiceTestServer | null = null;
let fake: FakeTranscriber | null = null;

afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = null;
  fake = null;
});

async function withTranscriber(): Promise<{ server: VoiceTestServer; fake: FakeTranscriber }> {
  fake = await startFakeTranscriber({ kind: 'text', text: '  I would start with a popularity baseline.  ' });
  server = await startVoiceServer({
    MLSD_STT_URL: fake.url,
    MLSD_STT_MODEL: 'whisper-small',
    MLSD_STT_API_KEY: KEY,
    MLSD_TTS_URL: fake.url.replace(/\/v1$/, ''),
  });
  return { server, fake };
}

function upload(url: string, body: Uint8Array | string, type = 'audio/webm;codecs=opus'): Promise<Response> {
  return fetch(`${url}/api/transcribe`, { method: 'POST', headers: { 'content-type': type }, body });
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = ApiError.parse(await response.json());
  expect(body.code).toBe(code);
  expect(body.message).not.toContain(KEY);
  return body.message;
}

describe('POST /api/transcribe', () => {
  it('forwards the recording to the configured endpoint and returns the words heard', async () => {
    const { server, fake } = await withTranscriber();
    const response = await upload(server.url, WEBM);
    expect(response.status).toBe(200);
    expect(TranscribeResponse.parse(await response.json())).toEqual({
      text: 'I would start with a popularity baseline.',
    });
    expect(fake.transcriptions).toHaveLength(1);
    const received = fake.transcriptions[0]!;
    expect(received).toMatchObject({
      model: 'whisper-small',
      fileName: 'answer.webm',
      fileType: 'audio/webm',
      bytes: WEBM.length,
      responseFormat: 'json',
      authorization: `Bearer ${KEY}`,
    });
    expect([...received.firstBytes.slice(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  });

  it('says which variables to set when no endpoint is configured', async () => {
    server = await startVoiceServer({});
    const capabilities = VoiceCapabilities.parse(await (await fetch(`${server.url}/api/voice`)).json());
    expect(capabilities.transcription.available).toBe(false);
    expect(capabilities.transcription.setup).toContain('MLSD_STT_URL');
    expect(capabilities.speech.available).toBe(false);
    const message = await expectError(await upload(server.url, WEBM), 503, 'STT_NOT_CONFIGURED');
    expect(message).toContain('MLSD_STT_URL');
    expect(message).toContain('MLSD_STT_MODEL');
  });

  it('reports what is available when configured', async () => {
    const { server } = await withTranscriber();
    const capabilities = VoiceCapabilities.parse(await (await fetch(`${server.url}/api/voice`)).json());
    expect(capabilities.transcription).toMatchObject({
      available: true,
      maxBytes: 10 * 1024 * 1024,
      maxSeconds: 120,
    });
    expect(capabilities.transcription.setup).toBeUndefined();
    expect(capabilities.speech.available).toBe(true);
  });

  it('refuses a recording over 10 MB without forwarding it', async () => {
    const { server, fake } = await withTranscriber();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(WEBM.slice(0, 4));
    const message = await expectError(await upload(server.url, big), 413, 'PAYLOAD_TOO_LARGE');
    expect(message).toMatch(/larger than 10 MB/);
    expect(fake.transcriptions).toHaveLength(0);
  });

  it('refuses uploads that are not audio it can forward', async () => {
    const { server, fake } = await withTranscriber();
    expect(
      await expectError(await upload(server.url, WEBM, 'application/pdf'), 415, 'UNSUPPORTED_AUDIO'),
    ).toContain('application/pdf');
    await expectError(await upload(server.url, 'hello', 'text/plain'), 415, 'UNSUPPORTED_AUDIO');
    // Labelled audio, but the bytes are not any container the endpoint would decode.
    const fakeAudio = new TextEncoder().encode('definitely not a recording');
    expect(await expectError(await upload(server.url, fakeAudio), 415, 'UNSUPPORTED_AUDIO')).toMatch(
      /webm, ogg, wav/,
    );
    expect(fake.transcriptions).toHaveLength(0);
  });

  it('says "we heard nothing" for an empty recording or a silent transcript', async () => {
    const { server, fake } = await withTranscriber();
    await expectError(await upload(server.url, new Uint8Array(0)), 422, 'NOTHING_HEARD');
    fake.reply({ kind: 'text', text: '' });
    expect(await expectError(await upload(server.url, WEBM), 422, 'NOTHING_HEARD')).toContain('microphone');
    fake.reply({ kind: 'text', text: ' [BLANK_AUDIO] ' });
    await expectError(await upload(server.url, WEBM), 422, 'NOTHING_HEARD');
    expect(fake.transcriptions).toHaveLength(2);
  });

  it('names the endpoint host, never the key, when the endpoint fails', async () => {
    const { server, fake } = await withTranscriber();
    const host = new URL(fake.url).host;
    fake.reply({ kind: 'status', status: 500, message: `model not loaded (key ${KEY})` });
    const failed = await expectError(await upload(server.url, WEBM), 502, 'VOICE_UPSTREAM_FAILED');
    expect(failed).toContain(host);
    expect(failed).toContain('model not loaded');
    fake.reply({ kind: 'status', status: 401, message: `Incorrect API key provided: ${KEY}` });
    expect(await expectError(await upload(server.url, WEBM), 502, 'VOICE_UPSTREAM_FAILED')).toContain(
      'MLSD_STT_API_KEY',
    );
    await fake.close();
    const unreachable = await expectError(await upload(server.url, WEBM), 502, 'VOICE_UPSTREAM_FAILED');
    expect(unreachable).toContain(`${host} could not be reached`);
  });

  it('gives up on an endpoint that does not answer', async () => {
    fake = await startFakeTranscriber({ kind: 'hang' });
    server = await startVoiceServer({ MLSD_STT_URL: fake.url }, { timeoutMs: 300 });
    expect(await expectError(await upload(server.url, WEBM), 502, 'VOICE_UPSTREAM_FAILED')).toContain(
      'did not answer within',
    );
  });
});

describe('POST /api/speech', () => {
  it('reads a turn aloud through the configured endpoint', async () => {
    const { server, fake } = await withTranscriber();
    const response = await fetch(`${server.url}/api/speech`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'What is the business goal?' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(44);
    expect(fake.speeches).toEqual(['What is the business goal?']);
  });

  it('answers 503 without a speech endpoint', async () => {
    server = await startVoiceServer({});
    const post = (text: string) =>
      fetch(`${server!.url}/api/speech`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    await expectError(await post('Hello'), 503, 'TTS_NOT_CONFIGURED');
  });
});

describe('voice settings', () => {
  it('adds /v1 and the operation to the base URL, and lends the STT key to speech', () => {
    const voice = readVoiceSettings({
      MLSD_STT_URL: 'http://127.0.0.1:8000/',
      MLSD_STT_API_KEY: KEY,
      MLSD_TTS_URL: 'https://api.openai.com/v1',
    });
    expect(voice.transcription).toEqual({
      url: 'http://127.0.0.1:8000/v1/audio/transcriptions',
      model: 'whisper-1',
      apiKey: KEY,
    });
    expect(voice.speech).toMatchObject({
      url: 'https://api.openai.com/v1/audio/speech',
      apiKey: KEY,
      voice: 'alloy',
    });
  });

  it('names a bad URL', () => {
    expect(() => readVoiceSettings({ MLSD_STT_URL: 'localhost:8000' })).toThrow(/MLSD_STT_URL: an http/);
  });

  it('treats markers of silence as no words', () => {
    expect(spokenText(' [BLANK_AUDIO] (silence) ')).toBe('');
    expect(spokenText('Use a [music] two-tower model.')).toBe('Use a two-tower model.');
  });

  it('tells containers apart by their first bytes, not their label', () => {
    const bytes = (text: string, at = 0) => {
      const out = new Uint8Array(16);
      out.set(new TextEncoder().encode(text), at);
      return out;
    };
    const wav = bytes('RIFF');
    wav.set(new TextEncoder().encode('WAVE'), 8);
    expect(sniffAudioFormat(wav)).toBe('wav');
    expect(sniffAudioFormat(bytes('OggS'))).toBe('ogg');
    expect(sniffAudioFormat(bytes('ftyp', 4))).toBe('mp4');
    expect(sniffAudioFormat(bytes('fLaC'))).toBe('flac');
    expect(sniffAudioFormat(bytes('ID3'))).toBe('mp3');
    expect(sniffAudioFormat(WEBM)).toBe('webm');
    expect(sniffAudioFormat(bytes('RIFF'))).toBeNull();
    expect(sniffAudioFormat(bytes('%PDF-1.7'))).toBeNull();
  });
});
