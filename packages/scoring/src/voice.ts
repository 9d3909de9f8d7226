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

/**
 * A claim about every system, said even in the candidate's own voice: "user trust is important for
 * any consumer product", "drift monitoring is something every production model needs", "it's always
 * a trade-off", "models have gotten very good nowadays". True of any design, so it explains nothing
 * of this one (a mention at most), however many of the case's words it uses. Read on lemmas.
 */
const UNIVERSAL = new RegExp(
  [
    String.raw` (?:for|in|of|to|across) (?:any|every|all) (?:[a-z-]+ )?(?:system|consumer product|platform|pipeline|application|app|service|company|business|organization|organisation|team|project)\b`,
    String.raw` (?:any|every|all) production (?:model|system|service|pipeline)\b`,
    String.raw` always (?:a |be a |be an )?(?:trade[- ]?off|important|good idea|balance)\b`,
    String.raw` (?:these day|nowadays|in general|generally speaking)\b`,
  ].join('|'),
);

/** A claim true of any system (see above). */
export function isUniversalClaim(segment: Pick<Segment, 'tokens'>): boolean {
  return UNIVERSAL.test(` ${segment.tokens.map((token) => token.lemma).join(' ')} `);
}

/**
 * Words that dress a system up without deciding anything about it: "a robust, scalable, end-to-end
 * platform leveraging state-of-the-art deep learning and MLOps best practices". Read on lemmas
 * ("best practices" reads "good practice", "data-driven" reads "datum drive").
 */
const BUZZ =
  / (robust|scalable|end to end|state of the art|leverage|leveraging|good practice|cloud native|good in class|world class|datum drive|holistic|holistically|cut edge|cutting edge|seamless|seamlessly|synergy|synergie|mlops|lifecycle|next generation|enterprise grade|innovative|future proof|empower|unlock|revolutionize|revolutionise|actionable|insight|ecosystem|paradigm|transformative|sky be the limit|game changer|turnkey|streamline|bleed edge|industry standard|at scale)(?= )/g;

/** Distinct buzzwords in a sentence from which it explains nothing (see BUZZ). */
const BUZZ_DENSE = 3;

/**
 * A sentence of buzzwords: three or more different ones. Whatever else it names, it is never more
 * than a mention of a point.
 */
export function isBuzzDense(segment: Pick<Segment, 'tokens'>): boolean {
  const text = ` ${segment.tokens.map((token) => token.lemma).join(' ')} `;
  const found = new Set([...text.matchAll(BUZZ)].map((match) => match[1]));
  return found.size >= BUZZ_DENSE;
}
