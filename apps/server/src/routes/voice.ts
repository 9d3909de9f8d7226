import {
  AudioFormat,
  MAX_AUDIO_BYTES,
  MAX_RECORDING_SECONDS,
  MAX_SPEECH_CHARS,
  SpeechBody,
  type TranscribeResponse,
  type VoiceCapabilities,
} from '@mlsd/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';
import { sniffAudioFormat } from '../voice/audio-format.ts';
import { STT_SETUP_HINT, type VoiceSettings } from '../voice/settings.ts';
import { spokenText, synthesize, transcribe } from '../voice/upstream.ts';
import { VoiceError } from '../voice/voice-error.ts';

const MEGABYTES = Math.round(MAX_AUDIO_BYTES / (1024 * 1024));
const FORMATS = AudioFormat.options.join(', ');

/** Browsers label MediaRecorder output audio/webm, audio/ogg, audio/mp4, and sometimes video/webm. */
const RECORDING_TYPES = /^(audio|video)\/[\w.+-]+/i;

/**
 * Voice under /api: `GET /voice` (what is available), `POST /transcribe` (a recording in, its words
 * out, through the configured OpenAI-compatible endpoint) and `POST /speech` (an interviewer turn
 * read aloud). A plugin of its own, so its audio body parser and error wording stay here.
 */
export async function voiceRoutes(app: FastifyInstance, options: { voice: VoiceSettings }): Promise<void> {
  const { voice } = options;

  app.addContentTypeParser(
    RECORDING_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_AUDIO_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.setErrorHandler((error: FastifyError | VoiceError, request, reply) => {
    if (error instanceof VoiceError) return reply.status(error.statusCode).send(error.toBody());
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `the recording is larger than ${MEGABYTES} MB; answer in parts of up to ${MAX_RECORDING_SECONDS / 60} minutes each`,
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const refused = new VoiceError(
        'UNSUPPORTED_AUDIO',
        `send the recording as audio (Content-Type audio/webm, audio/ogg, audio/wav or audio/mp4), not ${request.headers['content-type'] ?? 'no content type'}`,
      );
      return reply.status(refused.statusCode).send(refused.toBody());
    }
    // Everything else (rate limits, validation) is worded by the app's own handler.
    throw error;
  });

  app.get(
    '/voice',
    async (): Promise<VoiceCapabilities> => ({
      transcription: {
        available: voice.transcription !== null,
        ...(voice.transcription ? {} : { setup: STT_SETUP_HINT }),
        maxBytes: MAX_AUDIO_BYTES,
        maxSeconds: MAX_RECORDING_SECONDS,
        formats: [...AudioFormat.options],
      },
      speech: { available: voice.speech !== null, maxChars: MAX_SPEECH_CHARS },
    }),
  );

  // Each call costs the endpoint a model run; a person answers a few times a minute at most.
  app.post(
    '/transcribe',
    {
      bodyLimit: MAX_AUDIO_BYTES,
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      // Refused before a byte of audio is read: no point taking 10 MB to say "not configured".
      onRequest: async () => {
        if (!voice.transcription) throw new VoiceError('STT_NOT_CONFIGURED', STT_SETUP_HINT);
      },
    },
    async (request, reply): Promise<TranscribeResponse> => {
      const endpoint = voice.transcription;
      if (!endpoint) throw new VoiceError('STT_NOT_CONFIGURED', STT_SETUP_HINT);
      // JSON and plain text have parsers of their own: a body that is not a Buffer was not sent as audio.
      if (request.body !== undefined && !Buffer.isBuffer(request.body)) {
        throw new VoiceError(
          'UNSUPPORTED_AUDIO',
          `send the recording as audio (Content-Type audio/webm, audio/ogg, audio/wav or audio/mp4), not ${request.headers['content-type']}`,
        );
      }
      const audio = request.body ?? Buffer.alloc(0);
      if (audio.length === 0) {
        throw new VoiceError(
          'NOTHING_HEARD',
          'the recording is empty; check your microphone and record again',
        );
      }
      const format = sniffAudioFormat(audio);
      if (!format) {
        throw new VoiceError(
          'UNSUPPORTED_AUDIO',
          `the upload is not audio in a format this server forwards (${FORMATS}); record again in the browser`,
        );
      }
      let raw: string;
      try {
        raw = await transcribe(endpoint, audio, format, voice.timeoutMs);
      } catch (error) {
        request.log.warn({ err: error }, 'transcription failed');
        throw error;
      }
      const text = spokenText(raw);
      if (text === '') {
        throw new VoiceError(
          'NOTHING_HEARD',
          'we heard nothing in that recording; check your microphone (and that it is not muted), then try again',
        );
      }
      reply.header('cache-control', 'no-store');
      return { text };
    },
  );

  // One call per interviewer turn read aloud.
  app.post('/speech', { config: { rateLimit: { max: 60, timeWindow: 60_000 } } }, async (request, reply) => {
    const endpoint = voice.speech;
    if (!endpoint) {
      throw new VoiceError(
        'TTS_NOT_CONFIGURED',
        "no speech server is configured (MLSD_TTS_URL); the browser's own voice reads the interviewer instead",
      );
    }
    const body = parseOrThrow(SpeechBody, request.body ?? {}, 'speech request');
    try {
      const spoken = await synthesize(endpoint, body.text, voice.timeoutMs);
      return reply
        .header('content-type', spoken.contentType)
        .header('cache-control', 'no-store')
        .send(spoken.audio);
    } catch (error) {
      request.log.warn({ err: error }, 'speech failed');
      throw error;
    }
  });
}
