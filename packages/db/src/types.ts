import type {
  EndReason,
  InterviewerKind,
  Persona,
  Report,
  ServerEvent,
  SessionLevel,
  SessionStatus,
  StepId,
  StepProgress,
  Turn,
} from '@mlsd/protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A turn before it is stored: the store gives it its index and id. */
export type TurnDraft = Omit<Turn, 'id'>;

/** A server event before it is stored: the store numbers it (and its turn, for a turn event). */
export type EventDraft =
  | { type: 'turn'; turn: TurnDraft }
  | DistributiveOmit<Exclude<ServerEvent, { type: 'turn' }>, 'seq'>;

export interface NewSession {
  id: string;
  tokenHash: string;
  caseId: string;
  caseTitle: string;
  durationMinutes: number;
  interviewer: InterviewerKind;
  /** Senior when absent. */
  level?: SessionLevel;
  /** Neutral when absent. */
  persona?: Persona;
  seed: number;
  engineState: unknown;
  createdAt: number;
  /** sha256 of the creator's owner key; absent or null when none was sent (no history lists it). */
  ownerHash?: string | null;
}

export interface SessionRecord extends NewSession {
  level: SessionLevel;
  persona: Persona;
  status: SessionStatus;
  endReason: EndReason | null;
  notes: string;
  /** The candidate's whiteboard as stored (validate before use); null until they draw. */
  drawing?: unknown;
  endedAt: number | null;
  degraded: boolean;
  ownerHash: string | null;
}

/** A row of the history list: the session with its report's headline numbers. */
export interface SessionListItem extends SessionRecord {
  reportOverall: number | null;
  report: Report | null;
}

export interface StepTiming extends Pick<StepProgress, 'budgetMs' | 'usedMs' | 'status'> {
  step: StepId;
  startedAt: number | null;
  endedAt: number | null;
}

export interface StoredReport {
  report: Report;
  overall: number;
  createdAt: number;
}

/**
 * What a change to any room (solo session or peer room) carries; each store's change type adds the
 * fields of its own record. Committed as one transaction (see `RoomStore.commit`).
 */
export interface RoomChange {
  /** Server time of the change, in epoch ms. */
  at: number;
  /** With a client id already applied in this room, the whole change is a no-op (`duplicate`). */
  command?: { clientId: string; type: string };
  /** Numbered after the last stored event, in order; a turn event also extends the transcript. */
  events?: EventDraft[];
}

/**
 * Everything one step of a live session writes, committed in one transaction. With `command`,
 * a client id already seen for the session makes the whole change a no-op (`duplicate: true`).
 */
export interface SessionChange extends RoomChange {
  engineState?: unknown;
  steps?: StepTiming[];
  notes?: string;
  /** The whole whiteboard (last write wins). */
  drawing?: unknown;
  degraded?: boolean;
  ended?: { at: number; reason: EndReason };
  report?: StoredReport;
}

/** What a commit did: nothing (a resent command), or the events it stored, numbered. */
export type CommitResult = { duplicate: true; events: [] } | { duplicate: false; events: ServerEvent[] };
