import type { StepId } from '@mlsd/protocol';

/** The framework's step titles as the study pages show them. */
export const STEP_TITLES: Record<StepId, string> = {
  requirements: 'Clarifying requirements',
  framing: 'Framing as an ML task',
  data: 'Data preparation',
  model: 'Model development',
  evaluation: 'Evaluation',
  serving: 'Deployment and serving',
  monitoring: 'Monitoring and maintenance',
};
