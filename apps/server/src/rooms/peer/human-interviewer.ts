import type { EventDraft, PeerChange, PeerRoomRecord } from '@mlsd/db';
import {
  createConfig,
  currentStep,
  type EngineState,
  nextDeadline,
  startInterview,
  transition,
} from '@mlsd/engine';
import type {
  Command,
  ConsoleStep,
  DrawingScene,
  EndReason,
  PeerAssessment,
  Report,
  RoomClock,
  RoomView,
  ServerMessage,
  Turn,
} from '@mlsd/protocol';
import { AppError } from '../../errors.ts';
import { clockEvent } from '../clock-events.ts';
import { notesForScoring, storedDrawing } from '../drawing-notes.ts';
import { ENDED, NOT_STARTED, type Refusal, refuse } from '../refusals.ts';
import type { InterviewerPolicy, RoomHost } from '../room.ts';
import type { RoomCase } from '../room-case.ts';
import { clockOf, peerRoomView } from '../room-views.ts';
import type { SeatSocket } from '../seat-hub.ts';
import { withMark, withPrivateNotes, withRating } from './assessment.ts';
import { LiveCoverage } from './live-coverage.ts';
import { roomLevel } from './room-level.ts';
import { roomConsole } from './room-views.ts';
import { consoleSteps } from './rubric-view.ts';
import { foldSilently } from './silent-engine.ts';
import type { HumanInterviewerDeps } from './types.ts';

type TimerCommand = Extract<Command, { type: 'timer' }>;
type SayCommand = Extract<Command, { type: 'say' }>;

export { COVERAGE_DELAY_MS } from './live-coverage.ts';

/**
 * The interviewer of a peer room is a person: the engine keeps the steps and the time but never
 * speaks. This policy stores both seats' lines, the interviewer's clock controls, marks, ratings
 * and private notes, and keeps the console's live coverage.
 */
export class HumanInterviewer implements InterviewerPolicy {
  readonly mode = 'peer';
  readonly #host: RoomHost;
  readonly #deps: HumanInterviewerDeps;
  readonly #case: RoomCase;
  readonly #steps: ConsoleStep[];
  readonly #pointIds: Set<string>;
  #record: PeerRoomRecord;
  #state: EngineState | null;
  readonly #coverage: LiveCoverage;

  constructor(
    host: RoomHost,
    deps: HumanInterviewerDeps,
    peerCase: RoomCase,
    record: PeerRoomRecord,
    state: EngineState | null,
  ) {
    this.#host = host;
    this.#deps = deps;
    this.#case = peerCase;
    this.#steps = consoleSteps(peerCase.caseStudy, peerCase.framework, roomLevel(record));
    this.#pointIds = new Set(this.#steps.flatMap((step) => step.points.map((point) => point.id)));
    this.#record = record;
    this.#state = state;
    this.#coverage = new LiveCoverage(host, deps, this.#steps, {
      report: () => this.autoReport(),
      hasText: () =>
        this.#record.pad.trim() !== '' || this.#host.transcript.some((turn) => turn.role === 'candidate'),
    });
  }

  get record(): PeerRoomRecord {
    return this.#record;
  }

  get steps(): ConsoleStep[] {
    return this.#steps;
  }

  get ended(): boolean {
    return this.#record.status === 'ended';
  }

  /** A room nobody watches can be dropped from memory unless its clock runs. */
  get running(): boolean {
    return this.#record.status === 'active';
  }

  view(): RoomView {
    return peerRoomView(this.#record, this.#case.caseStudy.prompt);
  }

  clock(now: number): RoomClock | null {
    return this.#state ? clockOf(this.#state, now, this.#case.framework) : null;
  }

  notes(): string {
    return this.#record.pad;
  }

  drawing(): DrawingScene | null {
    return storedDrawing(this.#record.drawing);
  }

  afterSnapshot(): ServerMessage[] {
    return [
      roomConsole({
        caseStudy: this.#case.caseStudy,
        steps: this.#steps,
        coverage: this.#coverage.current(),
        assessment: this.#record.assessment,
      }),
    ];
  }

  deadline(): number | null {
    return this.#state ? nextDeadline(this.#state) : null;
  }

  /** Finishes a room whose end was not fully stored, and re-arms the clock. */
  async resume(): Promise<void> {
    const state = this.#state;
    if (state?.status === 'ended' && this.#record.status === 'active') {
      await this.#finish({
        reason: state.endReason ?? 'time-up',
        at: state.endedAt ?? this.#deps.clock.now(),
      });
    }
    this.#host.schedule();
  }

  command(socket: SeatSocket, command: Command): Promise<Refusal | null> {
    switch (command.type) {
      case 'say':
        return this.#say(socket, command);
      case 'notes':
        return this.#pad(command.text);
      case 'drawing':
        return this.#drawing(command.scene);
      case 'timer':
        return this.#timer(socket, command);
      case 'mark':
        return this.#assess((a) => withMark(a, this.#pointIds, command.pointId, command.verdict));
      case 'rate':
        return this.#assess((a) => withRating(a, command.step, command.score, command.comment));
      case 'private_notes':
        return this.#assess((a) => withPrivateNotes(a, command.text));
      case 'swap':
        return this.#swap(socket, command.clientId);
    }
  }

  async tick(now: number): Promise<void> {
    const state = this.#state;
    if (!state) return;
    const folded = foldSilently(transition(state, { type: 'tick' }, now), now);
    if (folded.drafts.length === 0 && folded.ended === null && folded.state === state) return;
    await this.#commitFold(folded, now, undefined);
    await this.#afterFold(folded.ended, now);
  }

  dispose(): void {
    this.#coverage.dispose();
  }

  /** The automatic report: stored at the end, or of the transcript so far. */
  autoReport(): Report {
    return this.#record.autoReport ?? this.#scoreNow(this.#deps.clock.now());
  }

  /** Makes the swapped room (given by the peer rooms) on the first ask; later asks get the same room. */
  swapper: (() => Promise<string>) | null = null;

  /** A transcript line from the sender's seat. */
  async #say(socket: SeatSocket, message: SayCommand): Promise<Refusal | null> {
    const { clientId, text } = message;
    if (this.#record.status !== 'active' || this.#state === null) {
      if (this.#record.status === 'ended' || (await this.#deps.store.hasCommand(this.#record.id, clientId))) {
        return this.#host.duplicateOrEnded(socket, clientId);
      }
      return NOT_STARTED;
    }
    const now = this.#deps.clock.now();
    const seat = socket.seat === 'interviewer' ? 'interviewer' : 'candidate';
    const turn: EventDraft & { type: 'turn' } = {
      type: 'turn',
      turn: {
        role: seat,
        step: currentStep(this.#state).id,
        kind: this.#kindOf(seat, message),
        text,
        at: now,
        clientId,
      },
    };
    if (seat === 'interviewer' && message.pointId !== undefined && this.#pointIds.has(message.pointId)) {
      turn.turn.probedPointIds = [message.pointId];
    }
    const committed = await this.#deps.store.commit(this.#record.id, {
      at: now,
      command: { clientId, type: 'say' },
      events: [turn],
    });
    this.#host.ack(socket, clientId, committed.duplicate);
    if (committed.duplicate) return null;
    this.#host.publish(committed.events);
    if (seat === 'candidate') this.#coverage.changed();
    return null;
  }

  /** The candidate's notes and diagram pad, shown to the other seats as it is typed. */
  async #pad(text: string): Promise<Refusal | null> {
    if (this.#record.status === 'ended') return ENDED;
    const now = this.#deps.clock.now();
    await this.#deps.store.commit(this.#record.id, { at: now, pad: text });
    this.#record = { ...this.#record, pad: text };
    this.#host.broadcast({ type: 'notes_update', text, at: now }, (socket) => socket.seat !== 'candidate');
    this.#coverage.changed();
    return null;
  }

  /** The candidate's whiteboard, shown to the other seats (read-only) as it is drawn. */
  async #drawing(scene: DrawingScene): Promise<Refusal | null> {
    if (this.#record.status === 'ended') return ENDED;
    const now = this.#deps.clock.now();
    await this.#deps.store.commit(this.#record.id, { at: now, drawing: scene });
    this.#record = { ...this.#record, drawing: scene };
    this.#host.broadcast({ type: 'drawing_update', scene, at: now }, (socket) => socket.seat !== 'candidate');
    this.#coverage.changed();
    return null;
  }

  /** The interviewer's clock controls. */
  async #timer(socket: SeatSocket, message: TimerCommand): Promise<Refusal | null> {
    const { clientId, action } = message;
    if (await this.#deps.store.hasCommand(this.#record.id, clientId))
      return this.#host.duplicateOrEnded(socket, clientId);
    if (this.#record.status === 'ended') return ENDED;
    const now = this.#deps.clock.now();
    if (action === 'start') {
      if (this.#record.status !== 'lobby')
        return refuse('ALREADY_STARTED', 'the interview is already running');
      return this.#start(socket, clientId, now);
    }
    if (this.#state === null) return NOT_STARTED;
    if (action === 'add_minutes' && message.minutes === undefined)
      return refuse('BAD_MESSAGE', 'add_minutes needs "minutes" (1-15)');
    const event = clockEvent(action, message.minutes ?? 0);
    const folded = foldSilently(transition(this.#state, event, now), now);
    await this.#commitFold(folded, now, { clientId, type: `timer:${action}` });
    this.#host.ack(socket, clientId, false);
    await this.#afterFold(folded.ended, now);
    return null;
  }

  /** Records the swapped room and tells every seat; a second ask gets the same room. */
  async #swap(socket: SeatSocket, clientId: string): Promise<Refusal | null> {
    if (this.#record.status !== 'ended')
      return refuse('NOT_ENDED', 'swap seats once the interview has ended');
    const existing = this.#record.nextRoomId;
    if (existing !== null) {
      this.#host.ack(socket, clientId, true);
      this.#host.send(socket, { type: 'next_room', roomId: existing });
      return null;
    }
    if (!this.swapper)
      return refuse(
        'SWAP_UNAVAILABLE',
        'seat swaps are not available here; create a new room from the home page',
      );
    let nextRoomId: string;
    try {
      nextRoomId = await this.swapper();
    } catch (error) {
      // No case is left that keeps the answer key hidden: say so; nothing was stored.
      if (error instanceof AppError) return refuse(error.code, error.message);
      throw error;
    }
    const now = this.#deps.clock.now();
    await this.#deps.store.commit(this.#record.id, {
      at: now,
      command: { clientId, type: 'swap' },
      nextRoomId,
    });
    this.#record = { ...this.#record, nextRoomId };
    this.#host.ack(socket, clientId, false);
    this.#host.broadcast({ type: 'next_room', roomId: nextRoomId });
    return null;
  }

  #kindOf(seat: 'interviewer' | 'candidate', message: SayCommand): Turn['kind'] {
    if (seat === 'interviewer') return message.kind ?? (message.pointId ? 'probe' : 'answer');
    return this.#deps.scorer.asksForFacts(message.text) ? 'clarification' : 'answer';
  }

  async #start(socket: SeatSocket, clientId: string, now: number): Promise<null> {
    const { caseStudy, framework } = this.#case;
    const config = createConfig(framework, caseStudy, { durationMinutes: this.#record.durationMinutes });
    const folded = foldSilently(startInterview(config, now), now);
    await this.#commitFold(folded, now, { clientId, type: 'timer:start' }, true);
    this.#record = { ...this.#record, status: 'active', startedAt: now };
    this.#host.ack(socket, clientId, false);
    // The candidate learns the case now: everyone gets a fresh snapshot.
    this.#host.resnapshot();
    this.#host.schedule();
    return null;
  }

  async #commitFold(
    folded: ReturnType<typeof foldSilently>,
    now: number,
    command: { clientId: string; type: string } | undefined,
    started = false,
  ): Promise<void> {
    const change: PeerChange = { at: now, events: folded.drafts, engineState: folded.state };
    if (command) change.command = command;
    if (started) change.started = { at: now };
    const committed = await this.#deps.store.commit(this.#record.id, change);
    this.#state = folded.state;
    this.#host.publish(committed.events);
  }

  async #afterFold(ended: { reason: EndReason; at: number } | null, now: number): Promise<void> {
    if (ended) await this.#finish(ended);
    else this.#broadcastClock(now);
    this.#host.schedule();
  }

  #broadcastClock(now: number): void {
    const clock = this.clock(now);
    if (clock) this.#host.broadcast({ type: 'clock', clock });
  }

  async #finish(ended: { reason: EndReason; at: number }): Promise<void> {
    const autoReport = this.#scoreNow(ended.at);
    const committed = await this.#deps.store.commit(this.#record.id, {
      at: ended.at,
      events: [{ type: 'ended', reason: ended.reason, reportId: this.#record.id }],
      ended: { ...ended, autoReport },
    });
    this.#record = {
      ...this.#record,
      status: 'ended',
      endedAt: ended.at,
      endReason: ended.reason,
      autoReport,
    };
    this.#broadcastClock(ended.at);
    this.#host.publish(committed.events);
    this.#coverage.final(autoReport);
  }

  async #assess(change: (assessment: PeerAssessment) => PeerAssessment | Refusal): Promise<Refusal | null> {
    const next = change(this.#record.assessment);
    if ('code' in next) return next;
    await this.#deps.store.commit(this.#record.id, { at: this.#deps.clock.now(), assessment: next });
    this.#record = { ...this.#record, assessment: next };
    this.#host.toInterviewerViews({ type: 'assessment', assessment: next });
    return null;
  }

  #scoreNow(now: number): Report {
    return this.#deps.scorer.report({
      roomId: this.#record.id,
      ...this.#case,
      durationMinutes: this.#record.durationMinutes,
      transcript: this.#host.transcript,
      pad: notesForScoring(this.#record.pad, this.#record.drawing),
      startedAt: this.#record.startedAt,
      now,
      level: roomLevel(this.#record),
    });
  }
}
