import { type ChatResult, type ChatUsage, type LlmChat, LlmError } from '@mlsd/llm';
import type { Interviewer, SpeakOptions, SpeakRequest, Utterance } from '../interviewer.ts';
import { findPoint, voiceOffline } from '../offline.ts';
import { buildMessages } from './conversation.ts';
import { FoldingMemory } from './folding-memory.ts';
import type { Leak } from './leak-guard.ts';
import { leakGuardFor } from './leak-guard.ts';
import { OutputFilter } from './output-filter.ts';
import type { PromptSet } from './prompts.ts';
import type { RequestRecord } from './request-record.ts';
import { stablePromptFor } from './stable-prompt.ts';
import { renderTurnNote, type TurnContext } from './turn-note.ts';

/** A speak request with what the server knows about the moment (coverage, time). */
export type LlmSpeakRequest = SpeakRequest & TurnContext;

export interface LlmUtterance extends Utterance {
  /** `offline` when the model's message leaked rubric text and was replaced by the offline line. */
  source: 'llm' | 'offline';
  /** Set when the model's message was replaced; the streamed draft must be replaced by `text`. */
  replaced?: { reason: 'leak'; leak: Leak };
  /** Exactly the text handed to `onDelta`; `text` is authoritative and may differ in whitespace. */
  streamed: string;
  usage: ChatUsage | null;
}

/** The model interviewer: an `Interviewer` that also reads coverage and time, and says where its words came from. */
export interface LlmInterviewer extends Interviewer {
  speak(request: LlmSpeakRequest, options?: SpeakOptions): Promise<LlmUtterance>;
}

export interface LlmInterviewerOptions {
  client: LlmChat;
  prompts: PromptSet;
  model: string;
  /** The model's context window; when set, older turns are folded into a summary to fit. */
  contextTokens?: number | null;
  /** Longest reply, in tokens. The first turn reads out the case, so keep room for it. */
  maxReplyTokens?: number;
  /** Called after every model request (turns and summaries). */
  onRequest?: (record: RequestRecord) => void;
  now?: () => number;
}

/**
 * The language-model interviewer: the engine decides the move, the model writes the words. Tokens
 * stream through `onDelta` as they pass the leak guard. A failure throws an `LlmError` whose
 * `partial` is the text already streamed, so the caller can drop the draft and voice the move
 * offline; a message that leaks rubric text is replaced by the offline line (`replaced`).
 */
export function createLlmInterviewer(options: LlmInterviewerOptions): LlmInterviewer {
  const now = options.now ?? Date.now;
  const maxReplyTokens = options.maxReplyTokens ?? 400;
  const record = (entry: RequestRecord) => options.onRequest?.(entry);
  const memory = new FoldingMemory({
    client: options.client,
    prompts: options.prompts,
    model: options.model,
    contextTokens: options.contextTokens ?? null,
    reserveTokens: maxReplyTokens,
    onRequest: record,
    now,
  });

  return {
    kind: 'llm',
    async speak(request: LlmSpeakRequest, speakOptions: SpeakOptions = {}): Promise<LlmUtterance> {
      const { caseStudy, framework } = request;
      const stable = stablePromptFor(options.prompts, caseStudy, framework);
      const note = renderTurnNote(options.prompts, request, request);
      const { lines, summary } = await memory.fold(stable, request.transcript, speakOptions.signal);
      const messages = buildMessages({ stable, lines, summary, note });
      const guard = leakGuardFor(caseStudy, framework);
      const filter = new OutputFilter(guard, { allowedTitles: allowedTitles(request, guard.titles) });
      let streamed = '';
      const show = (piece: string) => {
        if (piece === '') return;
        streamed += piece;
        speakOptions.onDelta?.(piece);
      };
      const started = now();
      let result: ChatResult;
      try {
        result = await options.client.chat({
          model: options.model,
          messages,
          maxTokens: maxReplyTokens,
          cacheKey: `mlsd-${caseStudy.id}`,
          // Passing onDelta makes it a stream: the leak guard checks each piece before it is shown.
          onDelta: (delta) => show(filter.push(delta)),
          ...(speakOptions.signal ? { signal: speakOptions.signal } : {}),
        });
      } catch (error) {
        throw error instanceof LlmError ? error.with({ partial: streamed }) : error;
      }
      record({
        purpose: 'turn',
        messages,
        usage: result.usage,
        attempts: result.attempts,
        ms: now() - started,
      });

      const end = filter.finish();
      if (end.leak) {
        const offline = voiceOffline(request);
        return {
          ...offline,
          source: 'offline',
          replaced: { reason: 'leak', leak: end.leak },
          streamed,
          usage: result.usage,
        };
      }
      show(end.rest);
      if (end.text === '') {
        throw new LlmError(
          'EMPTY',
          `the model returned no text (finish reason: ${result.finishReason ?? 'none'})`,
          {
            partial: streamed,
            attempts: result.attempts,
          },
        );
      }
      // The turn's metadata (facts given, hint level, points asked about) is the move's, whoever words it.
      const { text: _offlineText, ...meta } = voiceOffline(request);
      const utterance: LlmUtterance = {
        ...meta,
        text: end.text,
        source: 'llm',
        streamed,
        usage: result.usage,
      };
      return utterance;
    },
  };
}

/**
 * Titles the model may say this turn: the point a concept-naming hint names, and any title the
 * candidate has already said in their own words (repeating them back gives nothing away).
 */
function allowedTitles(request: LlmSpeakRequest, titles: readonly string[]): Set<string> {
  const said = request.transcript
    .filter((line) => line.role === 'candidate')
    .map((line) => line.text.toLowerCase())
    .join('\n');
  const allowed = new Set(titles.filter((title) => said.includes(title)));
  const { move } = request;
  if (move.kind === 'hint' && move.level === 3 && move.pointId !== null) {
    const point = findPoint(request.caseStudy, request.framework, move.step, move.pointId);
    if (point) allowed.add(point.title.toLowerCase());
  }
  return allowed;
}
