import { z } from 'zod';
import { DurationMinutes, InterviewerKind, SessionStatus, StepId, StepProgress, Turn } from './common.ts';

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  level: z.string(),
  tags: z.array(z.string()),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

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
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const CreateSessionBody = z.object({
  caseId: z.string().min(1).max(80),
  durationMinutes: DurationMinutes.default(45),
  interviewer: InterviewerKind.default('offline'),
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
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

export const SessionSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  durationMinutes: z.number(),
  interviewer: InterviewerKind,
  status: SessionStatus,
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  reportId: z.string().nullable(),
  overall: z.number().nullable(),
  /** Per-step scores of the report, for the history charts; null until the report exists. */
  stepScores: z.partialRecord(StepId, z.number()).nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** `GET /api/sessions/:id` (token required): the session with its transcript. */
export const SessionDetail = SessionSummary.extend({
  prompt: z.string(),
  steps: z.array(StepProgress),
  transcript: z.array(Turn),
  notes: z.string(),
});
export type SessionDetail = z.infer<typeof SessionDetail>;
