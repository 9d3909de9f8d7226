import { randomInt, randomUUID } from 'node:crypto';
import type { AsyncDb, PeerRoomRecord } from '@mlsd/db';
import { type EngineState, restoreState } from '@mlsd/engine';
import type {
  CreatePeerRoomResponse,
  DurationMinutes,
  PeerReport,
  PeerRoomInfo,
  PeerSeat,
  SessionLevel,
} from '@mlsd/protocol';
import type { CaseStudy } from '@mlsd/rubric';
import { newToken } from '../../auth.ts';
import { AppError } from '../../errors.ts';
import type { RubricStore } from '../../plugins/rubrics.ts';
import { storedDrawing } from '../drawing-notes.ts';
import { type RoomKind, type Rooms, type SeatGrant, UNAUTHORIZED } from '../registry.ts';
import { Room } from '../room.ts';
import { EMPTY_ASSESSMENT } from './assessment.ts';
import { HumanInterviewer } from './human-interviewer.ts';
import { buildPeerReport } from './peer-report.ts';
import { levelForCase, requireCaseLevel, roomLevel } from './room-level.ts';
import { checkSeat, EXPIRED_MESSAGE } from './seats.ts';
import { type ChainRoom, swapCasePool } from './swap-case.ts';
import type { HumanInterviewerDeps } from './types.ts';

/** How far back a swap looks for answer keys already seen; far more rooms than a pair ever swaps. */
const MAX_CHAIN = 200;

export interface PeerRoomsDeps extends HumanInterviewerDeps {
  rubrics: RubricStore;
}

/** The route for a seat's link; the page puts its own origin in front. */
export function seatPath(roomId: string, token: string): string {
  return `#/peer/${roomId}/${token}`;
}

/** Peer mocks: two human seats, created in a lobby, swapped after the end, run as rooms. */
export class PeerRooms implements RoomKind {
  readonly mode = 'peer';
  readonly #deps: PeerRoomsDeps;
  #rooms: Rooms | null = null;

  constructor(deps: PeerRoomsDeps) {
    this.#deps = deps;
  }

  /** Set once by the plugin that builds the registry this kind belongs to. */
  attach(rooms: Rooms): void {
    this.#rooms = rooms;
  }

  get store(): AsyncDb['peers'] {
    return this.#deps.store;
  }

  /** A new room in the lobby with two fresh seat tokens. A surprise room names no case in its reply. */
  async create(options: {
    caseId?: string;
    surprise: boolean;
    durationMinutes: DurationMinutes;
    /** The level the candidate is judged at; the case must suit it. */
    level: SessionLevel;
    /** sha256 of the creator's owner key, when they sent one. */
    ownerHash?: string | null;
  }): Promise<CreatePeerRoomResponse> {
    const caseStudy =
      options.surprise || options.caseId === undefined
        ? this.#randomCase(options.level)
        : this.#deps.rubrics.getCase(options.caseId);
    requireCaseLevel(caseStudy, options.level);
    const interviewer = newToken();
    const candidate = newToken();
    const id = await this.#insert({
      caseStudy,
      surprise: options.surprise,
      durationMinutes: options.durationMinutes,
      level: options.level,
      interviewerTokenHash: interviewer.hash,
      candidateTokenHash: candidate.hash,
      previousRoomId: null,
      ownerHash: options.ownerHash ?? null,
    });
    return {
      roomId: id,
      durationMinutes: options.durationMinutes,
      surprise: options.surprise,
      caseTitle: options.surprise ? null : caseStudy.title,
      level: options.level,
      interviewer: { seat: 'interviewer', token: interviewer.token, path: seatPath(id, interviewer.token) },
      candidate: { seat: 'candidate', token: candidate.token, path: seatPath(id, candidate.token) },
    };
  }

  /**
   * The room after `from` with the seats swapped: each person keeps their own token, which now
   * opens the other seat, so nobody needs a new link sent to them. Another case, hidden until the
   * start, at the same level when a safe case suits it (else at the picked case's nearest level).
   */
  async swapRoomOf(from: PeerRoomRecord): Promise<string> {
    const cases = this.#deps.rubrics.current.cases;
    const level = roomLevel(from);
    const safe = swapCasePool(await this.#chain(from), [...cases.keys()]);
    const suited = safe.filter((id) => cases.get(id)?.levels.includes(level));
    const pool = suited.length > 0 ? suited : safe;
    const picked = cases.get(pool[randomInt(Math.max(pool.length, 1))] ?? '');
    if (!picked) {
      throw new AppError(
        'SWAP_UNAVAILABLE',
        'every case left would show the new candidate an answer key they saw as interviewer; create a new room from the home page',
      );
    }
    return this.#insert({
      caseStudy: picked,
      surprise: true,
      durationMinutes: from.durationMinutes as DurationMinutes,
      level: levelForCase(picked, level),
      interviewerTokenHash: from.candidateTokenHash,
      candidateTokenHash: from.interviewerTokenHash,
      previousRoomId: from.id,
      ownerHash: from.ownerHash ?? null,
    });
  }

  async grant(id: string, token: string, now: number): Promise<SeatGrant | null> {
    const record = await this.#deps.store.get(id);
    if (!record) return null;
    const check = checkSeat(record, token, now);
    if (check.ok) return { ok: true, seat: check.seat, view: check.seat };
    if (check.reason === 'expired')
      return { ok: false, refusal: { code: 'ROOM_EXPIRED', message: EXPIRED_MESSAGE } };
    return { ok: false, refusal: UNAUTHORIZED };
  }

  async has(id: string): Promise<boolean> {
    return (await this.#deps.store.get(id)) !== undefined;
  }

  activeIds(): Promise<string[]> {
    return this.#deps.store.activeIds();
  }

  /** A peer room stays in memory while its clock runs. */
  keepsAlive(room: Room): boolean {
    return (room.policy as HumanInterviewer).running;
  }

  /** `GET /api/peer/rooms/:id`: which seat the token holds. */
  async info(roomId: string, token: string): Promise<PeerRoomInfo> {
    const { room, seat } = await this.#authorize(roomId, token);
    return {
      roomId: room.id,
      seat,
      status: room.status,
      durationMinutes: room.durationMinutes,
      level: roomLevel(room),
    };
  }

  /** The report for the token's seat; the candidate's only once the interview has ended. */
  async report(roomId: string, token: string): Promise<PeerReport> {
    const { room, seat } = await this.#authorize(roomId, token);
    // A live room is read inside its queue, so the report is of one moment and never of a change
    // half applied. A room not in memory is read for this report alone and never registered, so it
    // cannot become a second live copy of a room a seat is joining meanwhile.
    const live = this.#registry().peek(room.id);
    if (live) return live.run(() => this.#reportOf(live, (live.policy as HumanInterviewer).record, seat));
    reportReady(room, seat);
    const read = await this.open(room.id);
    try {
      return this.#reportOf(read, room, seat);
    } finally {
      read.dispose();
    }
  }

  #reportOf(live: Room, room: PeerRoomRecord, seat: PeerSeat): PeerReport {
    reportReady(room, seat);
    const interviewer = live.policy as HumanInterviewer;
    const auto = room.autoReport ?? interviewer.autoReport();
    return buildPeerReport(
      {
        room,
        auto,
        steps: interviewer.steps,
        assessment: room.assessment,
        transcript: [...live.transcript],
        pad: room.pad,
        drawing: storedDrawing(room.drawing),
      },
      seat,
    );
  }

  async #authorize(roomId: string, token: string): Promise<{ room: PeerRoomRecord; seat: PeerSeat }> {
    const live = this.#rooms?.peek(roomId)?.policy as HumanInterviewer | undefined;
    const record = live?.record ?? (await this.#deps.store.get(roomId));
    const check = checkSeat(record, token, this.#deps.clock.now());
    if (check.ok) return { room: live?.record ?? check.room, seat: check.seat };
    if (check.reason === 'expired') throw new AppError('ROOM_EXPIRED', EXPIRED_REST);
    throw new AppError('UNAUTHORIZED', UNAUTHORIZED_REST);
  }

  async #insert(input: {
    caseStudy: CaseStudy;
    surprise: boolean;
    durationMinutes: DurationMinutes;
    level: SessionLevel;
    interviewerTokenHash: string;
    candidateTokenHash: string;
    previousRoomId: string | null;
    ownerHash: string | null;
  }): Promise<string> {
    const id = randomUUID();
    await this.#deps.store.create({
      id,
      interviewerTokenHash: input.interviewerTokenHash,
      candidateTokenHash: input.candidateTokenHash,
      caseId: input.caseStudy.id,
      caseTitle: input.caseStudy.title,
      surprise: input.surprise,
      durationMinutes: input.durationMinutes,
      assessment: { ...EMPTY_ASSESSMENT, level: input.level },
      createdAt: this.#deps.clock.now(),
      previousRoomId: input.previousRoomId,
      ownerHash: input.ownerHash,
    });
    return id;
  }

  /** The rooms of `from`'s chain of swaps, newest first (bounded: a chain is a few rooms long). */
  async #chain(from: PeerRoomRecord): Promise<ChainRoom[]> {
    const chain: ChainRoom[] = [];
    let room: PeerRoomRecord | undefined = from;
    while (room && chain.length < MAX_CHAIN) {
      chain.push({ caseId: room.caseId, interviewerTokenHash: room.interviewerTokenHash });
      room = room.previousRoomId === null ? undefined : await this.#deps.store.get(room.previousRoomId);
    }
    return chain;
  }

  /** A random case that suits `level`, for a surprise room. */
  #randomCase(level: SessionLevel): CaseStudy {
    const cases = [...this.#deps.rubrics.current.cases.values()];
    if (cases.length === 0)
      throw new AppError('UNAVAILABLE', 'there are no cases in the rubrics to pick from');
    const pool = cases.filter((study) => study.levels.includes(level));
    const picked = pool[randomInt(Math.max(pool.length, 1))];
    if (!picked) {
      throw new AppError(
        'VALIDATION_FAILED',
        `level: no case is written for ${level} candidates; pick another level or a case`,
      );
    }
    return picked;
  }

  async open(id: string): Promise<Room> {
    const record = await this.#deps.store.get(id);
    if (!record) throw new AppError('NOT_FOUND', `no peer room ${id}`);
    const rubrics = this.#deps.rubrics.current;
    const caseStudy = rubrics.cases.get(record.caseId);
    if (!caseStudy) {
      throw new AppError('INTERNAL', `peer room ${record.id} uses case '${record.caseId}', which is gone`);
    }
    let state: EngineState | null = null;
    if (record.engineState !== null) {
      const restored = restoreState(record.engineState);
      if (!restored.ok) throw new AppError('INTERNAL', `peer room ${record.id}: ${restored.error}`);
      state = restored.value;
    }
    const { store, clock, log } = this.#deps;
    const room = await Room.load(id, { log: store, clock, logger: log }, false);
    const interviewer = new HumanInterviewer(
      room,
      this.#deps,
      { caseStudy, framework: rubrics.framework },
      record,
      state,
    );
    interviewer.swapper = () => this.swapRoomOf(interviewer.record);
    room.attach(interviewer);
    return room;
  }

  #registry(): Rooms {
    if (!this.#rooms) throw new Error('peer rooms are not attached to a room registry');
    return this.#rooms;
  }
}

/** Refuses a report that is not there yet for this seat. */
function reportReady(room: PeerRoomRecord, seat: PeerSeat): void {
  if (room.status !== 'ended' && seat === 'candidate') {
    throw new AppError('REPORT_NOT_READY', 'the report opens for the candidate when the interview ends');
  }
  if (room.status === 'lobby') throw new AppError('REPORT_NOT_READY', 'the interview has not started yet');
}

const UNAUTHORIZED_REST =
  'this room link is not valid: send "Authorization: Bearer <token>" with a seat token from the room link';
const EXPIRED_REST =
  'this room expired: it was never started within a day. Create a new room from the home page.';
