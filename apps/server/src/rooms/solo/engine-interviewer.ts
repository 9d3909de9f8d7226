import type { AsyncDb, EventDraft, SessionRecord } from '@mlsd/db';
import {
  allowedMoves,
  answerOptions,
  currentStep,
  type EngineEvent,
  type EngineState,
  type MessageReading,
  messageReading,
  nextDeadline,
  startInterview,
  type Transition,
  transition,
} from '@mlsd/engine';
import {
  type Command,
  type DrawingScene,
  type EndReason,
  type RoomClock,
  type RoomView,
  type ServerMessage,
  SOLO_TIMER_ACTIONS,
  type StepId,
  type Turn,
} from '@mlsd/protocol';
import { AnalysisCache } from '@mlsd/scoring';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock.ts';
import { clockEvent } from '../clock-events.ts';
import { notesForScoring, storedDrawing, whiteboardForModel } from '../drawing-notes.ts';
import { ENDED, PAUSED, type Refusal, refuse, SOLO_CLOCK } from '../refusals.ts';
import type { InterviewerPolicy, RoomHost } from '../room.ts';
import type { RoomCase } from '../room-case.ts';
import { clockOf, soloRoomView } from '../room-views.ts';
import type { SeatSocket } from '../seat-hub.ts';

import { SESSION_ANALYSES, type SessionBrains, type SessionCase, type SessionVoice } from './brains.ts';
import type { AnswerChoice } from './model-turns.ts';
import { OpenDrafts } from './open-drafts.ts';
import { sessionReport } from './report-times.ts';
import { timings, voiceBatch } from './voice.ts';

export interface EngineInterviewerDeps {
  db: AsyncDb;
  clock: Clock;
  brains: SessionBrains;
  log: FastifyBaseLogger;
}

type SoloControl = 'pause' | 'resume' | 'next_step' | 'end';

/**
 * The interviewer of a solo room: the engine decides each move from the candidate's messages and
 * the clock, and the offline interviewer or a language model voices it. Every change is committed
 * to the database before anyone hears of it. Every method that commits runs inside the room's
 * queue (commands, ticks, the start and the resume), so an awaited commit never interleaves with
 * another change; after each commit resolves, the memory update and the publish happen together.
 */
export class EngineInterviewer implements InterviewerPolicy {
  readonly mode = 'solo';
  readonly #host: RoomHost;
  readonly #deps: EngineInterviewerDeps;
  /** The case, and this session's own analyses (see `SessionCase`). */
  readonly #ctx: SessionCase;
  #record: SessionRecord;
  #state: EngineState;
  #hasReport: boolean;
  /** Aborts model requests (a reply, the judge) when the room is disposed. */
  readonly #abort = new AbortController();
  /** The model voice of an `llm` session (null: the offline interviewer voices every move). */
  readonly #voice: SessionVoice | null;
  /** Drafts streamed in the batch being voiced, for seats that join half-way. */
  readonly #drafts = new OpenDrafts();
  /**
   * Points the model saw the candidate cover (each with a quote found in their answer), read
   * after its replies: they are not open for later probes. Kept while the room lives; after a
   * restart the matcher's coverage alone decides again.
   */
  readonly #seenByModel = new Set<string>();

  constructor(
    host: RoomHost,
    deps: EngineInterviewerDeps,
    ctx: RoomCase,
    stored: { record: SessionRecord; state: EngineState; hasReport: boolean },
  ) {
    this.#host = host;
    this.#deps = deps;
    this.#ctx = {
      ...ctx,
      analyses: new AnalysisCache(SESSION_ANALYSES),
      level: stored.record.level,
      persona: stored.record.persona,
    };
    this.#record = stored.record;
    this.#state = stored.state;
    this.#hasReport = stored.hasReport;
    this.#voice = deps.brains.openVoice?.(stored.record.interviewer) ?? null;
  }

  get ended(): boolean {
    return this.#record.status === 'ended';
  }

  /** A language model voices this room (its moves stream as drafts). */
  get joinsOutsideQueue(): boolean {
    return this.#voice !== null;
  }

  catchUp(): ServerMessage[] {
    return this.#drafts.catchUp();
  }

  view(): RoomView {
    return soloRoomView(this.#record, this.#ctx.caseStudy.prompt, this.#state.startedAt, this.#hasReport);
  }

  clock(now: number): RoomClock {
    return clockOf(this.#state, now, this.#ctx.framework);
  }

  notes(): string {
    return this.#record.notes;
  }

  drawing(): DrawingScene | null {
    return storedDrawing(this.#record.drawing);
  }

  deadline(): number | null {
    return nextDeadline(this.#state);
  }

  dispose(): void {
    this.#abort.abort();
  }

  /** Voices and stores the effects of `startInterview` (and a notice turn first, when given). */
  async start(initial: Transition, notice?: string): Promise<void> {
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
  }

  /**
   * Picks up where a stored session left off: writes a missing opening or reply, finishes a
   * half-ended session, re-arms the timer.
   */
  async resume(): Promise<void> {
    if (this.#host.lastSeq === 0 && this.#state.status === 'active') {
      // Stopped before the opening was stored (a model writes it after the session is created).
      const startedAt = this.#state.startedAt;
      await this.#drive(startInterview(this.#state.config, startedAt), startedAt);
    }
    const last = this.#host.transcript.at(-1);
    if (this.#state.status === 'active' && last?.role === 'candidate') {
      // The server stopped after acknowledging this answer and before storing its reply (the
      // reply and the engine state commit together, and every answer gets a reply): reply now.
      const before = this.#host.transcript.slice(0, -1);
      await this.#afterAck(this.#deps.clock.now(), async () => ({
        type: 'candidate-message',
        reading: await this.#read(last.step, last.text, before),
      }));
    }
    if (this.#state.status === 'ended' && this.#record.status === 'active') {
      await this.#finish({
        reason: this.#state.endReason ?? 'time-up',
        at: this.#state.endedAt ?? this.#deps.clock.now(),
      });
    }
    this.#host.schedule();
  }

  command(socket: SeatSocket, command: Command): Promise<Refusal | null> | Refusal | null {
    switch (command.type) {
      case 'say':
        return this.#say(socket, command.clientId, command.text);
      case 'timer':
        if (!SOLO_TIMER_ACTIONS.has(command.action)) return SOLO_CLOCK;
        return this.#control(socket, command.action as SoloControl, command.clientId);
      case 'notes':
        return this.#notes(command.text);
      case 'drawing':
        return this.#drawing(command.scene);
      default:
        return refuse('FORBIDDEN', `"${command.type}" is for peer interviews`);
    }
  }

  async tick(now: number): Promise<void> {
    await this.#drive(transition(this.#state, { type: 'tick' }, now), now);
  }

  /** Stores a candidate message, acknowledges it, then lets the engine and interviewer reply. */
  async #say(socket: SeatSocket, clientId: string, text: string): Promise<Refusal | null> {
    if (this.ended) return this.#host.duplicateOrEnded(socket, clientId);
    if (this.#state.pausedAt !== null) {
      // A resent answer that was stored before the pause is acknowledged again, not refused.
      return (await this.#deps.db.sessions.hasCommand(this.#record.id, clientId))
        ? this.#host.duplicateOrEnded(socket, clientId)
        : PAUSED;
    }
    const now = this.#deps.clock.now();
    const step = currentStep(this.#state).id;
    const reading = await this.#read(step, text, this.#host.transcript);
    const committed = await this.#deps.db.sessions.commit(this.#record.id, {
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
    this.#host.ack(socket, clientId, committed.duplicate);
    if (committed.duplicate) return null;
    this.#host.publish(committed.events);
    const read = this.#voice ? this.#withoutSeen(reading) : reading;
    if (this.#voice && (read.intent === 'answer' || read.intent === 'tentative')) {
      await this.#answered(text, read, now);
    } else {
      await this.#afterAck(now, async () => ({
        type: 'candidate-message',
        reading: await this.#planned(step, text, read, now),
      }));
    }
    return null;
  }

  /**
   * A clock control from the candidate, applied once per client id. A pause or resume is then
   * told to every seat as a `clock` frame, as in a peer room.
   */
  async #control(socket: SeatSocket, type: SoloControl, clientId: string): Promise<Refusal | null> {
    if (this.ended) return this.#host.duplicateOrEnded(socket, clientId);
    const now = this.#deps.clock.now();
    const committed = await this.#deps.db.sessions.commit(this.#record.id, {
      at: now,
      command: { clientId, type: type === 'pause' || type === 'resume' ? `timer:${type}` : type },
    });
    this.#host.ack(socket, clientId, committed.duplicate);
    if (committed.duplicate) return null;
    await this.#afterAck(now, () => clockEvent(type));
    if ((type === 'pause' || type === 'resume') && !this.ended) {
      this.#host.broadcast({ type: 'clock', clock: this.clock(now) });
    }
    return null;
  }

  /** Replaces the notes pad (last write wins); observers see it as it is typed. */
  async #notes(text: string): Promise<Refusal | null> {
    if (this.ended) return ENDED;
    const now = this.#deps.clock.now();
    await this.#deps.db.sessions.commit(this.#record.id, { at: now, notes: text });
    this.#record = { ...this.#record, notes: text };
    this.#host.broadcast({ type: 'notes_update', text, at: now }, (socket) => socket.seat !== 'candidate');
    return null;
  }

  /** Replaces the whiteboard (last write wins); observers see it as it is drawn. */
  async #drawing(scene: DrawingScene): Promise<Refusal | null> {
    if (this.ended) return ENDED;
    const now = this.#deps.clock.now();
    await this.#deps.db.sessions.commit(this.#record.id, { at: now, drawing: scene });
    this.#record = { ...this.#record, drawing: scene };
    this.#host.broadcast({ type: 'drawing_update', scene, at: now }, (socket) => socket.seat !== 'candidate');
    return null;
  }

  /** The pad and the whiteboard's relations and sentences: what the scorer reads as notes. */
  #scoringNotes(): string {
    return notesForScoring(this.#record.notes, this.#record.drawing);
  }

  /**
   * What a candidate message means, read against the transcript before it. A reader that fails
   * (a bug) must not lose the message: it is then read as a plain answer.
   */
  async #read(step: StepId, text: string, transcript: readonly Turn[]): Promise<MessageReading> {
    try {
      return await this.#deps.brains.read({
        ...this.#ctx,
        step,
        text,
        transcript,
        notes: this.#scoringNotes(),
      });
    } catch (error) {
      this.#deps.log.error({ err: error, roomId: this.#record.id }, 'reading a candidate message failed');
      return messageReading();
    }
  }

  /**
   * With a model, a message that is not an answer is read by the model too (it may propose the
   * move); the engine decides. Answers take `#answerReply` instead: one request for both.
   */
  async #planned(step: StepId, text: string, offline: MessageReading, now: number): Promise<MessageReading> {
    if (!this.#voice?.plan) return offline;
    const allowed = allowedMoves(this.#state, offline, now);
    return this.#voice.plan({ ...this.#ctx, step, text, offline, allowed }, this.#abort.signal);
  }

  /**
   * The reply to an answer in a model session: the engine's own move is the default, and every
   * other move it allows now is offered; the model names one in the header of its reply (see
   * `answerOptions`), and the engine commits that option's transition. With nothing to choose,
   * the engine's move is voiced as any other.
   */
  async #answered(text: string, reading: MessageReading, now: number): Promise<void> {
    await this.#stored(async () => {
      const options = answerOptions(this.#state, reading, now);
      if (options.length === 0)
        return this.#drive(transition(this.#state, { type: 'candidate-message', reading }, now), now);
      return this.#drive(options[0]!.transition, now, [], { options, message: text });
    });
  }

  /** The reading without points the model saw covered in earlier answers. */
  #withoutSeen(reading: MessageReading): MessageReading {
    if (this.#seenByModel.size === 0) return reading;
    return { ...reading, uncovered: reading.uncovered.filter((point) => !this.#seenByModel.has(point.id)) };
  }

  /** Applies an event to a command already stored and acknowledged (see `#stored`). */
  async #afterAck(now: number, event: () => EngineEvent | Promise<EngineEvent>): Promise<void> {
    await this.#stored(async () => this.#drive(transition(this.#state, await event(), now), now));
  }

  /**
   * The command is stored and acknowledged; a failure from here on must not be reported as
   * "nothing was stored". It is logged, and the timer goes on (a later tick or message retries).
   */
  async #stored(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#deps.log.error({ err: error, roomId: this.#record.id }, 'failed to apply a stored command');
      this.#host.schedule();
    }
  }

  /**
   * Folds a transition in: voices its moves, tells the engine they are voiced (which may advance
   * the step and ask for more moves), commits every resulting event with the new state in one
   * transaction, publishes them, and builds the report when the interview ended.
   */
  async #drive(
    first: Transition,
    now: number,
    pre: EventDraft[] = [],
    choice: AnswerChoice | null = null,
  ): Promise<void> {
    const batch = await this.#voiceBatch(first, now, pre, choice);
    const degraded = batch.degraded && !this.#record.degraded;
    const committed = await this.#deps.db.sessions.commit(this.#record.id, {
      at: now,
      events: batch.drafts,
      engineState: batch.state,
      steps: timings(batch.state),
      ...(degraded ? { degraded: true } : {}),
    });
    if (degraded) this.#record = { ...this.#record, degraded: true };
    this.#state = batch.state;
    for (const id of batch.seen) this.#seenByModel.add(id);
    // The committed turns replace their drafts, for seats here now and seats joining later.
    this.#drafts.clear();
    this.#host.publish(committed.events);
    if (batch.ended) await this.#finish(batch.ended);
    this.#host.schedule();
  }

  /** Voices the moves; drafts of a batch that fails (a shutdown) are forgotten, never stored. */
  async #voiceBatch(first: Transition, now: number, pre: EventDraft[], choice: AnswerChoice | null) {
    try {
      return await voiceBatch({
        first,
        now,
        pre,
        choice,
        ctx: this.#ctx,
        seed: this.#record.seed,
        transcript: this.#host.transcript,
        brains: this.#deps.brains,
        log: this.#deps.log,
        model: this.#voice && {
          voice: this.#voice,
          sessionId: this.#record.id,
          notes: this.#scoringNotes(),
          whiteboard: whiteboardForModel(this.#record.drawing),
          broadcast: (message) => {
            this.#drafts.note(message);
            this.#host.broadcast(message);
          },
          signal: this.#abort.signal,
          degraded: this.#record.degraded,
          seen: this.#seenByModel,
        },
      });
    } catch (error) {
      this.#drafts.clear();
      throw error;
    }
  }

  async #finish(ended: { reason: EndReason; at: number }): Promise<void> {
    const report = await sessionReport(this.#deps.brains, {
      ctx: this.#ctx,
      record: this.#record,
      state: this.#state,
      transcript: this.#host.transcript,
      endedAt: ended.at,
      signal: this.#abort.signal,
    });
    const committed = await this.#deps.db.sessions.commit(this.#record.id, {
      at: ended.at,
      events: [{ type: 'ended', reason: ended.reason, reportId: this.#record.id }],
      ended,
      report: { report, overall: report.overall, createdAt: report.createdAt },
    });
    this.#record = { ...this.#record, status: 'ended', endedAt: ended.at, endReason: ended.reason };
    this.#hasReport = true;
    this.#host.publish(committed.events);
  }
}
