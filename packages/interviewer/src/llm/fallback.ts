import { LlmError } from '@mlsd/llm';
import type { Interviewer, SpeakOptions, SpeakRequest, Utterance } from '../interviewer.ts';
import type { HeaderOutcome } from './choice-stream.ts';
import type { LlmChoiceRequest, MoveChooser, SeenPoint } from './llm-interviewer.ts';

export interface VoiceOutcome {
  utterance: Utterance;
  /** Who wrote the words the candidate keeps: the model, or the offline interviewer. */
  source: 'llm' | 'offline';
  /** Why the model's words were not used: it failed (an LlmError, or a bug), leaked, or was switched off. */
  fallback: { reason: 'failed'; error: Error } | { reason: 'leak' } | { reason: 'disabled' } | null;
  /**
   * True when text went to `onDelta` that is not the final message (a failure half-way or a
   * replaced leak): the client must drop its draft and show `utterance.text` instead.
   */
  discardDraft: boolean;
}

/** A reply to an answer: which offered option was voiced, and what the model saw it cover. */
export interface ChoiceOutcome extends VoiceOutcome {
  /** Index in `request.options` of the option voiced: 0 (the default) on every fallback. */
  chosen: number;
  /** Open points the answer argues for, by the model's trailer (quotes checked); [] on a fallback. */
  seen: SeenPoint[];
  /** Trailer entries that failed their checks. */
  dropped: string[];
  /** The header the model wrote instead of an offered option; its draft was never shown. */
  rejected: Extract<HeaderOutcome, { ok: false }> | null;
}

export interface ModelVoice {
  speak(request: SpeakRequest, options?: SpeakOptions): Promise<VoiceOutcome>;
  /**
   * Lets the model choose among `request.options` and voice the choice in one request. A header
   * naming no offered option drops its draft unseen and voices the default with a second request
   * (`speak`); a model failure voices the default offline. `request.move` must be the default's.
   */
  choose(request: LlmChoiceRequest, options?: SpeakOptions): Promise<ChoiceOutcome>;
  /** Consecutive failures so far; at `maxConsecutiveFailures` the model is not asked again. */
  readonly failures: number;
  readonly disabled: boolean;
}

/**
 * The model interviewer with the offline one behind it, for one session. Any model failure voices
 * that move offline (the interview never stalls); after `maxConsecutiveFailures` failures in a row
 * the session stops asking the model, so a dead endpoint costs one timeout per turn at most a few
 * times. An abort from the caller is not a failure: it is rethrown.
 */
export function createModelVoice(
  primary: Interviewer & Partial<MoveChooser>,
  fallback: Interviewer,
  options: { maxConsecutiveFailures?: number; maxHeaderMisses?: number } = {},
): ModelVoice {
  const limit = options.maxConsecutiveFailures ?? 3;
  let failures = 0;
  // A model that does not write the header costs two requests per answer: after a few misses in a
  // row, it is no longer asked to choose (the engine's default move, one request).
  const headerLimit = options.maxHeaderMisses ?? 3;
  let headerMisses = 0;
  const offline = async (
    request: SpeakRequest,
    speakOptions: SpeakOptions,
    outcome: Omit<VoiceOutcome, 'utterance' | 'source'>,
  ) => ({
    ...outcome,
    source: 'offline' as const,
    utterance: await fallback.speak(request, speakOptions),
  });

  const failed = (error: unknown): VoiceOutcome['fallback'] => ({
    reason: 'failed',
    error: error instanceof Error ? error : new Error(String(error)),
  });
  const byDefault = { chosen: 0, seen: [], dropped: [], rejected: null };

  const voice: ModelVoice = {
    get failures() {
      return failures;
    },
    get disabled() {
      return failures >= limit;
    },
    async speak(request, speakOptions = {}) {
      if (failures >= limit)
        return offline(request, speakOptions, { fallback: { reason: 'disabled' }, discardDraft: false });
      const tracked = tracking(speakOptions);
      try {
        const utterance = await primary.speak(request, tracked.options);
        failures = 0;
        const replaced = (utterance as { replaced?: unknown }).replaced !== undefined;
        if (replaced)
          return {
            utterance,
            source: 'offline',
            fallback: { reason: 'leak' },
            discardDraft: tracked.streamed,
          };
        return { utterance, source: 'llm', fallback: null, discardDraft: false };
      } catch (error) {
        if (error instanceof LlmError && error.code === 'ABORTED') throw error;
        failures++;
        const quiet: SpeakOptions = speakOptions.signal ? { signal: speakOptions.signal } : {};
        return offline(request, tracked.streamed ? quiet : speakOptions, {
          fallback: failed(error),
          discardDraft: tracked.streamed,
        });
      }
    },
    async choose(request, speakOptions = {}) {
      if (failures >= limit || headerMisses >= headerLimit || !primary.choose)
        return { ...(await voice.speak(request, speakOptions)), ...byDefault };
      const tracked = tracking(speakOptions);
      try {
        const choice = await primary.choose(request, tracked.options);
        if (choice.chosen === null) {
          headerMisses++;
          // Nothing was shown: the default move is voiced as any other turn, by a second request.
          return { ...(await voice.speak(request, speakOptions)), ...byDefault, rejected: choice.header };
        }
        failures = 0;
        headerMisses = 0;
        const chosen = request.options.indexOf(choice.chosen);
        const { utterance, seen, dropped } = choice;
        const outcome = { chosen, seen, dropped, rejected: null, utterance };
        if (utterance.replaced !== undefined)
          return {
            ...outcome,
            source: 'offline',
            fallback: { reason: 'leak' },
            discardDraft: tracked.streamed,
          };
        return { ...outcome, source: 'llm', fallback: null, discardDraft: false };
      } catch (error) {
        if (error instanceof LlmError && error.code === 'ABORTED') throw error;
        failures++;
        const quiet: SpeakOptions = speakOptions.signal ? { signal: speakOptions.signal } : {};
        const outcome = await offline(request, tracked.streamed ? quiet : speakOptions, {
          fallback: failed(error),
          discardDraft: tracked.streamed,
        });
        return { ...outcome, ...byDefault };
      }
    },
  };
  return voice;
}

/** The speak options with `onDelta` noting whether anything was shown (its draft must then be discarded). */
function tracking(speakOptions: SpeakOptions): { options: SpeakOptions; readonly streamed: boolean } {
  const tracked = {
    streamed: false,
    options: {
      ...speakOptions,
      onDelta: (delta: string) => {
        tracked.streamed = true;
        speakOptions.onDelta?.(delta);
      },
    },
  };
  return tracked;
}
