import { type ChatResult, type ChatUsage, type LlmChat, LlmError } from '@mlsd/llm';
import type { Interviewer, SpeakOptions, SpeakRequest, Utterance } from '../interviewer.ts';
import { findPoint, moveLead, voiceOffline } from '../offline.ts';
import { ChoiceStream, type HeaderOutcome, parseSeen } from './choice-stream.ts';
import { buildMessages } from './conversation.ts';
import { FoldingMemory } from './folding-memory.ts';
import type { Leak } from './leak-guard.ts';
import { leakGuardFor } from './leak-guard.ts';
import { neutralPoints, quotedIn } from './neutral-points.ts';
import { OutputFilter } from './output-filter.ts';
import type { PromptSet } from './prompts.ts';
import type { RequestRecord } from './request-record.ts';
import { stablePromptFor } from './stable-prompt.ts';
import { type MoveOption, renderChoiceNote, renderTurnNote, type TurnContext } from './turn-note.ts';

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

/** A reply to an answer whose move the model chooses among `options` (the first is the default). */
export interface LlmChoiceRequest extends LlmSpeakRequest {
  options: readonly MoveOption[];
  /** The candidate's answer being replied to: every quote of the trailer must be found in it. */
  message: string;
}

/** An open point the model saw the answer argue for, with the candidate's words (checked). */
export interface SeenPoint {
  id: string;
  quote: string;
}

export type LlmChoice =
  /** The header named an offered option; `utterance` voices that option's move. */
  | { chosen: MoveOption; utterance: LlmUtterance; seen: SeenPoint[]; dropped: string[] }
  /** No usable header: nothing of the draft was shown, and the request was stopped early. */
  | { chosen: null; header: Extract<HeaderOutcome, { ok: false }> };

/** Asks the model to choose the move and voice it in one request. */
export interface MoveChooser {
  choose(request: LlmChoiceRequest, options?: SpeakOptions): Promise<LlmChoice>;
}

/** The model interviewer: an `Interviewer` that also reads coverage and time, and says where its words came from. */
export interface LlmInterviewer extends Interviewer, MoveChooser {
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
 * The language-model interviewer: the engine decides the move, the model writes the words; with
 * `choose`, the model also names the move among those the engine offers, in the same request (a
 * header nothing is shown before). Tokens stream through `onDelta` as they pass the leak guard. A failure throws an `LlmError` whose
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

  /** Streams one request; `frame` sees every raw piece first and says what passes to `filter`. */
  async function stream(
    request: LlmSpeakRequest,
    note: string,
    speakOptions: SpeakOptions,
    frame: (delta: string) => void,
    signal: AbortSignal | undefined,
  ): Promise<ChatResult> {
    const { caseStudy, framework } = request;
    const stable = stablePromptFor(options.prompts, caseStudy, framework);
    const { lines, summary } = await memory.fold(stable, request.transcript, speakOptions.signal);
    const messages = buildMessages({ stable, lines, summary, note });
    const started = now();
    const result = await options.client.chat({
      model: options.model,
      messages,
      maxTokens: maxReplyTokens,
      cacheKey: `mlsd-${caseStudy.id}`,
      // Passing onDelta makes it a stream: the leak guard checks each piece before it is shown.
      onDelta: frame,
      ...(signal ? { signal } : {}),
    });
    record({
      purpose: 'turn',
      messages,
      usage: result.usage,
      attempts: result.attempts,
      ms: now() - started,
    });
    return result;
  }

  /** Shows what passed the guard; at the end, the words for `request.move` or its offline line. */
  function display(speakOptions: SpeakOptions) {
    const shown = { text: '' };
    const show = (piece: string) => {
      if (piece === '') return;
      shown.text += piece;
      speakOptions.onDelta?.(piece);
    };
    // "Is this the last section?" or a fact checked again beside the answer: ours to say, first and
    // exactly (the model words the rest). Every option of a choice carries the same lead.
    let lead = '';
    const open = (request: LlmSpeakRequest) => {
      const said = lead === '' ? moveLead(request) : '';
      if (said === '') return;
      lead = `${said} `;
      show(lead);
    };
    const end = (request: LlmSpeakRequest, filter: OutputFilter, result: ChatResult): LlmUtterance => {
      const finished = filter.finish();
      if (finished.leak) {
        const offline = voiceOffline(request);
        return {
          ...offline,
          source: 'offline',
          replaced: { reason: 'leak', leak: finished.leak },
          streamed: shown.text,
          usage: result.usage,
        };
      }
      show(finished.rest);
      if (finished.text === '') {
        throw new LlmError(
          'EMPTY',
          `the model returned no text (finish reason: ${result.finishReason ?? 'none'})`,
          { partial: shown.text, attempts: result.attempts },
        );
      }
      // The turn's metadata (facts given, hint level, points asked about) is the move's, whoever words it.
      const { text: _offlineText, ...meta } = voiceOffline(request);
      return {
        ...meta,
        text: lead + finished.text,
        source: 'llm',
        streamed: shown.text,
        usage: result.usage,
      };
    };
    const partial = (error: unknown) =>
      error instanceof LlmError ? error.with({ partial: shown.text }) : error;
    return { show, open, end, partial };
  }

  const filterFor = (request: LlmSpeakRequest) => {
    const guard = leakGuardFor(request.caseStudy, request.framework);
    return new OutputFilter(guard, { allowedTitles: allowedTitles(request, guard.titles) });
  };

  return {
    kind: 'llm',
    async speak(request: LlmSpeakRequest, speakOptions: SpeakOptions = {}): Promise<LlmUtterance> {
      const filter = filterFor(request);
      const out = display(speakOptions);
      const note = renderTurnNote(options.prompts, request, request);
      out.open(request);
      let result: ChatResult;
      try {
        result = await stream(
          request,
          note,
          speakOptions,
          (delta) => out.show(filter.push(delta)),
          speakOptions.signal,
        );
      } catch (error) {
        throw out.partial(error);
      }
      return out.end(request, filter, result);
    },

    async choose(request: LlmChoiceRequest, speakOptions: SpeakOptions = {}): Promise<LlmChoice> {
      const labels = request.options.map((option) => option.label);
      const frame = new ChoiceStream(labels);
      const out = display(speakOptions);
      // A bad header stops the request at once: its words were written for no move we can voice.
      const stop = new AbortController();
      const signal = speakOptions.signal ? AbortSignal.any([speakOptions.signal, stop.signal]) : stop.signal;
      let chosen: { option: MoveOption; request: LlmSpeakRequest; filter: OutputFilter } | null = null;
      const take = (body: string) => {
        if (chosen === null) {
          const header = frame.header;
          if (header === null) return;
          if (!header.ok) {
            stop.abort();
            return;
          }
          const option = request.options.find((each) => each.label === header.label)!;
          const voiced = { ...request, move: option.move };
          chosen = { option, request: voiced, filter: filterFor(voiced) };
          out.open(voiced);
        }
        out.show(chosen.filter.push(body));
      };
      const note = renderChoiceNote(options.prompts, request, request.options, request);
      let result: ChatResult;
      try {
        result = await stream(request, note, speakOptions, (delta) => take(frame.push(delta)), signal);
      } catch (error) {
        const header = frame.header;
        if (stop.signal.aborted && !speakOptions.signal?.aborted && header && !header.ok)
          return { chosen: null, header };
        throw out.partial(error);
      }
      const end = frame.finish();
      take(end.rest);
      const header = frame.header;
      if (header && !header.ok) return { chosen: null, header };
      // The header settles before the stream ends or at its end, and a good one sets `chosen`.
      if (chosen === null) throw new Error('a reply with a good header chose no option');
      const { option, request: voiced, filter } = chosen as NonNullable<typeof chosen>;
      const utterance = out.end(voiced, filter, result);
      return { chosen: option, utterance, ...seenIn(request, end.trailer) };
    },
  };
}

/** The trailer's points, each kept only when it is an open point and its quote is the candidate's words. */
function seenIn(request: LlmChoiceRequest, trailer: string): { seen: SeenPoint[]; dropped: string[] } {
  const points = neutralPoints(request.caseStudy, request.framework, request.move.step);
  const open = new Set(request.uncovered ?? points.map((point) => point.id));
  const seen: SeenPoint[] = [];
  const dropped: string[] = [];
  for (const { label, quote } of parseSeen(trailer)) {
    const id = points.find((point) => point.label === label)?.id;
    if (id === undefined || !open.has(id)) dropped.push(`seen: ${label} is not an open point`);
    else if (!quotedIn(request.message, quote)) dropped.push(`seen ${label}: quote not in the message`);
    else if (!seen.some((entry) => entry.id === id)) seen.push({ id, quote });
  }
  return { seen, dropped };
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
