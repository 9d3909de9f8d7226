import { randomUUID } from 'node:crypto';
import {
  DrawAttemptBody,
  type DrawBrief,
  type DrawResult,
  DrillAttemptBody,
  type DrillCardSummary,
  type DrillDeckResponse,
  type DrillResult,
  type ReviewDeck,
  ReviewGradeBody,
  type ReviewGradeResponse,
} from '@mlsd/protocol';
import { compareArchitecture } from '@mlsd/rubric';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Access } from '../access.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { buildReviewDeck, drillItemId, missedPoints, recurringMisses } from '../study/review-deck.ts';
import { newCard, parseStoredCard, ratingForScore, reschedule } from '../study/review-schedule.ts';
import { StudyContentSource } from '../study/study-content.ts';
import { parseOrThrow } from '../validation.ts';

/** Minutes on the clock for drawing a case's architecture from memory. */
export const DRAW_MINUTES = 6;
/** A peer lobby nobody started expires within a day; older rows no longer hold anything back. */
const PEER_PENDING_MS = 24 * 60 * 60_000;
/** Sessions read for review items and recurring misses: the newest, enough for months of practice. */
const REPORTS_READ = 200;

const CardParams = z.object({ id: z.string().min(1).max(120) });
const CaseParams = z.object({ caseId: z.string().min(1).max(120) });
const ItemParams = z.object({ itemId: z.string().min(1).max(300) });

/**
 * The study modes under /api: trade-off drills (`/drills`), drawing a case from memory (`/draw`)
 * and spaced review (`/review`). Drills and review belong to the request's owner, like a history.
 * A drill card's points and strong answers leave the server only in the result of an attempt.
 */
export async function studyRoutes(
  app: FastifyInstance,
  options: { clock: Clock; access: Access; rubricsDir: string },
): Promise<void> {
  const { clock, access } = options;
  const source = new StudyContentSource(
    options.rubricsDir,
    () => app.rubrics.current,
    (error) =>
      app.log.error(
        { err: error },
        'drills or architectures changed but do not validate; keeping the previous set',
      ),
  );

  /** Whether this owner's pending peer room must keep case answer keys out of sight. */
  const peerPending = async (ownerHash: string | null) =>
    ownerHash !== null &&
    (await app.store.study.hasPendingPeerRoom(ownerHash, clock.now() - PEER_PENDING_MS));
  const refuseDuringPeer = (what: string) =>
    new AppError(
      'FORBIDDEN',
      `${what} are paused while a peer interview you set up is waiting or running, so none can give its case away; they come back when it ends`,
    );

  const cardOrThrow = (id: string) => {
    const { content } = source.get();
    const card = content.cardsById.get(id);
    if (card) return card;
    throw new AppError(
      'NOT_FOUND',
      `unknown drill card '${id}'; GET /api/drills lists the ${content.cards.length} cards there are`,
    );
  };

  app.get('/drills', async (request) => {
    access.requireKey(request);
    const ownerHash = access.ownerOf(request);
    const attempts = ownerHash ? await app.store.study.attempts(ownerHash, { limit: 2000 }) : [];
    const caseCardsHidden = await peerPending(ownerHash);
    const { content } = source.get();
    const latest = new Map<string, number>();
    const counts = new Map<string, number>();
    for (const attempt of attempts) {
      if (!latest.has(attempt.cardId)) latest.set(attempt.cardId, attempt.score);
      counts.set(attempt.cardId, (counts.get(attempt.cardId) ?? 0) + 1);
    }
    const shown = caseCardsHidden ? content.cards.filter((card) => card.case === undefined) : content.cards;
    const cards: DrillCardSummary[] = shown.map((card) => {
      const study = card.case ? app.rubrics.current.cases.get(card.case) : undefined;
      return {
        id: card.id,
        title: card.title,
        step: card.step,
        ...(card.case ? { caseId: card.case } : {}),
        ...(study ? { caseTitle: study.title } : {}),
        question: card.question,
        minutes: card.minutes,
        lastScore: latest.get(card.id) ?? null,
        attempts: counts.get(card.id) ?? 0,
      };
    });
    const deck: DrillDeckResponse = { cards, caseCardsHidden };
    return deck;
  });

  app.post(
    '/drills/:id/attempts',
    { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (request, reply) => {
      access.requireKey(request);
      const { id } = parseOrThrow(CardParams, request.params, 'drill card');
      const card = cardOrThrow(id);
      const ownerHash = access.requireOwner(request);
      if (card.case !== undefined && (await peerPending(ownerHash))) throw refuseDuringPeer('Case cards');
      const { answer } = parseOrThrow(DrillAttemptBody, request.body ?? {}, 'drill answer');
      const grounding = card.case ? app.rubrics.current.cases.get(card.case) : undefined;
      const scored = source.get().scorer.score(card, answer, grounding);
      const now = clock.now();
      const itemId = drillItemId(card.id);
      const previous = await app.store.study.reviewCard(ownerHash, itemId);
      const schedule = reschedule(
        parseStoredCard(previous?.card) ?? newCard(now),
        ratingForScore(scored.score),
        now,
      );
      const result: DrillResult = {
        attemptId: randomUUID(),
        cardId: card.id,
        cardTitle: card.title,
        answer,
        ...scored,
        createdAt: now,
        nextReviewAt: Date.parse(schedule.due),
      };
      await app.store.study.addAttempt({
        id: result.attemptId,
        ownerHash,
        cardId: card.id,
        answer,
        score: scored.score,
        result,
        createdAt: now,
      });
      await app.store.study.putReviewCard({
        ownerHash,
        itemId,
        card: schedule,
        due: result.nextReviewAt,
        updatedAt: now,
      });
      return reply.status(201).send(result);
    },
  );

  const architectureOrThrow = (caseId: string) => {
    const study = app.rubrics.getCase(caseId);
    const reference = source.get().content.architectures.get(caseId);
    if (reference) return { study, reference };
    throw new AppError('NOT_FOUND', `the case '${caseId}' has no reference architecture yet`);
  };

  app.get('/draw/:caseId', async (request) => {
    access.requireKey(request);
    const { caseId } = parseOrThrow(CaseParams, request.params, 'case');
    const { study, reference } = architectureOrThrow(caseId);
    const brief: DrawBrief = {
      caseId,
      caseTitle: study.title,
      prompt: study.prompt,
      minutes: DRAW_MINUTES,
      componentCount: reference.components.length,
      arrowCount: reference.arrows.length,
    };
    return brief;
  });

  app.post('/draw/:caseId', async (request) => {
    access.requireKey(request);
    const { caseId } = parseOrThrow(CaseParams, request.params, 'case');
    const { study, reference } = architectureOrThrow(caseId);
    const drawing = parseOrThrow(DrawAttemptBody, request.body ?? {}, 'drawing');
    if (await peerPending(access.ownerOf(request))) throw refuseDuringPeer('Reference architectures');
    const comparison = compareArchitecture(reference, drawing);
    const result: DrawResult = {
      caseId,
      caseTitle: study.title,
      ...comparison,
      reference: {
        summary: reference.summary,
        components: reference.components.map(({ id, label, role, path }) => ({ id, label, role, path })),
        arrows: reference.arrows,
      },
    };
    return result;
  });

  const ownerMisses = async (ownerHash: string) =>
    missedPoints(await app.store.study.reportsOf(ownerHash, REPORTS_READ), app.rubrics.current);

  const deckOf = async (ownerHash: string): Promise<ReviewDeck> =>
    buildReviewDeck(
      await ownerMisses(ownerHash),
      await app.store.study.reviewCards(ownerHash),
      source.get().content.cardsById,
      clock.now(),
      await peerPending(ownerHash),
    );

  app.get('/review', async (request) => {
    access.requireKey(request);
    return deckOf(access.requireOwner(request));
  });

  app.get('/review/recurring', async (request) => {
    access.requireKey(request);
    return recurringMisses(await ownerMisses(access.requireOwner(request)));
  });

  app.post('/review/items/:itemId/grade', async (request) => {
    access.requireKey(request);
    const { itemId } = parseOrThrow(ItemParams, request.params, 'review item');
    const ownerHash = access.requireOwner(request);
    const { rating } = parseOrThrow(ReviewGradeBody, request.body ?? {}, 'review grade');
    const stored = await app.store.study.reviewCard(ownerHash, itemId);
    const isMissedPoint = !stored && (await ownerMisses(ownerHash)).has(itemId);
    const isDrill =
      itemId.startsWith('drill:') && source.get().content.cardsById.has(itemId.slice('drill:'.length));
    if (!stored && !isMissedPoint) {
      throw new AppError(
        'NOT_FOUND',
        isDrill
          ? `the drill '${itemId.slice(6)}' is not in your review yet; answer it once on the drills page`
          : `no review item '${itemId}' of yours; GET /api/review lists what is due`,
      );
    }
    const now = clock.now();
    const next = reschedule(parseStoredCard(stored?.card) ?? newCard(now), rating, now);
    const due = Date.parse(next.due);
    await app.store.study.putReviewCard({ ownerHash, itemId, card: next, due, updatedAt: now });
    const response: ReviewGradeResponse = { itemId, due };
    return response;
  });
}
