import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiError,
  DrawBrief,
  DrawResult,
  DrillDeckResponse,
  DrillResult,
  MAX_DRILL_ANSWER_CHARS,
  MAX_REVIEW_BATCH,
  RecurringMiss,
  type Report,
  ReviewDeck,
  ReviewGradeResponse,
} from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeClock } from './fake-clock.ts';
import { REPO_ROOT, startTestServer, type TestServer } from './helpers.ts';
import { OTHER_OWNER_HEADERS, OWNER_HASH, OWNER_HEADERS } from './owner.ts';

// The study modes over real HTTP: a listening server on a real SQLite file with the repo's rubrics.

const CARD = 'batch-vs-streaming-features';
const GOOD_ANSWER = [
  "A user's spend over the last day changes slowly, so a nightly batch job that computes it is cheap and easy to backfill.",
  'Logins in the last ten minutes go stale within minutes, so I would compute them in a streaming pipeline on Kafka with Flink, because a fraud decision made on hour-old counts misses an attack in progress.',
  'Streaming costs more to run and debug, so I only pay for it where the freshness changes the decision.',
].join(' ');

let server: TestServer;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock();
  server = await startTestServer({ clock });
});

afterEach(async () => {
  await server.close();
});

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.headers ?? OWNER_HEADERS),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const attempt = (answer: unknown, card = CARD, headers?: Record<string, string>) =>
  call(`/api/drills/${card}/attempts`, {
    method: 'POST',
    body: { answer },
    ...(headers ? { headers } : {}),
  });

function expectError(reply: { status: number; body: unknown }, status: number, code: string, says: RegExp) {
  expect(reply.status).toBe(status);
  const error = ApiError.parse(reply.body);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(says);
}

describe('drills', () => {
  it('lists at least 30 cards with their questions and nothing of their answer keys', async () => {
    const reply = await call('/api/drills');
    expect(reply.status).toBe(200);
    const deck = DrillDeckResponse.parse(reply.body);
    expect(deck.cards.length).toBeGreaterThanOrEqual(30);
    const card = deck.cards.find((each) => each.id === CARD);
    expect(card).toMatchObject({ step: 'data', lastScore: null, attempts: 0 });
    const raw = JSON.stringify(reply.body);
    expect(raw).not.toMatch(/"(points|strong|signals|plain|probe)"/);
    // Not one strong answer of any card, in any wording the deck could carry.
    const decks = ['general', 'cases'].map((name) =>
      readFileSync(join(REPO_ROOT, `rubrics/drills/${name}.yaml`), 'utf8'),
    );
    const strongOpening = /strong: >-?\s*\n\s+(.{40})/g;
    const openings = decks.flatMap((text) => [...text.matchAll(strongOpening)].map((match) => match[1]));
    expect(openings.length).toBeGreaterThanOrEqual(120);
    for (const opening of openings) expect(raw).not.toContain(opening);
    const caseCard = deck.cards.find((each) => each.caseId !== undefined);
    expect(caseCard?.caseTitle).toBeTruthy();
  });

  it('scores an answer with quotes from it, says what was missed, stores it and schedules a review', async () => {
    const reply = await attempt(GOOD_ANSWER);
    expect(reply.status).toBe(201);
    const result = DrillResult.parse(reply.body);
    expect(result.score).toBeGreaterThan(40);
    expect(result.credited.length).toBeGreaterThanOrEqual(2);
    for (const point of result.credited) expect(GOOD_ANSWER).toContain(point.quote);
    expect(result.credited.map((point) => point.pointId)).toContain('streaming-when-freshness-matters');
    for (const point of result.missed) expect(point.strong.length).toBeGreaterThan(40);
    expect(result.credited.length + result.missed.length).toBe(4);
    expect(result.nextReviewAt).toBeGreaterThan(clock.now());

    const deck = DrillDeckResponse.parse((await call('/api/drills')).body);
    expect(deck.cards.find((card) => card.id === CARD)).toMatchObject({
      lastScore: result.score,
      attempts: 1,
    });
    // Another browser's deck knows nothing of it.
    const theirs = DrillDeckResponse.parse(
      (await call('/api/drills', { headers: OTHER_OWNER_HEADERS })).body,
    );
    expect(theirs.cards.find((card) => card.id === CARD)).toMatchObject({ lastScore: null, attempts: 0 });

    const db = server.app.db.sqlite;
    const row = db.prepare('select owner_hash, answer, score from drill_attempts').get();
    expect(row).toEqual({ owner_hash: OWNER_HASH, answer: GOOD_ANSWER, score: result.score });
    const review = db.prepare('select item_id, due from review_cards').get();
    expect(review).toEqual({ item_id: `drill:${CARD}`, due: result.nextReviewAt });
  });

  it('scores an answer that misses the point as such', async () => {
    const result = DrillResult.parse(
      (await attempt('I like pizza and long walks on the beach, honestly.')).body,
    );
    expect(result.score).toBe(0);
    expect(result.credited).toEqual([]);
    expect(result.missed).toHaveLength(4);
  });

  it('refuses an empty or too long answer, an unknown card and a missing owner, storing nothing', async () => {
    expectError(await attempt('   \n '), 400, 'VALIDATION_FAILED', /answer is empty/);
    expectError(
      await attempt('x'.repeat(MAX_DRILL_ANSWER_CHARS + 1)),
      400,
      'VALIDATION_FAILED',
      /longer than/,
    );
    expectError(await attempt(42), 400, 'VALIDATION_FAILED', /answer/);
    expectError(
      await attempt(GOOD_ANSWER, 'no-such-card'),
      404,
      'NOT_FOUND',
      /unknown drill card 'no-such-card'/,
    );
    expectError(await attempt(GOOD_ANSWER, CARD, {}), 400, 'VALIDATION_FAILED', /owner key/);
    expect(server.app.db.sqlite.prepare('select count(*) as n from drill_attempts').get()).toEqual({ n: 0 });
  });
});

describe('draw from memory', () => {
  const CASE = 'ad-click-prediction';

  it('briefs without the reference, then compares a drawing box by box and arrow by arrow', async () => {
    const brief = DrawBrief.parse((await call(`/api/draw/${CASE}`)).body);
    expect(brief).toMatchObject({ caseId: CASE, componentCount: 13, arrowCount: 17 });
    const drawing = {
      nodes: [
        { id: 'a', label: 'Ad server' },
        { id: 'm', label: 'CTR model service' },
        { id: 'f', label: 'Feature store' },
        { id: 'x', label: 'Coffee machine' },
      ],
      edges: [
        { from: 'f', to: 'm' },
        { from: 'x', to: 'a' },
      ],
    };
    const reply = await call(`/api/draw/${CASE}`, { method: 'POST', body: drawing });
    expect(reply.status).toBe(200);
    const result = DrawResult.parse(reply.body);
    const matched = result.components
      .filter((component) => component.matched)
      .map((component) => component.id);
    expect(matched.sort()).toEqual(['ad-server', 'ctr-model', 'feature-store']);
    expect(
      result.arrows.find((arrow) => arrow.from === 'feature-store' && arrow.to === 'ctr-model')?.matched,
    ).toBe(true);
    expect(result.extraNodes).toEqual(['Coffee machine']);
    expect(result.extraEdges).toEqual([{ from: 'Coffee machine', to: 'Ad server' }]);
    expect(result.reference.components).toHaveLength(13);
  });

  it('refuses a drawing with no boxes and an unknown case', async () => {
    const empty = await call(`/api/draw/${CASE}`, { method: 'POST', body: { nodes: [], edges: [] } });
    expectError(empty, 400, 'VALIDATION_FAILED', /no boxes/);
    expectError(await call('/api/draw/ad-clik'), 404, 'CASE_NOT_FOUND', /known cases/);
  });
});

describe('spaced review', () => {
  /** Two ended sessions of the owner whose reports missed the same point (and one other each). */
  function pastSessions() {
    const missed = (pointId: string) => ({ pointId, title: pointId, weight: 2, strong: 'x'.repeat(40) });
    const report = (pointIds: string[]) =>
      ({
        steps: [
          { id: 'requirements', reached: true, missed: pointIds.map(missed), covered: [], redFlags: [] },
          // Never reached: running out of time is not a miss to review.
          {
            id: 'monitoring',
            reached: false,
            missed: [missed('drift-monitoring')],
            covered: [],
            redFlags: [],
          },
        ],
      }) as unknown as Report;
    const db = server.app.db;
    const sessions: [string, string[], number][] = [
      ['s1', ['prediction-drives-auction', 'candidate-volume-and-budget'], 1_000],
      ['s2', ['prediction-drives-auction', 'three-sided-objective'], 2_000],
    ];
    for (const [id, points, at] of sessions) {
      db.sessions.create({
        id,
        tokenHash: `hash-${id}`,
        caseId: 'ad-click-prediction',
        caseTitle: 'Ad click prediction',
        durationMinutes: 45,
        interviewer: 'offline',
        seed: 1,
        engineState: {},
        createdAt: at,
        ownerHash: OWNER_HASH,
      });
      db.sessions.commit(id, {
        at,
        ended: { at, reason: 'completed' },
        report: { report: report(points), overall: 40, createdAt: at },
      });
    }
  }

  const deck = async (headers?: Record<string, string>) => {
    const reply = await call('/api/review', headers ? { headers } : {});
    expect(reply.status).toBe(200);
    return ReviewDeck.parse(reply.body);
  };

  it('makes each missed point a due card with its probe and strong answer, and lists recurring misses', async () => {
    pastSessions();
    const due = await deck();
    expect(due.dueCount).toBe(3);
    expect(due.items.map((item) => item.itemId)).toEqual([
      'point:ad-click-prediction:candidate-volume-and-budget',
      'point:ad-click-prediction:prediction-drives-auction',
      'point:ad-click-prediction:three-sided-objective',
    ]);
    const repeated = due.items.find((item) => item.itemId.endsWith('prediction-drives-auction'));
    expect(repeated).toMatchObject({ kind: 'point', missedIn: 2 });
    if (repeated?.kind !== 'point') throw new Error('expected a point item');
    expect(repeated.probe.length).toBeGreaterThan(8);
    expect(repeated.strong.length).toBeGreaterThan(40);

    const recurring = z.array(RecurringMiss).parse((await call('/api/review/recurring')).body);
    expect(recurring.map((miss) => miss.pointId)).toEqual(['prediction-drives-auction']);
    expect(recurring[0]).toMatchObject({ sessions: 2, lastMissedAt: 2_000 });
    expect(await deck(OTHER_OWNER_HEADERS)).toMatchObject({ dueCount: 0, items: [] });
  });

  it('reschedules a graded card: again comes back within the day, easy days later', async () => {
    pastSessions();
    const grade = (itemId: string, rating: string) =>
      call(`/api/review/items/${encodeURIComponent(itemId)}/grade`, { method: 'POST', body: { rating } });
    const again = ReviewGradeResponse.parse(
      (await grade('point:ad-click-prediction:prediction-drives-auction', 'again')).body,
    );
    expect(again.due - clock.now()).toBeLessThan(60 * 60_000);
    const easy = ReviewGradeResponse.parse(
      (await grade('point:ad-click-prediction:three-sided-objective', 'easy')).body,
    );
    expect(easy.due - clock.now()).toBeGreaterThan(24 * 60 * 60_000);

    const after = await deck();
    expect(after.dueCount).toBe(1);
    expect(after.nextDueAt).toBe(again.due);
    await clock.advance(again.due - clock.now());
    expect((await deck()).dueCount).toBe(2);

    expectError(await grade('point:ad-click-prediction:nope', 'good'), 404, 'NOT_FOUND', /no review item/);
    expectError(await grade('drill:batch-vs-streaming-features', 'good'), 404, 'NOT_FOUND', /answer it once/);
    expectError(
      await grade('point:ad-click-prediction:three-sided-objective', 'perfect'),
      400,
      'VALIDATION_FAILED',
      /rating/,
    );
  });

  it('brings a drill back when its review falls due, and sends a large backlog a batch at a time', async () => {
    await attempt('I like pizza.');
    const right = await deck();
    expect(right.dueCount).toBe(0);
    expect(right.totalCount).toBe(1);
    await clock.advance((right.nextDueAt ?? 0) - clock.now());
    const later = await deck();
    expect(later.items).toEqual([
      expect.objectContaining({
        kind: 'drill',
        cardId: 'batch-vs-streaming-features',
        itemId: `drill:${CARD}`,
      }),
    ]);

    const db = server.app.db;
    for (let index = 0; index < 150; index += 1) {
      db.study.putReviewCard({
        ownerHash: OWNER_HASH,
        itemId: `drill:gone-${index}`,
        card: {},
        due: 0,
        updatedAt: 0,
      });
    }
    // Cards of drills that do not exist are not shown; the real ones are, a batch at a time.
    expect((await deck()).dueCount).toBe(1);
    const deckRows = DrillDeckResponse.parse((await call('/api/drills')).body).cards.slice(0, 40);
    for (const card of deckRows) {
      db.study.putReviewCard({
        ownerHash: OWNER_HASH,
        itemId: `drill:${card.id}`,
        card: {},
        due: 5,
        updatedAt: 0,
      });
    }
    const backlog = await deck();
    expect(backlog.dueCount).toBeGreaterThanOrEqual(40);
    expect(backlog.items).toHaveLength(MAX_REVIEW_BATCH);
  });
});

describe('a peer interview the owner set up', () => {
  it('keeps every case answer key out of sight until it ends, and leaves general cards alone', async () => {
    const made = await call('/api/peer/rooms', {
      method: 'POST',
      body: { surprise: true, durationMinutes: 30 },
    });
    expect(made.status).toBe(201);

    const deck = DrillDeckResponse.parse((await call('/api/drills')).body);
    expect(deck.caseCardsHidden).toBe(true);
    expect(deck.cards.some((card) => card.caseId !== undefined)).toBe(false);
    expect(deck.cards.some((card) => card.id === CARD)).toBe(true);
    const theirs = DrillDeckResponse.parse(
      (await call('/api/drills', { headers: OTHER_OWNER_HEADERS })).body,
    );
    expect(theirs.caseCardsHidden).toBe(false);

    const caseCard = theirs.cards.find((card) => card.caseId !== undefined);
    expectError(await attempt(GOOD_ANSWER, caseCard?.id), 403, 'FORBIDDEN', /peer interview you set up/);
    expect((await attempt(GOOD_ANSWER)).status).toBe(201);
    const drawing = { nodes: [{ id: 'a', label: 'Ad server' }], edges: [] };
    const drawn = await call('/api/draw/ad-click-prediction', { method: 'POST', body: drawing });
    expectError(drawn, 403, 'FORBIDDEN', /Reference architectures are paused/);
    expect((await call('/api/review')).body).toMatchObject({ caseItemsHidden: true });

    // A day later the lobby has expired: nothing is held back any more.
    await clock.advance(24 * 60 * 60_000 + 1);
    expect(DrillDeckResponse.parse((await call('/api/drills')).body).caseCardsHidden).toBe(false);
  });
});
