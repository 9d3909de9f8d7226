import { z } from 'zod';
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
    ready: z.boolean().optional(),
    detail: z.string(),
  }),
  db: z.enum(['ok', 'error']),
  /** With `db: "error"`: why no write can succeed (read-only file, full disk, closed connection). */
  dbDetail: z.string().optional(),
  /** Present only when the data directory's disk is low on space; `detail` says what to do. */
  disk: z.object({ freeBytes: z.number(), low: z.boolean(), detail: z.string() }).optional(),
  /** "key" when the server was started with an access passphrase; absent from older servers ("open"). */
  access: AccessMode.optional(),
  /**
   * Addresses other machines on the network can open this server at (`http://ip:port`), present
   * when it listens on every interface (HOST=0.0.0.0) or on a network address. A page opened at
   * 127.0.0.1 uses the first for the links it hands out.
   */
  lanUrls: z.array(z.string()).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const CreateSessionBody = z.object({
  caseId: z.string().min(1).max(80),
  durationMinutes: DurationMinutes.default(45),
  interviewer: InterviewerKind.default('offline'),
  /** The level the candidate is judged at; one of the case's `levels` (senior when absent). */
  level: SessionLevel.default(DEFAULT_LEVEL),
  /** The interviewer's manner (neutral when absent). */
  persona: Persona.default(DEFAULT_PERSONA),
  /** Fixes the interviewer's wording choices; random when absent. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
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
  endedAt: z.number().nullable(),
  reportId: z.string().nullable(),
  overall: z.number().nullable(),
  /** Per-step scores of the report, for the history charts; null until the report exists. */
  stepScores: z.partialRecord(StepId, z.number()).nullable(),
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
  limit: z.coerce.number().int().min(1).max(SESSIONS_PAGE_MAX).default(SESSIONS_PAGE_SIZE),
  before: z
    .string()
    .regex(/^\d{1,16}\.\d{1,16}$/, `a cursor from the ${SESSIONS_NEXT_HEADER} header of the previous page`)
    .optional(),
});
export type SessionListQuery = z.input<typeof SessionListQuery>;

/** `GET /api/sessions/:id` (token required): the session with its transcript. */
export const SessionDetail = SessionSummary.extend({
  prompt: z.string(),
  steps: z.array(StepProgress),
  transcript: z.array(Turn),
  notes: z.string(),
  /** The candidate's whiteboard; null (or absent) when nothing was drawn. */
  drawing: DrawingScene.nullable().optional(),
});
export type SessionDetail = z.infer<typeof SessionDetail>;
