import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrerequisites,
  launchChromium,
  load,
  SHOTS,
  startTestServer,
  type TestServer,
} from './support.ts';

/** This browser's owner key, set before the app loads, so the test can seed its past interviews. */
const OWNER_KEY = 'study-e2e-owner-key-0123456789';

/** The parts of the server the review test seeds through: its SQLite stores. */
interface SeedableServer extends TestServer {
  app: {
    db: {
      sessions: { create(session: object): void; commit(id: string, change: object): unknown };
    };
  };
}

const GOOD_ANSWER = [
  "A user's spend over the last day changes slowly, so a nightly batch job that computes it is cheap and easy to backfill.",
  'Logins in the last ten minutes go stale within minutes, so I would compute them in a streaming pipeline on Kafka with Flink, because a fraud decision made on hour-old counts misses an attack in progress.',
].join(' ');

/** Trade-off drills, spaced review and drawing from memory in real headless Chromium. */
describe('study modes end to end', () => {
  let server: SeedableServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = (await startTestServer()) as SeedableServer;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((key) => {
      if (!localStorage.getItem('mlsd.owner')) localStorage.setItem('mlsd.owner', key);
    }, OWNER_KEY);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('runs a drill on the clock and shows the scored result with the answer’s own words', async () => {
    await page.goto(`${server.url}/#/drills`);
    await page.getByRole('heading', { name: 'Drills', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Case cards' }).waitFor();
    await page.getByRole('heading', { name: 'Draw a case from memory' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'drills-deck.png'), fullPage: false });

    await page.getByRole('link', { name: /Batch vs streaming features/ }).click();
    await page.waitForURL(/#\/drills\/batch-vs-streaming-features$/);
    await page.getByText('How do you decide which features to compute on a schedule').waitFor();
    expect(await page.getByRole('timer').textContent()).toMatch(/^\d+:\d{2}$/);
    // Nothing of the answer key is on the page before the answer is in.
    expect(await page.getByText('What a strong answer adds').count()).toBe(0);

    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('alert').filter({ hasText: 'The answer is empty' }).waitFor();

    await page.getByLabel('Your answer').fill(GOOD_ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page
      .getByRole('heading', { name: 'Drill result' })
      .or(page.getByText('Drill result'))
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Credited' }).waitFor();
    const quotes = await page.locator('.point-list__quote').allTextContents();
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const quote of quotes) expect(GOOD_ANSWER).toContain(quote);
    await page.getByRole('heading', { name: 'Missed: what a strong answer adds' }).waitFor();
    const score = Number(await page.locator('.score-dial__label strong').textContent());
    expect(score).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'drill-result.png'), fullPage: true });

    // Try again starts a fresh round on the same card.
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await page.getByLabel('Your answer').inputValue()).toBe('');
    await page.goto(`${server.url}/#/drills`);
    await page
      .getByRole('link', { name: /Batch vs streaming features/ })
      .getByText(`last ${score}`)
      .waitFor();
  }, 60_000);

  it('reviews the points missed in past interviews: probe, reveal, rate, next', async () => {
    const { hashToken } = await load<{ hashToken: (token: string) => string }>('apps/server/src/auth.ts');
    const ownerHash = hashToken(OWNER_KEY);
    const missed = (pointId: string) => ({ pointId, title: pointId, weight: 2, strong: 'seeded' });
    const sessions: [string, string[], number][] = [
      ['e2e-s1', ['prediction-drives-auction', 'candidate-volume-and-budget'], Date.now() - 86_400_000],
      ['e2e-s2', ['prediction-drives-auction'], Date.now() - 3_600_000],
    ];
    for (const [id, points, at] of sessions) {
      server.app.db.sessions.create({
        id,
        tokenHash: `hash-${id}`,
        caseId: 'ad-click-prediction',
        caseTitle: 'Ad click prediction',
        durationMinutes: 45,
        interviewer: 'offline',
        seed: 1,
        engineState: {},
        createdAt: at,
        ownerHash,
      });
      const report = {
        steps: [{ id: 'requirements', reached: true, missed: points.map(missed), covered: [], redFlags: [] }],
      };
      server.app.db.sessions.commit(id, {
        at,
        ended: { at, reason: 'completed' },
        report: { report, overall: 30, createdAt: at },
      });
    }

    await page.goto(`${server.url}/#/review`);
    await page.getByRole('heading', { name: 'Review', exact: true }).waitFor();
    await page.getByText('2 due today').waitFor();
    await expect.poll(() => page.locator('.nav-count').textContent()).toBe('2');
    const card = page.getByRole('article', { name: 'Review item' });
    await card.getByText('missed in 1 interview').waitFor();
    expect(await card.locator('.review-card__strong').count()).toBe(0);
    await card.getByRole('button', { name: 'Show the strong answer' }).click();
    const strong = await card.locator('.review-card__strong').textContent();
    expect(strong?.length).toBeGreaterThan(40);
    await page.screenshot({ path: join(SHOTS, 'review-reveal.png') });
    await card.getByRole('button', { name: 'Good' }).click();

    await page.getByText('1 due today').waitFor();
    await expect.poll(() => page.locator('.nav-count').textContent()).toBe('1');
    await card.getByText('missed in 2 interviews').waitFor();
    await card.getByRole('button', { name: 'Show the strong answer' }).click();
    await card.getByRole('button', { name: 'Again' }).click();
    await page.getByText('All done for now').waitFor();
    await expect.poll(() => page.locator('.nav-count').count()).toBe(0);
    await page.getByText('Nothing is due right now.').waitFor();

    // History lists the point two interviews missed.
    await page.goto(`${server.url}/#/history`);
    const recurring = page.getByRole('region', { name: 'Recurring misses' });
    await recurring.getByText('missed 2×').waitFor();
  }, 60_000);

  it('draws a case from memory and compares it with the reference, drawn by mermaid', async () => {
    await page.goto(`${server.url}/#/draw/ad-click-prediction`);
    await page.getByRole('heading', { name: 'Ad click-through prediction for a feed auction' }).waitFor();
    await page.getByText('Our reference has 13 components and 17 arrows').waitFor();
    const drawing = page.getByLabel('Your drawing');
    await drawing.fill('Ad server\nCTR model\nFeature store');
    await page.getByText('3 boxes, 0 arrows: no arrows yet').waitFor();
    await drawing.fill(
      [
        'Ad server -> CTR model (candidates)',
        'Feature store -> CTR model',
        'CTR model -> Ad auction',
        'Coffee machine',
      ].join('\n'),
    );
    await page.getByText('5 boxes, 3 arrows').waitFor();
    await page.getByRole('button', { name: 'Compare with the reference' }).click();
    await page.getByRole('heading', { name: /your drawing against the reference/ }).waitFor();
    const components = page.getByRole('list', { name: 'Components' });
    expect(await components.locator('.is-matched').count()).toBe(4);
    expect(await components.locator('.is-missed').count()).toBe(9);
    await page
      .getByRole('list', { name: 'Arrows' })
      .getByText('Online feature store → CTR model service')
      .waitFor();
    await page.getByText('Coffee machine').waitFor();
    await page.locator('.reference-diagram svg').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'draw-compare.png'), fullPage: true });

    await page.getByRole('button', { name: 'Draw it again' }).click();
    expect(await page.getByLabel('Your drawing').inputValue()).toBe('');
  }, 60_000);

  it('fits every screen: no page scrolls sideways, the header keeps every link on a phone', async () => {
    for (const width of [1440, 1024, 768, 375]) {
      await page.setViewportSize({ width, height: 812 });
      for (const path of [
        '#/drills',
        '#/drills/batch-vs-streaming-features',
        '#/review',
        '#/draw/ad-click-prediction',
      ]) {
        await page.goto(`${server.url}/${path}`);
        await page.locator('main h1').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
    for (const name of ['New interview', 'Drills', 'Review', 'History']) {
      expect(
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).isVisible(),
      ).toBe(true);
    }
    await page.goto(`${server.url}/#/drills/batch-vs-streaming-features`);
    await page.getByLabel('Your answer').waitFor();
    await page.screenshot({ path: join(SHOTS, 'drill-phone.png') });
  }, 60_000);
});
