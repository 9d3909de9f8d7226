import type { ConsoleStep, PeerCoverage, Report } from '@mlsd/protocol';
import type { RoomHost } from '../room.ts';
import { coverageOf, emptyCoverage } from './rubric-view.ts';
import type { HumanInterviewerDeps } from './types.ts';

/** How long coverage waits for more typing before it is recomputed (it costs tens of ms). */
export const COVERAGE_DELAY_MS = 1_000;

/**
 * The console's live coverage of a peer room: cached until the candidate's words change, and
 * recomputed a moment after they stop typing, not on every keystroke.
 */
export class LiveCoverage {
  #coverage: PeerCoverage | null = null;
  #timer: ReturnType<HumanInterviewerDeps['clock']['setTimeout']> | null = null;
  #disposed = false;

  constructor(
    private readonly host: RoomHost,
    private readonly deps: HumanInterviewerDeps,
    private readonly steps: ConsoleStep[],
    /** The automatic report of the room as it stands, and whether the candidate has said anything. */
    private readonly source: { report(): Report; hasText(): boolean },
  ) {}

  /** The coverage now, computing it if the candidate's words changed since the last time. */
  current(): PeerCoverage {
    if (this.#coverage) return this.#coverage;
    this.#coverage = this.source.hasText() ? coverageOf(this.source.report()) : emptyCoverage(this.steps);
    return this.#coverage;
  }

  /** The final coverage, from the report stored at the end; sent to the interviewer views at once. */
  final(report: Report): void {
    this.#coverage = coverageOf(report);
    this.host.toInterviewerViews({ type: 'coverage', coverage: this.#coverage });
  }

  /** The candidate's words changed: recompute once they pause, if anyone with a console watches. */
  changed(): void {
    this.#coverage = null;
    if (this.#timer || this.#disposed) return;
    this.#timer = this.deps.clock.setTimeout(() => {
      this.#timer = null;
      this.host
        .run(() => {
          if (this.#coverage !== null || !this.host.hasInterviewerView) return;
          this.host.toInterviewerViews({ type: 'coverage', coverage: this.current() });
        })
        .catch((error: unknown) =>
          this.deps.log.error({ err: error, roomId: this.host.id }, 'peer coverage failed'),
        );
    }, COVERAGE_DELAY_MS);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer) this.deps.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
