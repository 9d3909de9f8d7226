import type { MessageReading } from '@mlsd/engine';
import type { Report } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { ReadRequest, ReportRequest } from '../rooms/solo/brains.ts';

/**
 * What crosses the thread boundary between the server and a reading worker. Everything here is
 * plain data (structured clone): the case is named by id, never sent, because each worker holds
 * its own copy of the rubric set, its own warm matcher for every case, and each session's own
 * analyses of its texts.
 */

/** The rubric set a worker reads against: the server's, cloned once when the worker starts. */
export interface PoolRubrics {
  cases: Map<string, CaseStudy>;
  framework: Framework;
}

/**
 * A test hook: the first worker that reads a message containing `marker` exits in the middle of
 * reading it, as a crashed thread would (`done`, shared by every worker, makes it happen once).
 */
export interface CrashOnce {
  marker: string;
  done: SharedArrayBuffer;
}

export interface WorkerSetup {
  rubrics: PoolRubrics;
  crashOnce?: CrashOnce;
}

/** The fields of a request that are the session's, not the case's or the server's. */
type SessionPart<T> = Omit<T, 'caseStudy' | 'framework' | 'analyses'>;

export type ReadingTask =
  /** Prepares the matcher for one case (the first reading of a case pays for it otherwise). */
  | { type: 'warm'; caseId: string }
  | { type: 'read'; session: string; caseId: string; request: SessionPart<ReadRequest> }
  | { type: 'report'; session: string; caseId: string; request: Omit<SessionPart<ReportRequest>, 'signal'> }
  /** The session's room is gone: its analyses can go too. */
  | { type: 'release'; session: string };

/** A failure inside the reader comes back as data; a rejected task means the thread itself died. */
export type TaskResult<T> = { ok: true; value: T } | { ok: false; message: string };

export type ReadResult = TaskResult<MessageReading>;
export type ReportResult = TaskResult<Report>;
