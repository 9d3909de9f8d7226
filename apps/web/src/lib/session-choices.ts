import { DEFAULT_LEVEL, DEFAULT_PERSONA, Persona, SESSION_LEVELS, SessionLevel } from '@mlsd/protocol';
import type { KeyValueStore } from './storage.ts';

/** How the app names levels and interviewer personas, and what it remembers of the last choice. */

export const LEVEL_LABEL: Record<SessionLevel, string> = { mid: 'Mid', senior: 'Senior', staff: 'Staff' };

/** One line each: what the level expects of the candidate. */
export const LEVEL_HINT: Record<SessionLevel, string> = {
  mid: 'A sound design with clear metrics; depth in the core steps.',
  senior: 'The whole design, with the trade-offs at each step argued.',
  staff: 'Senior, plus scope, cost in money, roadmap, build vs buy and risks.',
};

export const PERSONAS: readonly Persona[] = Persona.options;

export const PERSONA_LABEL: Record<Persona, string> = {
  supportive: 'Supportive',
  neutral: 'Neutral',
  tough: 'Tough',
};

/** One line each: how the interviewer behaves. */
export const PERSONA_HINT: Record<Persona, string> = {
  supportive: 'Offers hints sooner and keeps the tone warm.',
  neutral: 'Asks, listens and moves on, as most real interviews do.',
  tough: 'Asks why more often, pushes back and cuts a rambling answer short.',
};

/** The levels a case lists that this app knows, lowest first (a newer server may list others). */
export function caseLevels(levels: readonly string[]): SessionLevel[] {
  return SESSION_LEVELS.filter((level) => levels.includes(level));
}

/**
 * The level to preselect for a case: the one chosen last time when the case lists it, else senior
 * when listed, else the case's lowest level; null when the case lists none this app knows.
 */
export function pickLevel(
  levels: readonly SessionLevel[],
  remembered: SessionLevel | null,
): SessionLevel | null {
  if (remembered !== null && levels.includes(remembered)) return remembered;
  if (levels.includes(DEFAULT_LEVEL)) return DEFAULT_LEVEL;
  return levels[0] ?? null;
}

export interface SessionChoices {
  /** Null until the user picked one. */
  level: SessionLevel | null;
  persona: Persona;
}

const CHOICES_KEY = 'mlsd.session-choices';

/** The level and persona chosen last time; anything unreadable falls back to the defaults. */
export function loadSessionChoices(store: KeyValueStore): SessionChoices {
  let raw: unknown = null;
  try {
    raw = JSON.parse(store.getItem(CHOICES_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const saved = (raw ?? {}) as { level?: unknown; persona?: unknown };
  const level = SessionLevel.safeParse(saved.level);
  const persona = Persona.safeParse(saved.persona);
  return {
    level: level.success ? level.data : null,
    persona: persona.success ? persona.data : DEFAULT_PERSONA,
  };
}

export function saveSessionChoices(store: KeyValueStore, choices: SessionChoices): void {
  try {
    store.setItem(CHOICES_KEY, JSON.stringify(choices));
  } catch {
    // A full or disabled storage only loses the preselection next time.
  }
}

/**
 * "Judged at staff level · tough interviewer". A report from before levels was judged at senior;
 * without a persona (a peer room, an older report) only the level is named.
 */
export function judgedAtText(level: SessionLevel | undefined, persona?: Persona): string {
  const judged = `Judged at ${level ?? DEFAULT_LEVEL} level`;
  return persona ? `${judged} · ${persona} interviewer` : judged;
}

/** A history row's tag: the level, and the persona when it was not the neutral default. */
export function levelTag(session: { level: SessionLevel; persona: Persona }): string {
  return session.persona === DEFAULT_PERSONA ? session.level : `${session.level} · ${session.persona}`;
}
