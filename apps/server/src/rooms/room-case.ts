import type { CaseStudy, Framework } from '@mlsd/rubric';

/** The case a room runs and the framework its steps come from. */
export interface RoomCase {
  caseStudy: CaseStudy;
  framework: Framework;
}
