import { z } from 'zod';

/** One OpenAI-compatible audio endpoint: where to send, which model, and the key if it needs one. */
export interface AudioEndpoint {
  /** The full URL of the operation, e.g. http://127.0.0.1:8000/v1/audio/transcriptions. */
  url: string;
  model: string;
  apiKey: string | null;
}

/** Speech settings: each endpoint is null when not configured (the browser then does what it can). */
export interface VoiceSettings {
  transcription: AudioEndpoint | null;
  speech: (AudioEndpoint & { voice: string }) | null;
  /** How long one upstream call may take before the user is told it failed. */
  timeoutMs: number;
}

export const NO_VOICE: VoiceSettings = { transcription: null, speech: null, timeoutMs: 60_000 };

/** What to tell someone who pressed the microphone on a server without transcription. */
export const STT_SETUP_HINT =
  'Voice answers need a transcription server: set MLSD_STT_URL to an OpenAI-compatible base URL (OpenAI, Speaches or a whisper.cpp server), MLSD_STT_MODEL and, if it needs one, MLSD_STT_API_KEY, then restart the server. See "Voice" in the README.';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = (fallback: string) => z.preprocess(blank, z.string().trim().default(fallback));
const optionalText = z.preprocess(blank, z.string().trim().optional());
const baseUrl = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/\s]+/i.test(value) && URL.canParse(value), {
      message: 'an http:// or https:// base URL, e.g. http://127.0.0.1:8000/v1',
    })
    .optional(),
);

const VoiceEnv = z.object({
  MLSD_STT_URL: baseUrl,
  MLSD_STT_MODEL: text('whisper-1'),
  MLSD_STT_API_KEY: optionalText,
  MLSD_TTS_URL: baseUrl,
  MLSD_TTS_MODEL: text('tts-1'),
  MLSD_TTS_VOICE: text('alloy'),
  /** Defaults to MLSD_STT_API_KEY: one provider often serves both. */
  MLSD_TTS_API_KEY: optionalText,
});

/**
 * `base` plus the operation path: `/v1` is added when the base does not end with it, so both
 * `http://host:8000` and `https://api.openai.com/v1` work.
 */
export function operationUrl(base: string, operation: 'audio/transcriptions' | 'audio/speech'): string {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed.endsWith(`/${operation}`)) return trimmed;
  return /\/v1$/.test(trimmed) ? `${trimmed}/${operation}` : `${trimmed}/v1/${operation}`;
}

/** Reads the MLSD_STT_* and MLSD_TTS_* variables; throws naming each bad one. */
export function readVoiceSettings(env: NodeJS.ProcessEnv): VoiceSettings {
  const parsed = VoiceEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const sttKey = vars.MLSD_STT_API_KEY ?? null;
  return {
    transcription: vars.MLSD_STT_URL
      ? {
          url: operationUrl(vars.MLSD_STT_URL, 'audio/transcriptions'),
          model: vars.MLSD_STT_MODEL,
          apiKey: sttKey,
        }
      : null,
    speech: vars.MLSD_TTS_URL
      ? {
          url: operationUrl(vars.MLSD_TTS_URL, 'audio/speech'),
          model: vars.MLSD_TTS_MODEL,
          voice: vars.MLSD_TTS_VOICE,
          apiKey: vars.MLSD_TTS_API_KEY ?? sttKey,
        }
      : null,
    timeoutMs: NO_VOICE.timeoutMs,
  };
}
