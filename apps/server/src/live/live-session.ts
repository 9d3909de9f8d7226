import type { Db, EventDraft, SessionRecord, StepTiming } from '@mlsd/db';
import {
  allowedMoves,
  currentStep,
  type EngineEvent,
  type EngineState,
  type MessageReading,
  messageReading,
  nextDeadline,
  startInterview,
  stepProgress,
  type Transition,
  transition,
} from '@mlsd/engine';
import type {
  EndReason,
  ErrorCode,
  ServerEvent,
  ServerMessage,
  SnapshotMessage,
  StepId,
  Turn,
} from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { FastifyBaseLogger } from 'fastify';
import { candidateTurn } from '../candidate-turn.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import type { SessionBrains, SessionVoice } from './brains.ts';
import { OpenDrafts } from './open-drafts.ts';
import { SerialQueue } from './serial.ts';
import { voiceBatch } from './voice.ts';

/** One connected seat; the socket layer implements it. */
export interface Subscriber {
  send(message: ServerMessage): void;
}

/** A refused command: nothing was stored. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

export interface LiveDeps {
  db: Db;
  clock: Clock;
  brains: SessionBrains;
  log: FastifyBaseLogger;
}

export interface SessionContext {
  caseStudy: CaseStudy;
  framework: Framework;
}

const ENDED: Refusal = {
  code: 'SESSION_ENDED',
  message: 'this interview has ended; nothing more can be added. Open the report to review it.',
};

/** How long a timer tick that made no progress waits before trying again. */
const MIN_RETRY_MS = 1_000;

/**
 * One interview in memory: its engine state, transcript and seats. Every change goes through one
 * serial queue and is committed to SQLite before anyone hears of it.
 */
export class LiveSession {
  readonly id: string;
  readonly #deps: LiveDeps;
  readonly #ctx: SessionContext;
  #record: SessionRecord;
  #state: EngineState;
  #transcript: Turn[];
  #lastSeq: number;
  #hasReport: boolean;
  readonly #subscribers = new Set<Subscriber>();
  readonly #queue = new SerialQueue();
  #timer: TimerHandle | null = null;
  #disposed = false;
  /** Aborts model requests (a reply, the judge) when the session is disposed. */
  readonly #abort = new AbortController();
  /** The model voice of an `llm` session (null: the offline interviewer voices every move). */
  readonly #voice: SessionVoice | null;
  /** Drafts streamed in the batch being voiced, for seats that join half-way. */
  readonly #drafts = new OpenDrafts();

  constructor(deps: LiveDeps, ctx: SessionContext, record: SessionRecord, state: EngineState) {
    this.id = record.id;
    this.#deps = deps;
    this.#ctx = ctx;
    this.#record = record;
    this.#state = state;
    this.#transcript = deps.db.sessions.transcript(record.id);
    this.#lastSeq = deps.db.sessions.lastSeq(record.id);
    this.#hasReport = deps.db.sessions.report(record.id) !== undefined;
    this.#voice = deps.brains.openVoice?.(record.interviewer) ?? null;
  }

  get ended(): boolean {
    return this.#record.status === 'ended';
  }

  /** A language model voices this session (its moves stream as drafts). */
  get hasModel(): boolean {
    return this.#voice !== null;
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  /** Runs `job` after every earlier job of this session. */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    return this.#queue.run(job);
  }

  idle(): Promise<void> {
    return this.#queue.idle();
  }

  /** Voices and stores the effects of `startInterview` (and a notice turn first, when given). */
  start(initial: Transition, notice?: string): Promise<void> {
    return this.run(async () => {
      const now = initial.state.startedAt;
      const pre: EventDraft[] = notice
        ? [
            {
              type: 'turn',
              turn: { role: 'interviewer', step: 'requirements', kind: 'notice', text: notice, at: now },
            },
          ]
        : [];
      await this.#drive(initial, now, pre);
    });
  }

  /**
   * Picks up where a stored session left off: writes a missing opening or reply, finishes a
   * half-ended session, re-arms the timer.
   */
  resume(): Promise<void> {
    return this.run(async () => {
      if (this.#lastSeq === 0 && this.#state.status === 'active') {
        // Stopped before the opening was stored (a model writes it after the session is created).
        const startedAt = this.#state.startedAt;
        await this.#drive(startInterview(this.#state.config, startedAt), startedAt);
      }
      const last = this.#transcript.at(-1);
      if (this.#state.status === 'active' && last?.role === 'candidate') {
        // The server stopped after acknowledging this answer and before storing its reply (the
        // reply and the engine state commit together, and every answer gets a reply): reply now.
        const before = this.#transcript.slice(0, -1);
        await this.#afterAck(this.#deps.clock.now(), () => ({
          type: 'candidate-message',
          reading: this.#read(last.step, last.text, before),
        }));
      }
      if (this.#state.status === 'ended' && this.#record.status === 'active') {
        await this.#finish({
          reason: this.#state.endReason ?? 'time-up',
          at: this.#state.endedAt ?? this.#deps.clock.now(),
        });
      }
      this.#schedule();
    });
  }

  /** Sends the snapshot and every stored event after `lastSeq`, then subscribes: no gap, no overlap. */
  join(subscriber: Subscriber, lastSeq: number): Promise<void> {
    // A model reply (or the judge) can keep the queue busy for many seconds; a seat of a model
    // session joins at once instead. That is just as safe: every change commits and publishes in
    // one synchronous block, so a join always falls between two. It then gets the drafts being
    // written so far, and the rest as they come.
    if (this.#voice) {
      this.#subscribe(subscriber, lastSeq);
      for (const draft of this.#drafts.catchUp()) subscriber.send(draft);
      return Promise.resolve();
    }
    return this.run(() => this.#subscribe(subscriber, lastSeq));
  }

  #subscribe(subscriber: Subscriber, lastSeq: number): void {
    subscriber.send(this.#snapshot());
    for (const event of this.#deps.db.sessions.eventsAfter(this.id, lastSeq))
      subscriber.send(forCandidate(event));
    this.#subscribers.add(subscriber);
  }

  leave(subscriber: Subscriber): void {
    this.#subscribers.delete(subscriber);
  }

  /** Stores a candidate message, acknowledges it, then lets the engine and interviewer reply. */
  answer(subscriber: Subscriber, clientId: string, text: string): Promise<Refusal | null> {
    return this.run(async () => {
      if (this.ended) return this.#duplicateOrEnded(subscriber, clientId);
      const now = this.#deps.clock.now();
      const step = currentStep(this.#state).id;
      const reading = this.#read(step, text, this.#transcript);
      const committed = this.#deps.db.sessions.commit(this.id, {
        at: now,
        command: { clientId, type: 'answer' },
        events: [
          {
            type: 'turn',
            turn: {
              role: 'candidate',
              step,
              kind: reading.intent === 'facts' ? 'clarification' : 'answer',
              intent: reading.intent,
              text,
              at: now,
              clientId,
            },
          },
        ],
      });
      subscriber.send({ type: 'ack', clientId, duplicate: committed.duplicate });
      if (committed.duplicate) return null;
      this.#publish(committed.events);
      await this.#afterAck(now, async () => ({
        type: 'candidate-message',
        reading: await this.#planned(step, text, reading, now),
      }));
      return null;
    });
  }

  /** `next_step` or `end` from the candidate, applied once per client id. */
  command(subscriber: Subscriber, type: 'next_step' | 'end', clientId: string): Promise<Refusal | null> {
    return this.run(async () => {
      if (this.ended) return this.#duplicateOrEnded(subscriber, clientId);
      const now = this.#deps.clock.now();
      const committed = this.#deps.db.sessions.commit(this.id, { at: now, command: { clientId, type } });
      subscriber.send({ type: 'ack', clientId, duplicate: committed.duplicate });
      if (committed.duplicate) return null;
      await this.#afterAck(now, () => (type === 'end' ? { type: 'end' } : { type: 'move-on' }));
      return null;
    });
  }

  /** Replaces the notes pad (last write wins). */
  notes(text: string): Promise<Refusal | null> {
    return this.run(() => {
      if (this.ended) return ENDED;
      this.#deps.db.sessions.commit(this.id, { at: this.#deps.clock.now(), notes: text });
      this.#record = { ...this.#record, notes: text };
      return null;
    });
  }

  /** Stops the timer; queued work still finishes (await `idle()`). */
  dispose(): void {
    this.#disposed = true;
    this.#abort.abort();
    this.#clearTimer();
  }

  /**
   * What a candidate message means, read against the transcript before it. A reader that fails
   * (a bug) must not lose the message: it is then read as a plain answer.
   */
  #read(step: StepId, text: string, transcript: readonly Turn[]): MessageReading {
    try {
      return this.#deps.brains.read({ ...this.#ctx, step, text, transcript, notes: this.#record.notes });
    } catch (error) {
      this.#deps.log.error({ err: error, sessionId: this.id }, 'reading a candidate message failed');
      return messageReading();
    }
  }

  /** With a model, the model reads the message too and proposes the move; the engine decides. */
  async #planned(step: StepId, text: string, offline: MessageReading, now: number): Promise<MessageReading> {
    if (!this.#voice?.plan) return offline;
    const allowed = allowedMoves(this.#state, offline, now);
    return this.#voice.plan({ ...this.#ctx, step, text, offline, allowed }, this.#abort.signal);
  }

  #duplicateOrEnded(subscriber: Subscriber, clientId: string): Refusal | null {
    if (!this.#deps.db.sessions.hasCommand(this.id, clientId)) return ENDED;
    subscriber.send({ type: 'ack', clientId, duplicate: true });
    return null;
  }

  /**
   * The command is stored and acknowledged; a failure from here on must not be reported as
   * "nothing was stored". It is logged, and the timer goes on (a later tick or message retries).
   */
  async #afterAck(now: number, event: () => EngineEvent | Promise<EngineEvent>): Promise<void> {
    try {
      await this.#drive(transition(this.#state, await event(), now), now);
    } catch (error) {
      this.#deps.log.error({ err: error, sessionId: this.id }, 'failed to apply a stored command');
      this.#schedule();
    }
  }

  async #tick(): Promise<void> {
    const now = this.#deps.clock.now();
    const next = transition(this.#state, { type: 'tick' }, now);
    await this.#drive(next, now);
  }

  /**
   * Folds a transition in: voices its moves, tells the engine they are voiced (which may advance
   * the step and ask for more moves), commits every resulting event with the new state in one
   * transaction, publishes them, and builds the report when the interview ended.
   */
  async #drive(first: Transition, now: number, pre: EventDraft[] = []): Promise<void> {
    const batch = await this.#voiceBatch(first, now, pre);
    const degraded = batch.degraded && !this.#record.degraded;
    const committed = this.#deps.db.sessions.commit(this.id, {
      at: now,
      events: batch.drafts,
      engineState: batch.state,
      steps: timings(batch.state),
      ...(degraded ? { degraded: true } : {}),
    });
    if (degraded) this.#record = { ...this.#record, degraded: true };
    this.#state = batch.state;
    // The committed turns replace their drafts, for seats here now and seats joining later.
    this.#drafts.clear();
    this.#publish(committed.events);
    if (batch.ended) await this.#finish(batch.ended);
    this.#schedule();
  }

  /** Voices the moves; drafts of a batch that fails (a shutdown) are forgotten, never stored. */
  async #voiceBatch(first: Transition, now: number, pre: EventDraft[]) {
    try {
      return await voiceBatch({
        first,
        now,
        pre,
        ctx: this.#ctx,
        seed: this.#record.seed,
        transcript: this.#transcript,
        brains: this.#deps.brains,
        log: this.#deps.log,
        model: this.#voice && {
          voice: this.#voice,
          sessionId: this.id,
          notes: this.#record.notes,
          broadcast: (message) => this.#broadcast(message),
          signal: this.#abort.signal,
          degraded: this.#record.degraded,
        },
      });
    } catch (error) {
      this.#drafts.clear();
      throw error;
    }
  }

  async #finish(ended: { reason: EndReason; at: number }): Promise<void> {
    const report = await this.#deps.brains.report({
      ...this.#ctx,
      sessionId: this.id,
      durationMinutes: this.#record.durationMinutes,
      transcript: this.#transcript,
      notes: this.#record.notes,
      steps: stepProgress(this.#state, ended.at, this.#ctx.framework),
      degraded: this.#record.degraded,
      interviewer: this.#record.interviewer,
      signal: this.#abort.signal,
      startedAt: this.#state.startedAt,
      now: ended.at,
    });
    const committed = this.#deps.db.sessions.commit(this.id, {
      at: ended.at,
      events: [{ type: 'ended', reason: ended.reason, reportId: this.id }],
      ended,
      report: { report, overall: report.overall, createdAt: report.createdAt },
    });
    this.#record = { ...this.#record, status: 'ended', endedAt: ended.at, endReason: ended.reason };
    this.#hasReport = true;
    this.#publish(committed.events);
  }

  /** Sends a frame that is not stored (a streamed draft) to every seat. */
  #broadcast(message: ServerMessage): void {
    this.#drafts.note(message);
    for (const subscriber of this.#subscribers) subscriber.send(message);
  }

  #publish(events: ServerEvent[]): void {
    for (const event of events) {
      if (event.type === 'turn') this.#transcript.push(event.turn);
      this.#lastSeq = Math.max(this.#lastSeq, event.seq);
      const message = forCandidate(event);
      for (const subscriber of this.#subscribers) subscriber.send(message);
    }
  }

  #schedule(): void {
    this.#clearTimer();
    if (this.#disposed) return;
    const deadline = nextDeadline(this.#state);
    if (deadline !== null) this.#arm(deadline - this.#deps.clock.now(), deadline);
  }

  /**
   * Sets the session's one timer. If a tick makes no progress (a failed commit, or an engine that
   * asks for a tick it does not act on), the next try waits MIN_RETRY_MS instead of spinning.
   */
  #arm(delayMs: number, deadline: number): void {
    const { clock, log } = this.#deps;
    this.#timer = clock.setTimeout(() => {
      this.#timer = null;
      void this.run(async () => {
        try {
          await this.#tick();
        } catch (error) {
          log.error({ err: error, sessionId: this.id }, 'session timer failed');
        }
        if (this.#disposed || nextDeadline(this.#state) !== deadline || deadline > clock.now()) return;
        log.warn({ sessionId: this.id, deadline }, 'a timer tick made no progress; retrying shortly');
        this.#clearTimer();
        this.#arm(MIN_RETRY_MS, deadline);
      });
    }, delayMs);
  }

  #clearTimer(): void {
    if (this.#timer) this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #snapshot(): SnapshotMessage {
    const now = this.#deps.clock.now();
    const step = currentStep(this.#state);
    const { caseStudy, framework } = this.#ctx;
    return {
      type: 'snapshot',
      session: {
        id: this.id,
        caseId: this.#record.caseId,
        caseTitle: this.#record.caseTitle,
        prompt: caseStudy.prompt,
        durationMinutes: this.#record.durationMinutes,
        interviewer: this.#record.interviewer,
        status: this.#record.status,
        startedAt: this.#state.startedAt,
        reportId: this.#hasReport ? this.id : null,
        degraded: this.#record.degraded,
      },
      steps: stepProgress(this.#state, now, framework),
      currentStep: step.id,
      stepStartedAt: step.startedAt ?? this.#state.startedAt,
      stepBudgetMs: step.budgetMs,
      serverNow: now,
      notes: this.#record.notes,
      transcript: this.#transcript.map(stripProbes),
      lastSeq: this.#lastSeq,
    };
  }
}

/** The candidate seat's view of a turn (kept under this name for the tests and the harness). */
export const stripProbes = candidateTurn;

function forCandidate(event: ServerEvent): ServerEvent {
  return event.type === 'turn' ? { ...event, turn: stripProbes(event.turn) } : event;
}

/** The step_timings rows for a state. */
export function timings(state: EngineState): StepTiming[] {
  return state.steps.map((step) => ({
    step: step.id,
    budgetMs: step.budgetMs,
    startedAt: step.startedAt,
    endedAt: step.endedAt,
    usedMs: step.startedAt === null || step.endedAt === null ? 0 : step.endedAt - step.startedAt,
    status: step.status,
  }));
}
