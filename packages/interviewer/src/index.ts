export {
  createFactIndex,
  type FactIndex,
  type FactLookup,
  type FactMatch,
  type FactPart,
  type FactSearchOptions,
  factIndexFor,
} from './facts.ts';
export type { Interviewer, SpeakOptions, SpeakRequest, TranscriptLine, Utterance } from './interviewer.ts';
export { LINES } from './lines.ts';
export * from './llm/index.ts';
export { createOfflineInterviewer, findPoint, voiceOffline } from './offline.ts';
export { type IntentReading, readIntent } from './reading/intent.ts';
export { candidateTexts, type Reading, type ReadRequest, readMessage } from './reading/read-message.ts';
export { mulberry32, turnRng } from './rng.ts';
