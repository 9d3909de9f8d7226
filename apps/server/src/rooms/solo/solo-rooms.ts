import { randomInt, randomUUID } from 'node:crypto';
import type { AsyncDb, SessionRecord } from '@mlsd/db';
import { createConfig, restoreState, startInterview } from '@mlsd/engine';
import {
  type CreateSessionBody,
  type CreateSessionResponse,
  DEFAULT_LEVEL,
  DEFAULT_PERSONA,
  type Persona,
  type SessionLevel,
} from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { FastifyBaseLogger } from 'fastify';
import { newToken, tokenMatches } from '../../auth.ts';
import type { Clock } from '../../clock.ts';
import { AppError } from '../../errors.ts';
import type { RubricStore } from '../../plugins/rubrics.ts';
import { type RoomKind, type Rooms, type SeatGrant, UNAUTHORIZED } from '../registry.ts';
import { Room } from '../room.ts';
import type { RoomCase } from '../room-case.ts';
import { ActiveByAddress, type SharedActiveCount } from './active-by-address.ts';
import type { SessionBrains } from './brains.ts';
import { EngineInterviewer } from './engine-interviewer.ts';

/** A parsed create body; level and persona take their defaults when a caller leaves them out. */
type CreateSession = Required<Omit<CreateSessionBody, 'seed' | 'level' | 'persona'>> & {
  seed?: number;
  level?: SessionLevel;
  persona?: Persona;
};

const NO_MODEL_NOTICE =
  'No language model is configured on this server, so the offline interviewer runs this session. ' +
  'The interview and the report work the same way.';

export interface SoloRoomsDeps {
  db: AsyncDb;
  clock: Clock;
  brains: SessionBrains;
  log: FastifyBaseLogger;
  rubrics: RubricStore;
  /** Turns a session may hold before new answers are refused; default `DEFAULT_MAX_TURNS`. */
  maxTurns?: number;
  /** Running sessions one address may hold (`maxActiveSessionsPerAddress` in hardening.ts). */
  maxActivePerAddress: number;
}

/** Solo mocks: a candidate seat with the engine as interviewer. Created here, run as rooms. */
export class SoloRooms implements RoomKind {
  readonly mode = 'solo';
  readonly #deps: SoloRoomsDeps;
  #rooms: Rooms | null = null;
  readonly #active: ActiveByAddress;
  /** Sessions between the cap check and their room: they count, so two creates cannot both pass. */
  readonly #creating = new Set<string>();
  /** With instances sharing rooms, the cap counts every instance's interviews (cluster/). */
  #shared: SharedActiveCount | null = null;

  constructor(deps: SoloRoomsDeps) {
    this.#deps = deps;
    this.#active = new ActiveByAddress(
      deps.maxActivePerAddress,
      // A running solo room stays in memory until it ends (keepsAlive), so no database read is needed.
      (id) => {
        if (this.#creating.has(id)) return true;
        const room = this.#rooms?.peek(id);
        return room !== undefined && !room.ended;
      },
    );
  }

  /** Set once by the plugin that builds the registry this kind belongs to. */
  attach(rooms: Rooms): void {
    this.#rooms = rooms;
  }

  /** Counts the running-interview cap across instances from now on. */
  shareActiveCount(shared: SharedActiveCount): void {
    this.#shared = shared;
  }

  /** Running interviews per address on this instance. */
  activeByAddress(): Map<string, number> {
    return this.#active.counts();
  }

  /**
   * Creates a session and starts its interview. The offline opening is stored before this returns;
   * a model's opening streams to the seat that joins.
   */
  /**
   * A new session. `from` is who asks: their address (the running-session cap counts per address)
   * and the sha256 of their owner key (the session joins that owner's history).
   */
  async create(
    body: CreateSession,
    from: { address?: string; ownerHash?: string | null } = {},
  ): Promise<CreateSessionResponse> {
    const address = from.address ?? 'local';
    const { rubrics } = this.#deps;
    if (this.#active.count(address) >= this.#active.max) throw this.#capReached();
    const caseStudy = rubrics.getCase(body.caseId);
    const level = body.level ?? DEFAULT_LEVEL;
    if (!caseStudy.levels.includes(level)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `level: "${caseStudy.id}" is written for ${caseStudy.levels.join(' or ')} candidates, not ${level}; pick one of those levels or another case`,
      );
    }
    const framework = rubrics.current.framework;
    const id = randomUUID();
    this.#creating.add(id);
    this.#active.add(id, address);
    try {
      await this.#admitShared(address);
      const settings = { ...body, level, persona: body.persona ?? DEFAULT_PERSONA };
      return await this.#create(id, settings, from.ownerHash ?? null, caseStudy, framework);
    } finally {
      this.#creating.delete(id);
    }
  }

  #capReached(): AppError {
    return new AppError(
      'RATE_LIMITED',
      `this address already runs ${this.#active.max} interviews; finish or end one (its report is kept), then start another`,
    );
  }

  /** The cap across instances; the new session is already counted here. */
  async #admitShared(address: string): Promise<void> {
    if (!this.#shared) return;
    let verdict: { ok: boolean };
    try {
      verdict = await this.#shared.admit(address, this.#active.count(address), this.#active.max);
    } catch (error) {
      // Redis away: the cap still holds on this instance; refusing everyone would be worse.
      this.#deps.log.warn({ err: error }, 'could not count running interviews in Redis; counted here only');
      return;
    }
    if (!verdict.ok) throw this.#capReached();
  }

  async #create(
    id: string,
    body: CreateSession & { level: SessionLevel; persona: Persona },
    ownerHash: string | null,
    caseStudy: CaseStudy,
    framework: Framework,
  ): Promise<CreateSessionResponse> {
    const { db, clock } = this.#deps;
    const { token, hash } = newToken();
    const now = clock.now();
    const initial = startInterview(
      createConfig(framework, caseStudy, {
        durationMinutes: body.durationMinutes,
        persona: body.persona,
      }),
      now,
    );
    // Without a model endpoint an `llm` session runs offline, flagged and announced.
    const degraded = body.interviewer === 'llm' && this.#deps.brains.modelAvailable !== true;
    await db.sessions.create({
      id,
      tokenHash: hash,
      caseId: caseStudy.id,
      caseTitle: caseStudy.title,
      durationMinutes: body.durationMinutes,
      interviewer: body.interviewer,
      level: body.level,
      persona: body.persona,
      seed: body.seed ?? randomInt(2 ** 31 - 1),
      engineState: initial.state,
      createdAt: now,
      ownerHash,
    });
    if (degraded) await db.sessions.commit(id, { at: now, degraded: true });
    const room = await this.#registry().adopt(this, id);
    const interviewer = room.policy as EngineInterviewer;
    const opening = room.run(() => interviewer.start(initial, degraded ? NO_MODEL_NOTICE : undefined));
    // A model writes the opening (it reads the case out) while the seat joins and watches it
    // stream; the offline opening is stored before this returns.
    if (interviewer.joinsOutsideQueue) {
      opening.catch((error: unknown) =>
        this.#deps.log.error({ err: error, roomId: id }, 'the opening could not be voiced'),
      );
    } else await opening;
    return {
      id,
      token,
      caseId: caseStudy.id,
      durationMinutes: body.durationMinutes,
      interviewer: body.interviewer,
      level: body.level,
      persona: body.persona,
    };
  }

  async grant(id: string, token: string): Promise<SeatGrant | null> {
    const record = await this.#deps.db.sessions.get(id);
    if (!record) return null;
    if (!tokenMatches(token, record.tokenHash)) return { ok: false, refusal: UNAUTHORIZED };
    return { ok: true, seat: 'candidate', view: 'candidate' };
  }

  async has(id: string): Promise<boolean> {
    return (await this.#deps.db.sessions.get(id)) !== undefined;
  }

  activeIds(): Promise<string[]> {
    return this.#deps.db.sessions.activeIds();
  }

  /** A solo room keeps its timer in memory until the interview has ended. */
  keepsAlive(room: Room): boolean {
    return !room.ended;
  }

  async open(id: string): Promise<Room> {
    const record = await this.#deps.db.sessions.get(id);
    if (!record) throw new AppError('SESSION_NOT_FOUND', `no session ${id}`);
    const restored = restoreState(record.engineState);
    if (!restored.ok) throw new AppError('INTERNAL', `session ${id}: ${restored.error}`);
    const { db, clock, log } = this.#deps;
    const context = this.#context(record);
    const [room, report] = await Promise.all([
      Room.load(id, { log: db.sessions, clock, logger: log, ...this.#maxTurns() }, true),
      db.sessions.report(id),
    ]);
    room.attach(
      new EngineInterviewer(room, this.#deps, context, {
        record,
        state: restored.value,
        hasReport: !!report,
      }),
    );
    return room;
  }

  #maxTurns(): { maxTurns?: number } {
    return this.#deps.maxTurns === undefined ? {} : { maxTurns: this.#deps.maxTurns };
  }

  #registry(): Rooms {
    if (!this.#rooms) throw new Error('solo rooms are not attached to a room registry');
    return this.#rooms;
  }

  #context(record: SessionRecord): RoomCase {
    const rubrics = this.#deps.rubrics.current;
    const caseStudy = rubrics.cases.get(record.caseId);
    if (!caseStudy) {
      throw new AppError(
        'INTERNAL',
        `session ${record.id} uses case '${record.caseId}', which is no longer in the rubrics`,
      );
    }
    return { caseStudy, framework: rubrics.framework };
  }
}
