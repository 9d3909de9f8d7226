import { randomInt, randomUUID } from 'node:crypto';
import type { PeerRoomRecord, PeerStore } from '@mlsd/db';
import { restoreState } from '@mlsd/engine';
import type {
  CreatePeerRoomResponse,
  DurationMinutes,
  PeerReport,
  PeerRoomInfo,
  PeerSeat,
} from '@mlsd/protocol';
import type { CaseStudy } from '@mlsd/rubric';
import { newToken } from '../auth.ts';
import { AppError } from '../errors.ts';
import type { RubricStore } from '../plugins/rubrics.ts';
import { EMPTY_ASSESSMENT } from './assessment.ts';
import { buildPeerReport } from './peer-report.ts';
import { PeerRoom, type PeerRoomDeps } from './peer-room.ts';
import { checkSeat, type SeatCheck } from './seats.ts';

export interface PeerRuntimeDeps extends PeerRoomDeps {
  rubrics: RubricStore;
}

export type PeerJoin = { ok: true; room: PeerRoom; seat: PeerSeat } | Exclude<SeatCheck, { ok: true }>;

/** The route for a seat's link; the page puts its own origin in front. */
export function seatPath(roomId: string, token: string): string {
  return `#/peer/${roomId}/${token}`;
}

/** The peer rooms of this process: created, swapped, joined by token, resumed after a restart. */
export class PeerRuntime {
  readonly #deps: PeerRuntimeDeps;
  readonly #rooms = new Map<string, PeerRoom>();
  #closed = false;

  constructor(deps: PeerRuntimeDeps) {
    this.#deps = deps;
  }

  get store(): PeerStore {
    return this.#deps.store;
  }

  /** A new room in the lobby with two fresh seat tokens. A surprise room names no case in its reply. */
  create(options: {
    caseId?: string;
    surprise: boolean;
    durationMinutes: DurationMinutes;
  }): CreatePeerRoomResponse {
    const caseStudy =
      options.surprise || options.caseId === undefined
        ? this.#randomCase(null)
        : this.#deps.rubrics.getCase(options.caseId);
    const interviewer = newToken();
    const candidate = newToken();
    const id = this.#insert({
      caseStudy,
      surprise: options.surprise,
      durationMinutes: options.durationMinutes,
      interviewerTokenHash: interviewer.hash,
      candidateTokenHash: candidate.hash,
      previousRoomId: null,
    });
    return {
      roomId: id,
      durationMinutes: options.durationMinutes,
      surprise: options.surprise,
      caseTitle: options.surprise ? null : caseStudy.title,
      interviewer: { seat: 'interviewer', token: interviewer.token, path: seatPath(id, interviewer.token) },
      candidate: { seat: 'candidate', token: candidate.token, path: seatPath(id, candidate.token) },
    };
  }

  /**
   * The room after `from` with the seats swapped: each person keeps their own token, which now
   * opens the other seat, so nobody needs a new link sent to them. Another case, hidden until the start.
   */
  swapRoomOf(from: PeerRoomRecord): string {
    return this.#insert({
      caseStudy: this.#randomCase(from.caseId),
      surprise: true,
      durationMinutes: from.durationMinutes as DurationMinutes,
      interviewerTokenHash: from.candidateTokenHash,
      candidateTokenHash: from.interviewerTokenHash,
      previousRoomId: from.id,
    });
  }

  /** The seat a token opens: unknown rooms and wrong tokens give the same answer. */
  async join(roomId: string, token: string): Promise<PeerJoin> {
    const check = checkSeat(this.#deps.store.get(roomId), token, this.#deps.clock.now());
    if (!check.ok) return check;
    const room = this.#rooms.get(roomId) ?? this.#open(check.room);
    await room.resume();
    return { ok: true, room, seat: check.seat };
  }

  /** `GET /api/peer/rooms/:id`: which seat the token holds. */
  info(roomId: string, token: string): PeerRoomInfo {
    const { room, seat } = this.#authorize(roomId, token);
    return { roomId: room.id, seat, status: room.status, durationMinutes: room.durationMinutes };
  }

  /** The report for the token's seat; the candidate's only once the interview has ended. */
  report(roomId: string, token: string): PeerReport {
    const { room, seat } = this.#authorize(roomId, token);
    if (room.status !== 'ended' && seat === 'candidate') {
      throw new AppError('REPORT_NOT_READY', 'the report opens for the candidate when the interview ends');
    }
    if (room.status === 'lobby') throw new AppError('REPORT_NOT_READY', 'the interview has not started yet');
    const live = this.#rooms.get(room.id) ?? this.#open(room);
    const auto = room.autoReport ?? live.autoReport();
    const report = buildPeerReport(
      {
        room,
        auto,
        steps: live.steps,
        assessment: room.assessment,
        transcript: this.#deps.store.transcript(room.id),
        pad: room.pad,
      },
      seat,
    );
    this.release(live);
    return report;
  }

  /** Loads every running room and re-arms its clock. */
  async resumeAll(): Promise<void> {
    for (const id of this.#deps.store.activeIds()) {
      try {
        const record = this.#deps.store.get(id);
        if (record) await (this.#rooms.get(id) ?? this.#open(record)).resume();
      } catch (error) {
        this.#deps.log.error({ err: error, roomId: id }, 'cannot resume peer room; its clock stays stopped');
      }
    }
  }

  /** Drops a room nobody watches and whose clock is not running. */
  release(room: PeerRoom): void {
    if (room.subscriberCount > 0 || room.record.status === 'active') return;
    if (this.#rooms.get(room.id) !== room) return;
    room.dispose();
    this.#rooms.delete(room.id);
  }

  async idle(): Promise<void> {
    await Promise.all([...this.#rooms.values()].map((room) => room.idle()));
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const room of this.#rooms.values()) room.dispose();
    await this.idle();
    this.#rooms.clear();
  }

  #authorize(roomId: string, token: string): { room: PeerRoomRecord; seat: PeerSeat } {
    const live = this.#rooms.get(roomId);
    const record = live?.record ?? this.#deps.store.get(roomId);
    const check = checkSeat(record, token, this.#deps.clock.now());
    if (check.ok) return { room: live?.record ?? check.room, seat: check.seat };
    if (check.reason === 'expired') throw new RoomExpiredError(EXPIRED_REST);
    throw new AppError('UNAUTHORIZED', UNAUTHORIZED_REST);
  }

  #insert(input: {
    caseStudy: CaseStudy;
    surprise: boolean;
    durationMinutes: DurationMinutes;
    interviewerTokenHash: string;
    candidateTokenHash: string;
    previousRoomId: string | null;
  }): string {
    const id = randomUUID();
    this.#deps.store.create({
      id,
      interviewerTokenHash: input.interviewerTokenHash,
      candidateTokenHash: input.candidateTokenHash,
      caseId: input.caseStudy.id,
      caseTitle: input.caseStudy.title,
      surprise: input.surprise,
      durationMinutes: input.durationMinutes,
      assessment: EMPTY_ASSESSMENT,
      createdAt: this.#deps.clock.now(),
      previousRoomId: input.previousRoomId,
    });
    return id;
  }

  #randomCase(exceptId: string | null): CaseStudy {
    const cases = [...this.#deps.rubrics.current.cases.values()];
    const pool = cases.length > 1 ? cases.filter((study) => study.id !== exceptId) : cases;
    const picked = pool[randomInt(pool.length)];
    if (!picked) throw new AppError('UNAVAILABLE', 'there are no cases in the rubrics to pick from');
    return picked;
  }

  #open(record: PeerRoomRecord): PeerRoom {
    if (this.#closed) throw new AppError('UNAVAILABLE', 'the server is shutting down; try again in a moment');
    const rubrics = this.#deps.rubrics.current;
    const caseStudy = rubrics.cases.get(record.caseId);
    if (!caseStudy) {
      throw new AppError('INTERNAL', `peer room ${record.id} uses case '${record.caseId}', which is gone`);
    }
    let state = null;
    if (record.engineState !== null) {
      const restored = restoreState(record.engineState);
      if (!restored.ok) throw new AppError('INTERNAL', `peer room ${record.id}: ${restored.error}`);
      state = restored.value;
    }
    const room = new PeerRoom(this.#deps, { caseStudy, framework: rubrics.framework }, record, state);
    this.#rooms.set(record.id, room);
    return room;
  }
}

/** A valid link to a room that expired: answered 410 with code ROOM_EXPIRED (only a seat holder learns it). */
export class RoomExpiredError extends Error {
  override readonly name = 'RoomExpiredError';
}

const UNAUTHORIZED_REST =
  'this room link is not valid: send "Authorization: Bearer <token>" with a seat token from the room link';
const EXPIRED_REST =
  'this room expired: it was never started within a day. Create a new room from the home page.';
