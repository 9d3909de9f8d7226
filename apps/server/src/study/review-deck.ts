import type { OwnedReport, ReviewCardRecord } from '@mlsd/db';
import { MAX_REVIEW_BATCH, type RecurringMiss, type ReviewDeck, type ReviewItem } from '@mlsd/protocol';
import type { DrillCard, Rubrics } from '@mlsd/rubric';
import { findPoint } from '@mlsd/scoring';
import { dueAt, parseStoredCard } from './review-schedule.ts';

/** A talking point the owner's reports missed, gathered over sessions. */
interface MissedPoint {
  itemId: string;
  caseId: string;
  caseTitle: string;
  pointId: string;
  title: string;
  probe: string;
  strong: string;
  sessions: number;
  firstMissedAt: number;
  lastMissedAt: number;
}

export const drillItemId = (cardId: string) => `drill:${cardId}`;
export const pointItemId = (caseId: string, pointId: string) => `point:${caseId}:${pointId}`;

/**
 * Every talking point missed in a reached step of the owner's reports, once per point, with how
 * many sessions missed it. A step the interview never reached is left out: running out of time is
 * not forgetting. Points of cases no longer in the rubrics are skipped (no probe to ask).
 */
export function missedPoints(reports: readonly OwnedReport[], rubrics: Rubrics): Map<string, MissedPoint> {
  const missed = new Map<string, MissedPoint>();
  for (const owned of reports) {
    const study = rubrics.cases.get(owned.caseId);
    if (!study || !Array.isArray(owned.report?.steps)) continue;
    const seen = new Set<string>();
    for (const step of owned.report.steps) {
      if (!step.reached) continue;
      for (const point of step.missed) {
        const itemId = pointItemId(owned.caseId, point.pointId);
        if (seen.has(itemId)) continue;
        seen.add(itemId);
        const known = missed.get(itemId);
        if (known) {
          known.sessions += 1;
          known.firstMissedAt = Math.min(known.firstMissedAt, owned.createdAt);
          known.lastMissedAt = Math.max(known.lastMissedAt, owned.createdAt);
          continue;
        }
        const found = findPoint(study, rubrics.framework, point.pointId);
        if (!found) continue;
        missed.set(itemId, {
          itemId,
          caseId: owned.caseId,
          caseTitle: study.title,
          pointId: point.pointId,
          title: found.point.title,
          probe: found.point.probe,
          strong: found.point.strong,
          sessions: 1,
          firstMissedAt: owned.createdAt,
          lastMissedAt: owned.createdAt,
        });
      }
    }
  }
  return missed;
}

/**
 * The owner's review items: each missed point (due when first missed until it is first reviewed),
 * and each drill card tried at least once (its card is made by the attempt). What is due now comes
 * first, oldest first, at most `MAX_REVIEW_BATCH` of them; `dueCount` counts them all.
 */
export function buildReviewDeck(
  missed: Map<string, MissedPoint>,
  stored: readonly ReviewCardRecord[],
  cardsById: ReadonlyMap<string, DrillCard>,
  now: number,
  caseItemsHidden = false,
): ReviewDeck {
  const dueOf = new Map<string, number>();
  for (const record of stored) {
    const card = parseStoredCard(record.card);
    dueOf.set(record.itemId, card ? dueAt(card) : record.due);
  }
  const items: ReviewItem[] = [];
  for (const point of caseItemsHidden ? [] : missed.values()) {
    items.push({
      kind: 'point',
      itemId: point.itemId,
      due: dueOf.get(point.itemId) ?? point.firstMissedAt,
      caseId: point.caseId,
      caseTitle: point.caseTitle,
      pointId: point.pointId,
      title: point.title,
      probe: point.probe,
      strong: point.strong,
      missedIn: point.sessions,
    });
  }
  for (const [itemId, due] of dueOf) {
    if (!itemId.startsWith('drill:')) continue;
    const card = cardsById.get(itemId.slice('drill:'.length));
    if (!card || (caseItemsHidden && card.case !== undefined)) continue;
    items.push({ kind: 'drill', itemId, due, cardId: card.id, title: card.title, step: card.step });
  }
  items.sort((a, b) => a.due - b.due || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const due = items.filter((item) => item.due <= now);
  const later = items.filter((item) => item.due > now);
  return {
    now,
    dueCount: due.length,
    totalCount: items.length,
    items: due.slice(0, MAX_REVIEW_BATCH),
    nextDueAt: later[0]?.due ?? null,
    caseItemsHidden,
  };
}

/** Points missed in two or more sessions, most often first, then most recent. */
export function recurringMisses(missed: Map<string, MissedPoint>): RecurringMiss[] {
  return [...missed.values()]
    .filter((point) => point.sessions >= 2)
    .sort((a, b) => b.sessions - a.sessions || b.lastMissedAt - a.lastMissedAt)
    .map((point) => ({
      caseId: point.caseId,
      caseTitle: point.caseTitle,
      pointId: point.pointId,
      title: point.title,
      sessions: point.sessions,
      lastMissedAt: point.lastMissedAt,
    }));
}
