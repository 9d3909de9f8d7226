import { randomInt, randomUUID } from 'node:crypto';
import type { SessionRecord } from '@mlsd/db';
import { createConfig, restoreState, startInterview } from '@mlsd/engine';
import type { CreateSessionBody, CreateSessionResponse } from '@mlsd/protocol';
import { newToken, tokenMatches } from '../auth.ts';
import { AppError } from '../errors.ts';
import type { RubricStore } from '../plugins/rubrics.ts';
import { type LiveDeps, LiveSession, type SessionContext } from './live-session.ts';

type CreateSession = Required<Omit<CreateSessionBody, 'seed'>> & { seed?: number };

const NO_MODEL_NOTICE =
  'No language model is configured on this server, so the offline interviewer runs this session. ' +
  'The interview and the report work the same way.';

export interface RuntimeDeps extends LiveDeps {
  rubrics: RubricStore;
}

/** The live sessions of this process: created, resumed after a restart, looked up by the socket layer. */
export class SessionRuntime {
  readonly #deps: RuntimeDeps;
  readonly #live = new Map<string, LiveSession>();
  #closed = false;

  constructor(deps: RuntimeDeps) {
    this.#deps = deps;
  }

  /**
   * Creates a session and starts its interview. The offline opening is stored before this returns;
   * a model's opening streams to the seat that joins.
   */
  async create(body: CreateSession): Promise<CreateSessionResponse> {
    const { db, clock, rubrics } = this.#deps;
    const caseStudy = rubrics.getCase(body.caseId);
    const framework = rubrics.current.framework;
    const id = randomUUID();
    const { token, hash } = newToken();
    const now = clock.now();
    const initial = startInterview(
      createConfig(framework, caseStudy, { durationMinutes: body.durationMinutes }),
      now,
    );
    // Without a model endpoint an `llm` session runs offline, flagged and announced.
    const degraded = body.interviewer === 'llm' && this.#deps.brains.modelAvailable !== true;
    db.sessions.create({
      id,
      tokenHash: hash,
      caseId: caseStudy.id,
      caseTitle: caseStudy.title,
      durationMinutes: body.durationMinutes,
      interviewer: body.interviewer,
      seed: body.seed ?? randomInt(2 ** 31 - 1),
      engineState: initial.state,
      createdAt: now,
    });
    if (degraded) db.sessions.commit(id, { at: now, degraded: true });
    const live = this.#open(id, { caseStudy, framework });
    const opening = live.start(initial, degraded ? NO_MODEL_NOTICE : undefined);
    // A model writes the opening (it reads the case out) while the seat joins and watches it
    // stream; the offline opening is stored before this returns.
    if (live.hasModel) {
      opening.catch((error: unknown) =>
        this.#deps.log.error({ err: error, sessionId: id }, 'the opening could not be voiced'),
      );
    } else await opening;
    return {
      id,
      token,
      caseId: caseStudy.id,
      durationMinutes: body.durationMinutes,
      interviewer: body.interviewer,
    };
  }

  /** Loads every session that had not ended and re-arms its timer. */
  async resumeAll(): Promise<void> {
    for (const id of this.#deps.db.sessions.activeIds()) {
      try {
        await this.#load(id)?.resume();
      } catch (error) {
        this.#deps.log.error({ err: error, sessionId: id }, 'cannot resume session; it stays paused');
      }
    }
  }

  /**
   * The live session for a seat presenting `token`, loading it from SQLite if needed; null for an
   * unknown session or a wrong token alike, so a caller learns nothing from the difference.
   */
  async join(id: string, token: string): Promise<LiveSession | null> {
    const record = this.#deps.db.sessions.get(id);
    if (!record || !tokenMatches(token, record.tokenHash)) return null;
    const existing = this.#live.get(id);
    if (existing) return existing;
    const live = this.#load(id);
    await live?.resume();
    return live ?? null;
  }

  /** Drops an ended session from memory once nobody watches it. */
  release(live: LiveSession): void {
    if (live.ended && live.subscriberCount === 0 && this.#live.get(live.id) === live) {
      live.dispose();
      this.#live.delete(live.id);
    }
  }

  /** Waits for every queued change (tests use it to let a timer's work finish). */
  async idle(): Promise<void> {
    await Promise.all([...this.#live.values()].map((live) => live.idle()));
  }

  /** Stops every timer and waits for in-flight work, before the database closes. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const live of this.#live.values()) live.dispose();
    await this.idle();
    this.#live.clear();
  }

  #load(id: string): LiveSession | undefined {
    const record = this.#deps.db.sessions.get(id);
    if (!record) return undefined;
    const existing = this.#live.get(id);
    if (existing) return existing;
    return this.#open(id, this.#context(record), record);
  }

  #open(id: string, ctx: SessionContext, known?: SessionRecord): LiveSession {
    if (this.#closed) throw new AppError('UNAVAILABLE', 'the server is shutting down; try again in a moment');
    const record = known ?? this.#deps.db.sessions.get(id);
    if (!record) throw new AppError('SESSION_NOT_FOUND', `no session ${id}`);
    const restored = restoreState(record.engineState);
    if (!restored.ok) throw new AppError('INTERNAL', `session ${id}: ${restored.error}`);
    const live = new LiveSession(this.#deps, ctx, record, restored.value);
    this.#live.set(id, live);
    return live;
  }

  #context(record: SessionRecord): SessionContext {
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
