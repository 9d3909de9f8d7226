/** The seven steps, in interview order. Their ids are part of the public transcript format. */
export const STEP_IDS = [
  'requirements',
  'framing',
  'data',
  'model',
  'evaluation',
  'serving',
  'monitoring',
] as const;
