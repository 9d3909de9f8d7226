import type { SessionLevel } from '@mlsd/protocol';
import { DEFAULT_LEVEL, SESSION_LEVELS } from '@mlsd/protocol/values';

export { DEFAULT_LEVEL };

/**
 * Whether a point is expected at the session's level. A point says from which level it is
 * expected (`level: staff` for scope, cost, roadmap, build vs buy); absent, every level owes it.
 * A point not expected is a bonus: its credit adds to the step, its absence costs nothing.
 */
export function expectedAt(point: { level?: SessionLevel | undefined }, level: SessionLevel): boolean {
  return SESSION_LEVELS.indexOf(point.level ?? 'mid') <= SESSION_LEVELS.indexOf(level);
}
