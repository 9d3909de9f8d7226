import type { Segment } from './analysis-types.ts';

/**
 * Whose design a sentence talks about. "At big companies everything is big", "in a lot of
 * companies the metric becomes the goal", "you can use SMOTE or class weights": remarks about the
 * world in general, in the voice of an essay, not a decision for this system. They may name the
 * right ideas, but they explain nothing about this design, so they are never more than a mention.
 * A sentence in the candidate's own voice ("I'd", "we", "our") is never one. Read on lemmas.
 */

/** The candidate deciding or describing their own design. */
const OWN_VOICE = new Set(['i', 'we', 'our', 'ours', 'us', 'my', 'mine', 'me', 'myself', 'ourselves']);

/** The world in general: other companies, people at large, the industry, received wisdom. */
const GENERAL = new RegExp(
  [
    String.raw` (?:in|at|for|across) (?:a lot of|lot of|many|most|some|big|large|other|every|any) (?:company|team|place|organization|organisation|org|case|project|product|shop|industry)\b`,
    String.raw` (?:company|team|people|engineer|practitioner|researcher|everyone|everybody|folk) (?:often|usually|always|tend|typically|generally|sometimes|like|love)\b`,
    String.raw` (?:in general|generally speaking|these day|nowadays|in the industry|across the industry|in practice|historically|year ago|back in the day|well-known|well know|gold standard|everyone know|it be know)\b`,
    String.raw` there be always\b`,
    String.raw`^ ?(?:you|one) (?:can|could|have to|need to|should|might|may|want to|would)\b`,
  ].join('|'),
);

/** A remark about ML or companies in general, not about this design (see above). */
export function isGeneralRemark(segment: Pick<Segment, 'tokens'>): boolean {
  if (segment.tokens.some((token) => OWN_VOICE.has(token.lemma))) return false;
  return GENERAL.test(` ${segment.tokens.map((token) => token.lemma).join(' ')} `);
}
