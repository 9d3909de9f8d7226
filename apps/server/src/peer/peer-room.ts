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
  ConsoleStep,
  EndReason,
  PeerAssessment,
  PeerClientMessage,
  PeerCoverage,
  PeerSeat,
  PeerServerMessage,
  PointVerdict,
  Report,
  ServerEvent,
  StepId,
  Turn,
} from '@mlsd/protocol';
import { SerialQueue } from '../live/serial.ts';
import { withMark, withPrivateNotes, withRating } from './assessment.ts';
import { DeadlineTimer } from './deadline-timer.ts';
import {
  ENDED,
  FORBIDDEN_CANDIDATE,
  FORBIDDEN_INTERVIEWER,
  NOT_STARTED,
  type PeerCase,
  type PeerRefusal,
  type PeerRoomDeps,
  type PeerSubscriber,
  refuse,
} from './room-types.ts';
import { engineEvent, roomConsole, roomSnapshot } from './room-views.ts';
import { consoleSteps, coverageOf, emptyCoverage } from './rubric-view.ts';
import { SeatHub } from './seat-hub.ts';
import { clockOf, foldSilently } from './silent-engine.ts';

export type { PeerCase, PeerRefusal, PeerRoomDeps, PeerScorer, PeerSubscriber } from './room-types.ts';

type TimerMessage = Extract<PeerClientMessage, { type: 'peer_timer' }>;
type SayMessage = Extract<PeerClientMessage, { type: 'peer_say' }>;

/** How long coverage waits for more typing before it is recomputed (it costs tens of ms). */
export const COVERAGE_DELAY_MS = 1_000;

/**
 * One peer room in memory. Every change runs through one serial queue and is committed to SQLite
 * before anyone hears of it; every frame to a seat goes through `projectForSeat`.
 */
export class PeerRoom {
  readonly id: string;
  readonly #deps: PeerRoomDeps;
  readonly #case: PeerCase;
  readonly #steps: ConsoleStep[];
  readonly #pointIds: Set<string>;
  #record: PeerRoomRecord;
  #state: EngineState | null;
  readonly #transcript: Turn[];
  #lastSeq: number;
  #coverage: PeerCoverage | null = null;
  readonly #seats = new SeatHub();
  readonly #queue = new SerialQueue();
  readonly #timer: DeadlineTimer;
  #coverageTimer: ReturnType<PeerRoomDeps['clock']['setTimeout']> | null = null;
  #disposed = false;

  constructor(deps: PeerRoomDeps, peerCase: PeerCase, record: PeerRoomRecord, state: EngineState | null) {
    this.id = record.id;
    this.#deps = deps;
    this.#case = peerCase;
    this.#steps = consoleSteps(peerCase.caseStudy, peerCase.framework);
    this.#pointIds = new Set(this.#steps.flatMap((step) => step.points.map((point) => point.id)));
    this.#record = record;
    this.#state = state;
    this.#transcript = deps.store.transcript(record.id);
    this.#lastSeq = deps.store.lastSeq(record.id);
    this.#timer = new DeadlineTimer(deps.clock, (error) => this.#timerFailed(error));
  }

  get record(): PeerRoomRecord {
    return this.#record;
  }

  get steps(): ConsoleStep[] {
    return this.#steps;
  }

  get transcript(): readonly Turn[] {
    return this.#transcript;
  }

  get subscriberCount(): number {
    return this.#seats.size;
  }

  run<T>(job: () => T | Promise<T>): Promise<T> {
    return this.#queue.run(job);
  }

  idle(): Promise<void> {
    return this.#queue.idle();
  }

  /** Re-arms the clock after a restart and finishes a room whose end was not fully stored. */
  resume(): Promise<void> {
    return this.run(() => {
      const state = this.#state;
      if (state?.status === 'ended' && this.#record.status === 'active') {
        this.#finish({ reason: state.endReason ?? 'time-up', at: state.endedAt ?? this.#deps.clock.now() });
      }
      this.#schedule();
    });
  }

  /** Snapshot (and console for the interviewer), then live frames; everyone learns who is here. */
  join(subscriber: PeerSubscriber): Promise<void> {
    return this.run(() => {
      this.#seats.send(subscriber, this.#snapshot());
      if (subscriber.seat === 'interviewer') this.#seats.send(subscriber, this.#console());
      this.#seats.add(subscriber);
      this.#seats.broadcast({ type: 'peer_presence', presence: this.#seats.presence });
    });
  }

  leave(subscriber: PeerSubscriber): Promise<void> {
    return this.run(() => {
      if (!this.#seats.delete(subscriber)) return;
      this.#seats.broadcast({ type: 'peer_presence', presence: this.#seats.presence });
    });
  }

  /** A transcript line from the sender's seat. */
  say(subscriber: PeerSubscriber, message: SayMessage): Promise<PeerRefusal | null> {
    return this.run(() => {
      const { clientId, text } = message;
      if (this.#record.status !== 'active' || this.#state === null) {
        if (this.#deps.store.hasCommand(this.id, clientId)) return this.#ackDuplicate(subscriber, clientId);
        return this.#record.status === 'ended' ? ENDED : NOT_STARTED;
      }
      const now = this.#deps.clock.now();
      const seat = subscriber.seat;
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
      const committed = this.#deps.store.commit(this.id, {
        at: now,
        command: { clientId, type: 'say' },
        events: [turn],
      });
      subscriber.send({ type: 'peer_ack', clientId, duplicate: committed.duplicate });
      if (committed.duplicate) return null;
      this.#publish(committed.events);
      if (seat === 'candidate') this.#coverageChanged();
      return null;
    });
  }

  /** The candidate's notes and diagram pad, shown to the interviewer as it is typed. */
  pad(subscriber: PeerSubscriber, text: string): Promise<PeerRefusal | null> {
    return this.run(() => {
      if (subscriber.seat !== 'candidate') return FORBIDDEN_CANDIDATE;
      if (this.#record.status === 'ended') return ENDED;
      const now = this.#deps.clock.now();
      this.#deps.store.commit(this.id, { at: now, pad: text });
      this.#record = { ...this.#record, pad: text };
      this.#seats.toInterviewers({ type: 'peer_pad_update', text, at: now });
      this.#coverageChanged();
      return null;
    });
  }

  /** The interviewer's clock controls. */
  timer(subscriber: PeerSubscriber, message: TimerMessage): Promise<PeerRefusal | null> {
    return this.run(() => {
      if (subscriber.seat !== 'interviewer') return FORBIDDEN_INTERVIEWER;
      const { clientId, action } = message;
      if (this.#deps.store.hasCommand(this.id, clientId)) return this.#ackDuplicate(subscriber, clientId);
      if (this.#record.status === 'ended') return ENDED;
      const now = this.#deps.clock.now();
      if (action === 'start') {
        if (this.#record.status !== 'lobby')
          return refuse('ALREADY_STARTED', 'the interview is already running');
        return this.#start(subscriber, clientId, now);
      }
      if (this.#state === null) return NOT_STARTED;
      if (action === 'add_minutes' && message.minutes === undefined)
        return refuse('BAD_MESSAGE', 'add_minutes needs "minutes" (1-15)');
      const event = engineEvent(action, message.minutes ?? 0);
      const folded = foldSilently(transition(this.#state, event, now), now);
      this.#commitFold(folded, now, { clientId, type: `timer:${action}` });
      subscriber.send({ type: 'peer_ack', clientId, duplicate: false });
      this.#afterFold(folded.ended, now);
      return null;
    });
  }

  /** Interviewer: confirm or override the automatic verdict on a point. */
  mark(subscriber: PeerSubscriber, pointId: string, verdict: PointVerdict | null) {
    return this.#assess(subscriber, (assessment) => withMark(assessment, this.#pointIds, pointId, verdict));
  }

  /** Interviewer: a 1-4 rating and comment for a step (also after the end). */
  rate(subscriber: PeerSubscriber, step: StepId, score: number | null, comment: string) {
    return this.#assess(subscriber, (assessment) => withRating(assessment, step, score, comment));
  }

  privateNotes(subscriber: PeerSubscriber, text: string) {
    return this.#assess(subscriber, (assessment) => withPrivateNotes(assessment, text));
  }

  /** Records the swapped room (made by the runtime) and tells both seats; a second ask gets the same room. */
  linkNext(
    subscriber: PeerSubscriber,
    clientId: string,
    makeNext: () => string,
  ): Promise<PeerRefusal | null> {
    return this.run(() => {
      if (this.#record.status !== 'ended')
        return refuse('NOT_ENDED', 'swap seats once the interview has ended');
      const existing = this.#record.nextRoomId;
      if (existing !== null) {
        subscriber.send({ type: 'peer_ack', clientId, duplicate: true });
        this.#seats.send(subscriber, { type: 'peer_next_room', roomId: existing });
        return null;
      }
      const nextRoomId = makeNext();
      const now = this.#deps.clock.now();
      this.#deps.store.commit(this.id, { at: now, command: { clientId, type: 'swap' }, nextRoomId });
      this.#record = { ...this.#record, nextRoomId };
      subscriber.send({ type: 'peer_ack', clientId, duplicate: false });
      this.#seats.broadcast({ type: 'peer_next_room', roomId: nextRoomId });
      return null;
    });
  }

  /** Stops the clocks; queued work still finishes. */
  dispose(): void {
    this.#disposed = true;
    this.#timer.clear();
    if (this.#coverageTimer) this.#deps.clock.clearTimeout(this.#coverageTimer);
    this.#coverageTimer = null;
  }

  /** The automatic report: stored at the end, or of the transcript so far. */
  autoReport(): Report {
    return this.#record.autoReport ?? this.#scoreNow(this.#deps.clock.now());
  }

  #kindOf(seat: PeerSeat, message: SayMessage): Turn['kind'] {
    if (seat === 'interviewer') return message.kind ?? (message.pointId ? 'probe' : 'answer');
    return this.#deps.scorer.asksForFacts(message.text) ? 'clarification' : 'answer';
  }

  #start(subscriber: PeerSubscriber, clientId: string, now: number): null {
    const { caseStudy, framework } = this.#case;
    const config = createConfig(framework, caseStudy, { durationMinutes: this.#record.durationMinutes });
    const folded = foldSilently(startInterview(config, now), now);
    this.#commitFold(folded, now, { clientId, type: 'timer:start' }, true);
    this.#record = { ...this.#record, status: 'active', startedAt: now };
    subscriber.send({ type: 'peer_ack', clientId, duplicate: false });
    // The candidate learns the case now: everyone gets a fresh snapshot.
    this.#seats.broadcast(() => this.#snapshot());
    this.#schedule();
    return null;
  }

  #commitFold(
    folded: ReturnType<typeof foldSilently>,
    now: number,
    command: { clientId: string; type: string } | undefined,
    started = false,
  ): void {
    const change: PeerChange = { at: now, events: folded.drafts, engineState: folded.state };
    if (command) change.command = command;
    if (started) change.started = { at: now };
    const committed = this.#deps.store.commit(this.id, change);
    this.#state = folded.state;
    this.#publish(committed.events);
  }

  #afterFold(ended: { reason: EndReason; at: number } | null, now: number): void {
    if (ended) this.#finish(ended);
    else if (this.#state) this.#seats.broadcast({ type: 'peer_clock', clock: this.#clock(now) });
    this.#schedule();
  }

  #finish(ended: { reason: EndReason; at: number }): void {
    const autoReport = this.#scoreNow(ended.at);
    const committed = this.#deps.store.commit(this.id, {
      at: ended.at,
      events: [{ type: 'ended', reason: ended.reason, reportId: this.id }],
      ended: { ...ended, autoReport },
    });
    this.#record = {
      ...this.#record,
      status: 'ended',
      endedAt: ended.at,
      endReason: ended.reason,
      autoReport,
    };
    if (this.#state) this.#seats.broadcast({ type: 'peer_clock', clock: this.#clock(ended.at) });
    this.#publish(committed.events);
    this.#coverage = coverageOf(autoReport);
    this.#seats.toInterviewers({ type: 'peer_coverage', coverage: this.#coverage });
  }

  #assess(
    subscriber: PeerSubscriber,
    change: (assessment: PeerAssessment) => PeerAssessment | PeerRefusal,
  ): Promise<PeerRefusal | null> {
    return this.run(() => {
      if (subscriber.seat !== 'interviewer') return FORBIDDEN_INTERVIEWER;
      const next = change(this.#record.assessment);
      if ('code' in next) return next;
      this.#deps.store.commit(this.id, { at: this.#deps.clock.now(), assessment: next });
      this.#record = { ...this.#record, assessment: next };
      this.#seats.toInterviewers({ type: 'peer_assessment', assessment: next });
      return null;
    });
  }

  #ackDuplicate(subscriber: PeerSubscriber, clientId: string): null {
    subscriber.send({ type: 'peer_ack', clientId, duplicate: true });
    return null;
  }

  async #tick(): Promise<void> {
    const state = this.#state;
    if (!state) return;
    const now = this.#deps.clock.now();
    const folded = foldSilently(transition(state, { type: 'tick' }, now), now);
    if (folded.drafts.length === 0 && folded.ended === null && folded.state === state) return;
    this.#commitFold(folded, now, undefined);
    this.#afterFold(folded.ended, now);
  }

  #schedule(): void {
    if (this.#disposed || !this.#state) {
      this.#timer.clear();
      return;
    }
    this.#timer.arm(nextDeadline(this.#state), () =>
      this.run(async () => {
        await this.#tick();
        return this.#state ? nextDeadline(this.#state) : null;
      }),
    );
  }

  #timerFailed(error: unknown): void {
    this.#deps.log.error({ err: error, roomId: this.id }, 'peer room timer failed');
  }

  /** Coverage is recomputed a moment after the candidate stops typing, not on every keystroke. */
  #coverageChanged(): void {
    this.#coverage = null;
    if (this.#coverageTimer || this.#disposed) return;
    this.#coverageTimer = this.#deps.clock.setTimeout(() => {
      this.#coverageTimer = null;
      this.run(() => {
        if (this.#coverage !== null || !this.#seats.presence.interviewer) return;
        this.#seats.toInterviewers({ type: 'peer_coverage', coverage: this.#currentCoverage() });
      }).catch((error: unknown) => this.#timerFailed(error));
    }, COVERAGE_DELAY_MS);
  }

  #currentCoverage(): PeerCoverage {
    if (this.#coverage) return this.#coverage;
    const hasText = this.#record.pad.trim() !== '' || this.#transcript.some((t) => t.role === 'candidate');
    this.#coverage = hasText ? coverageOf(this.autoReport()) : emptyCoverage(this.#steps);
    return this.#coverage;
  }

  #scoreNow(now: number): Report {
    return this.#deps.scorer.report({
      roomId: this.id,
      ...this.#case,
      durationMinutes: this.#record.durationMinutes,
      transcript: this.#transcript,
      pad: this.#record.pad,
      startedAt: this.#record.startedAt,
      now,
    });
  }

  #publish(events: ServerEvent[]): void {
    for (const event of events) {
      if (event.type === 'turn') this.#transcript.push(event.turn);
      this.#lastSeq = Math.max(this.#lastSeq, event.seq);
      this.#seats.broadcast(event);
    }
  }

  #clock(now: number) {
    if (!this.#state) throw new Error(`peer room ${this.id} has no clock before the start`);
    return clockOf(this.#state, now, this.#case.framework);
  }

  #snapshot(): PeerServerMessage {
    return roomSnapshot({
      record: this.#record,
      ...this.#case,
      state: this.#state,
      presence: this.#seats.presence,
      transcript: this.#transcript,
      lastSeq: this.#lastSeq,
      now: this.#deps.clock.now(),
    });
  }

  #console(): PeerServerMessage {
    return roomConsole({
      caseStudy: this.#case.caseStudy,
      steps: this.#steps,
      coverage: this.#currentCoverage(),
      assessment: this.#record.assessment,
    });
  }
}
