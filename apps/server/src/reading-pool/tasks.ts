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

/**
 * The rubric set a worker reads against: the server's, cloned once when the worker starts, with
 * the files it came from (a worker takes each case's compiled matcher from the build's data when
 * that data was made from these very files, as the server's own warm-up does).
 */
export interface PoolRubrics {
  cases: Map<string, CaseStudy>;
  framework: Framework;
  frameworkPath: string;
  paths: Map<string, string>;
}

/**
 * The reading worker compiled by the server's build (apps/server/scripts/bundle.mjs): its file
 * URL and the id of the build that made it, which the file's first line repeats.
 */
export interface ReadWorkerBundle {
  url: string;
  build: string;
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
  /** Read by worker-entry.mjs: run this bundle while it is still the one built with the server. */
  bundle?: ReadWorkerBundle;
  crashOnce?: CrashOnce;
}

/** What a warm task did: which code the worker runs, and where the case's matcher came from. */
export interface WarmedCase {
  code: 'bundle' | 'sources';
  /** True when the build's compiled data was taken; false when the worker compiled the case. */
  fromBuild: boolean;
}

/** The fields of a request that are the session's, not the case's or the server's. */
type SessionPart<T> = Omit<T, 'caseStudy' | 'framework' | 'analyses'>;

export type ReadingTask =
  /**
   * Prepares one case, so its first reading does not pay for it: the matcher and meaning index
   * (a scratch statement), or the fact index (a scratch question, 50-250 ms a case).
   */
  | { type: 'warm'; caseId: string; part: 'matcher' | 'facts' }
  | { type: 'read'; session: string; caseId: string; request: SessionPart<ReadRequest> }
  | { type: 'report'; session: string; caseId: string; request: Omit<SessionPart<ReportRequest>, 'signal'> }
  /** The session's room is gone: its analyses can go too. */
  | { type: 'release'; session: string };

/** A failure inside the reader comes back as data; a rejected task means the thread itself died. */
export type TaskResult<T> = { ok: true; value: T } | { ok: false; message: string };

export type ReadResult = TaskResult<MessageReading>;
export type ReportResult = TaskResult<Report>;
