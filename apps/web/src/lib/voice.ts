import { MAX_SPEECH_CHARS, TranscribeResponse, VoiceCapabilities } from '@mlsd/protocol';
import { ApiRequestError, request } from './api.ts';
import type { KeyValueStore } from './storage.ts';

/** What the microphone can do in this browser against this server. */
export type VoiceInputMode =
  | { kind: 'server'; maxBytes: number; maxSeconds: number }
  /** The browser's own recognizer, run on this device (never a cloud service behind our back). */
  | { kind: 'on-device'; maxSeconds: number }
  | { kind: 'none'; setup: string };

let capabilities: Promise<VoiceCapabilities> | null = null;

/** The server's voice capabilities, asked once per page load (every answer box shares it). */
export function voiceCapabilities(): Promise<VoiceCapabilities> {
  capabilities ??= request('/api/voice', VoiceCapabilities).catch((error: unknown) => {
    capabilities = null;
    throw error;
  });
  return capabilities;
}

/** Seconds as m:ss, for the recording clock. */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The first container this browser records that the server forwards (Chrome: WebM, Safari: MP4). */
export function recordingType(isSupported: (type: string) => boolean): string {
  const preferred = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
  return preferred.find((type) => isSupported(type)) ?? '';
}

/** Sends one recording; resolves to the words heard, or throws an ApiRequestError worded for the user. */
export async function transcribeRecording(recording: Blob, maxBytes: number): Promise<string> {
  if (recording.size === 0) {
    throw new ApiRequestError(
      422,
      'NOTHING_HEARD',
      'The recording is empty. Check your microphone and try again.',
    );
  }
  if (recording.size > maxBytes) {
    throw new ApiRequestError(
      413,
      'PAYLOAD_TOO_LARGE',
      `That recording is over ${Math.round(maxBytes / 1024 / 1024)} MB. Answer in shorter parts.`,
    );
  }
  const reply = await request('/api/transcribe', TranscribeResponse, {
    method: 'POST',
    headers: { 'content-type': recording.type || 'audio/webm' },
    body: recording,
  });
  return reply.text;
}

const SPEAK_KEY = 'mlsd.voice.speak';

/** Whether the interviewer's turns are read aloud; off until the user turns it on, then remembered. */
export function loadSpeakAloud(store: KeyValueStore): boolean {
  try {
    return store.getItem(SPEAK_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveSpeakAloud(store: KeyValueStore, on: boolean): void {
  try {
    if (on) store.setItem(SPEAK_KEY, '1');
    else store.removeItem(SPEAK_KEY);
  } catch {
    // A browser that refuses storage forgets the choice on reload; reading aloud still works now.
  }
}

/** Text as it is read aloud: markdown marks dropped, cut to what the speech endpoint accepts. */
export function speakableText(text: string): string {
  return text
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SPEECH_CHARS);
}

/** The interviewer's words as audio from the server's speech endpoint (`POST /api/speech`). */
export async function fetchSpeech(text: string): Promise<ArrayBuffer> {
  const response = await fetch('/api/speech', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok) throw new Error(`speech endpoint answered ${response.status}`);
  return response.arrayBuffer();
}
