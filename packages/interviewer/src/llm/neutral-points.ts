import type { StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { stepPoints } from '@mlsd/scoring';

/** A step's point under the neutral label the model sees (`p1`, `p2`...), never its title. */
export interface NeutralPoint {
  label: string;
  id: string;
  probe: string;
}

/** The step's points labelled in rubric order: the same label for the same point on every turn. */
export function neutralPoints(caseStudy: CaseStudy, framework: Framework, step: StepId): NeutralPoint[] {
  return stepPoints(caseStudy, framework, step).map((point, i) => ({
    label: `p${i + 1}`,
    id: point.id,
    probe: point.probe,
  }));
}

/** Whether `quote` is the candidate's own words: found in `text`, ignoring case, quote marks and spacing. */
export function quotedIn(text: string, quote: string): boolean {
  return quote.trim().length > 0 && normal(text).includes(normal(quote));
}

function normal(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}
