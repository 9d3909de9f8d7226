export { CRITERIA, type Criterion, checkSession, type Violation } from './criteria.ts';
export { criteriaTable, evaluateInterviewer, type SessionResult } from './evaluate.ts';
export {
  type Expectation,
  PERSONAS,
  type Persona,
  type PersonaScript,
  type ScriptedMessage,
} from './personas.ts';
export {
  type HarnessCandidate,
  type HarnessPlanner,
  type HarnessTurn,
  type HarnessVoice,
  runHarnessSession,
} from './run.ts';
