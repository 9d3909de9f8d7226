import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARCHITECTURES_FOLDER,
  DRILLS_FOLDER,
  type DrillCard,
  formatIssue,
  loadArchitectures,
  loadDrills,
  type ReferenceArchitecture,
  type Rubrics,
} from '@mlsd/rubric';
import { DrillScorer } from './drill-scoring.ts';

/** The drill cards and reference architectures of a rubrics directory, loaded once at start-up. */
export interface StudyContent {
  cards: DrillCard[];
  cardsById: Map<string, DrillCard>;
  architectures: Map<string, ReferenceArchitecture>;
}

/**
 * Loads rubrics/drills and rubrics/architectures, all or nothing like the cases. A directory
 * without either folder (an older or a test rubric set) has no drills or drawings, which the pages
 * say; a folder that is there but invalid stops the server with every problem listed.
 */
export function loadStudyContent(dir: string, caseIds: ReadonlySet<string>): StudyContent {
  let cards: DrillCard[] = [];
  if (existsSync(join(dir, DRILLS_FOLDER))) {
    const loaded = loadDrills(dir, caseIds);
    if (!loaded.ok) throw invalid(dir, 'drill decks', loaded.issues.map(formatIssue));
    cards = loaded.value;
  }
  let architectures = new Map<string, ReferenceArchitecture>();
  if (existsSync(join(dir, ARCHITECTURES_FOLDER))) {
    const loaded = loadArchitectures(dir, caseIds);
    if (!loaded.ok) throw invalid(dir, 'reference architectures', loaded.issues.map(formatIssue));
    architectures = loaded.value;
  }
  return { cards, cardsById: new Map(cards.map((card) => [card.id, card])), architectures };
}

function invalid(dir: string, what: string, lines: string[]): Error {
  return new Error(
    `${what} in ${dir} are invalid; fix these and start again:\n${lines.map((line) => `  ${line}`).join('\n')}`,
  );
}

/**
 * The study content for the rubric set in force. The rubrics plugin swaps `current` as a whole
 * when the files change (dev mode); the drills and architectures are read again then, and a set
 * that no longer validates keeps the previous one, as the cases do.
 */
export class StudyContentSource {
  readonly #dir: string;
  readonly #rubrics: () => Rubrics;
  readonly #onInvalid: (error: Error) => void;
  #loadedFor: Rubrics;
  #content: StudyContent;
  #scorer: DrillScorer;

  constructor(dir: string, rubrics: () => Rubrics, onInvalid: (error: Error) => void) {
    this.#dir = dir;
    this.#rubrics = rubrics;
    this.#onInvalid = onInvalid;
    this.#loadedFor = rubrics();
    this.#content = loadStudyContent(dir, new Set(this.#loadedFor.cases.keys()));
    this.#scorer = new DrillScorer(this.#loadedFor.framework);
  }

  get(): { content: StudyContent; scorer: DrillScorer } {
    const current = this.#rubrics();
    if (current !== this.#loadedFor) {
      this.#loadedFor = current;
      try {
        this.#content = loadStudyContent(this.#dir, new Set(current.cases.keys()));
        this.#scorer = new DrillScorer(current.framework);
      } catch (error) {
        this.#onInvalid(error as Error);
      }
    }
    return { content: this.#content, scorer: this.#scorer };
  }
}
