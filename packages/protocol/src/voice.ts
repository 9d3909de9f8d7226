import * as z from '#zod';
import type { ErrorCode } from './errors.ts';

/** Largest recording `POST /api/transcribe` accepts: about two minutes of compressed speech, with room to spare. */
export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;
/** The browser stops a recording on its own after this long, so one answer stays well under MAX_AUDIO_BYTES. */
export const MAX_RECORDING_SECONDS = 120;
/** Longest interviewer turn `POST /api/speech` reads aloud, in characters (OpenAI's limit is 4096). */
export const MAX_SPEECH_CHARS = 4000;

/** Audio containers the transcription route forwards; anything else is refused with 415. */
export const AudioFormat = z.enum(['webm', 'ogg', 'wav', 'mp4', 'mp3', 'flac']);
export type AudioFormat = z.infer<typeof AudioFormat>;

/** The error codes the voice routes answer with (all in `ErrorCode`). */
export type VoiceErrorCode = Extract<
  ErrorCode,
  | 'STT_NOT_CONFIGURED'
  | 'TTS_NOT_CONFIGURED'
  | 'UNSUPPORTED_AUDIO'
  | 'NOTHING_HEARD'
  | 'VOICE_UPSTREAM_FAILED'
>;

/** `GET /api/voice`: what the server can do with speech, so the web app shows the right controls. */
export const VoiceCapabilities = z.object({
  transcription: z.object({
    /** `POST /api/transcribe` forwards recordings to a configured endpoint. */
    available: z.boolean(),
    /** Without an endpoint: what to configure, in a sentence the page can show. */
    setup: z.optional(z.string()),
    maxBytes: z.number(),
    maxSeconds: z.number(),
    formats: z.array(AudioFormat),
  }),
  speech: z.object({
    /** `POST /api/speech` reads text aloud through a configured endpoint; otherwise the browser's own voice. */
    available: z.boolean(),
    maxChars: z.number(),
  }),
});
export type VoiceCapabilities = z.infer<typeof VoiceCapabilities>;

/** `POST /api/transcribe` reply: the words heard, trimmed, never empty. */
export const TranscribeResponse = z.object({ text: z.string().check(z.minLength(1)) });
export type TranscribeResponse = z.infer<typeof TranscribeResponse>;

/** `POST /api/speech` body; the reply is the audio itself (its content type says which format). */
export const SpeechBody = z.object({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_SPEECH_CHARS)),
});
export type SpeechBody = z.infer<typeof SpeechBody>;
