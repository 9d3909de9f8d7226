import * as z from '#zod';
import {
  DEFAULT_LEVEL,
  DEFAULT_PERSONA,
  DurationMinutes,
  InterviewerKind,
  Persona,
  SessionLevel,
  SessionStatus,
  StepId,
  StepProgress,
  Turn,
} from './common.ts';
import { DrawingScene } from './drawing.ts';

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The levels the case suits (mid, senior, staff), lowest first. */
  levels: z.array(z.string()),
  tags: z.array(z.string()),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** Whether creating sessions and listing history need the server's access passphrase (`MLSD_ACCESS_KEY`). */
export const AccessMode = z.enum(['open', 'key']);
export type AccessMode = z.infer<typeof AccessMode>;

export const HealthResponse = z.object({
  ok: z.boolean(),
  /** The interviewer a new session gets by default. */
  interviewer: InterviewerKind,
  /** Whether a language-model endpoint is configured and answering, and why not. */
  llm: z.object({
    configured: z.boolean(),
    reachable: z.boolean(),
    /**
     * The endpoint answers and serves the configured model: the model interviewer can be chosen.
     * Absent from older servers (read it as `configured && reachable`).
     */
    ready: z.optional(z.boolean()),
    detail: z.string(),
  }),
  db: z.enum(['ok', 'error']),
  /** With `db: "error"`: why no write can succeed (read-only file, full disk, closed connection). */
  dbDetail: z.optional(z.string()),
  /** Present only when the data directory's disk is low on space; `detail` says what to do. */
  disk: z.optional(z.object({ freeBytes: z.number(), low: z.boolean(), detail: z.string() })),
  /** "key" when the server was started with an access passphrase; absent from older servers ("open"). */
  access: z.optional(AccessMode),
  /**
   * Addresses other machines on the network can open this server at (`http://ip:port`), present
   * when it listens on every interface (HOST=0.0.0.0) or on a network address. A page opened at
   * 127.0.0.1 uses the first for the links it hands out.
   */
  lanUrls: z.optional(z.array(z.string())),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const CreateSessionBody = z.object({
  caseId: z.string().check(z.minLength(1), z.maxLength(80)),
  durationMinutes: z._default(DurationMinutes, 45),
  interviewer: z._default(InterviewerKind, 'offline'),
  /** The level the candidate is judged at; one of the case's `levels` (senior when absent). */
  level: z._default(SessionLevel, DEFAULT_LEVEL),
  /** The interviewer's manner (neutral when absent). */
  persona: z._default(Persona, DEFAULT_PERSONA),
  /** Fixes the interviewer's wording choices; random when absent. */
  seed: z.optional(z.number().check(z.int(), z.gte(0), z.lte(2 ** 31 - 1))),
});
export type CreateSessionBody = z.input<typeof CreateSessionBody>;

export const CreateSessionResponse = z.object({
  id: z.string(),
  /** The seat's secret. Sent back in `hello` and as `Authorization: Bearer <token>`. */
  token: z.string(),
  caseId: z.string(),
  durationMinutes: z.number(),
  interviewer: InterviewerKind,
  level: SessionLevel,
  persona: Persona,
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

export const SessionSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  durationMinutes: z.number(),
  interviewer: InterviewerKind,
  level: SessionLevel,
  persona: Persona,
  status: SessionStatus,
  createdAt: z.number(),
  endedAt: z.nullable(z.number()),
  reportId: z.nullable(z.string()),
  overall: z.nullable(z.number()),
  /** Per-step scores of the report, for the history charts; null until the report exists. */
  stepScores: z.nullable(z.partialRecord(StepId, z.number())),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** `GET /api/sessions` pages: the default and the largest page size. */
export const SESSIONS_PAGE_SIZE = 50;
export const SESSIONS_PAGE_MAX = 200;
/**
 * The body of `GET /api/sessions` stays a `SessionSummary[]` (one page, newest first); this header
 * carries the cursor of the next, older page and is absent on the last one. Pass it back as
 * `?before=`. A `Link: <...>; rel="next"` header says the same as a URL.
 */
export const SESSIONS_NEXT_HEADER = 'x-next-before';

export const SessionListQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(SESSIONS_PAGE_MAX)), SESSIONS_PAGE_SIZE),
  before: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^\d{1,16}\.\d{1,16}$/,
          `a cursor from the ${SESSIONS_NEXT_HEADER} header of the previous page`,
        ),
      ),
  ),
});
export type SessionListQuery = z.input<typeof SessionListQuery>;

/** `GET /api/sessions/:id` (token required): the session with its transcript. */
export const SessionDetail = z.object({
  ...SessionSummary.shape,
  prompt: z.string(),
  steps: z.array(StepProgress),
  transcript: z.array(Turn),
  notes: z.string(),
  /** The candidate's whiteboard; null (or absent) when nothing was drawn. */
  drawing: z.optional(z.nullable(DrawingScene)),
});
export type SessionDetail = z.infer<typeof SessionDetail>;
