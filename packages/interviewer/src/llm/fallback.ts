import { LlmError } from '@mlsd/llm';
import type { Interviewer, SpeakOptions, SpeakRequest, Utterance } from '../interviewer.ts';

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

export interface ModelVoice {
  speak(request: SpeakRequest, options?: SpeakOptions): Promise<VoiceOutcome>;
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
  primary: Interviewer,
  fallback: Interviewer,
  options: { maxConsecutiveFailures?: number } = {},
): ModelVoice {
  const limit = options.maxConsecutiveFailures ?? 3;
  let failures = 0;
  const offline = async (
    request: SpeakRequest,
    speakOptions: SpeakOptions,
    outcome: Omit<VoiceOutcome, 'utterance' | 'source'>,
  ) => ({
    ...outcome,
    source: 'offline' as const,
    utterance: await fallback.speak(request, speakOptions),
  });

  return {
    get failures() {
      return failures;
    },
    get disabled() {
      return failures >= limit;
    },
    async speak(request, speakOptions = {}) {
      if (failures >= limit)
        return offline(request, speakOptions, { fallback: { reason: 'disabled' }, discardDraft: false });
      let streamed = false;
      const tracked: SpeakOptions = {
        ...speakOptions,
        onDelta: (delta) => {
          streamed = true;
          speakOptions.onDelta?.(delta);
        },
      };
      try {
        const utterance = await primary.speak(request, tracked);
        failures = 0;
        const replaced = (utterance as { replaced?: unknown }).replaced !== undefined;
        if (replaced)
          return { utterance, source: 'offline', fallback: { reason: 'leak' }, discardDraft: streamed };
        return { utterance, source: 'llm', fallback: null, discardDraft: false };
      } catch (error) {
        if (error instanceof LlmError && error.code === 'ABORTED') throw error;
        failures++;
        const quiet: SpeakOptions = speakOptions.signal ? { signal: speakOptions.signal } : {};
        return offline(request, streamed ? quiet : speakOptions, {
          fallback: { reason: 'failed', error: error instanceof Error ? error : new Error(String(error)) },
          discardDraft: streamed,
        });
      }
    },
  };
}
