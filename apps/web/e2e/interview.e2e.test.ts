import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, SHOTS, startTestServer, type TestServer } from './support.ts';

/** One whole interview in real headless Chromium against the real server and offline interviewer. */
describe('interview end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const answerBox = () => page.getByLabel('Your answer or clarifying question');
  const interviewerTurns = () => page.locator('.bubble--interviewer');

  async function say(text: string): Promise<void> {
    const before = await interviewerTurns().count();
    await answerBox().fill(text);
    await answerBox().press('Enter');
    await expect.poll(() => answerBox().inputValue()).toBe('');
    // Acknowledged and stored: the pending bubble became a transcript turn, and the interviewer replied.
    await expect
      .poll(() => page.locator('.bubble--pending, .bubble--sent').count(), { timeout: 10_000 })
      .toBe(0);
    await expect.poll(() => interviewerTurns().count(), { timeout: 10_000 }).toBeGreaterThan(before);
  }

  it('picks a case, interviews, moves on, ends and shows a scored report', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.case-card').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'home.png') });

    await page.getByPlaceholder('Search title, summary or tag').fill('click');
    const card = page.locator('.case-card').first();
    const caseTitle = (await card.locator('.case-card__title').textContent()) ?? '';
    expect(caseTitle.toLowerCase()).toContain('click');
    await card.click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await expect.poll(() => page.locator('.start-panel__case strong').textContent()).toBe(caseTitle);
    // Judged at staff level by a tough interviewer: only the levels the case lists are offered.
    expect(await page.locator('input[name="level"]').count()).toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'Staff', exact: true }).check();
    expect(await page.locator('.segmented__hint').textContent()).toContain('roadmap');
    await page.getByRole('radio', { name: /^Tough/ }).check();
    await page.getByRole('button', { name: 'Start interview' }).click();

    await page.waitForURL(/#\/room\//);
    await interviewerTurns().first().waitFor();
    await expect.poll(() => page.locator('.room__title').textContent()).toBe(caseTitle);
    await expect.poll(() => page.locator('.countdown__step').textContent()).toContain('Step 1 of 7');
    expect(await page.locator('.step-rail__item').count()).toBe(7);

    // A clarifying question gets an answer from the case's facts.
    await say('How many daily active users are there, and what latency budget do we have for scoring?');
    // Markup typed by the candidate shows as text and never runs.
    await say(
      'The goal is ad revenue without hurting user retention. <img src=x onerror="window.__pwned=1"> I would track revenue per thousand impressions and click-through rate.',
    );
    await page.locator('.bubble--candidate .bubble__text', { hasText: '<img src=x onerror=' }).waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // A reload resumes from the server's snapshot with nothing lost or doubled.
    const turnsBefore = await page.locator('.bubble').count();
    await page.reload();
    await interviewerTurns().first().waitFor();
    await expect.poll(() => page.locator('.bubble').count()).toBe(turnsBefore);

    // A reader who scrolled up keeps their place; new messages raise a pill instead of yanking the view.
    const scroller = page.locator('.transcript__scroll');
    expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
    await scroller.evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.waitForTimeout(100);
    await page.getByRole('button', { name: /Next step/ }).click();
    await expect.poll(() => page.locator('.countdown__step').textContent()).toContain('Step 2 of 7');
    const pill = page.getByRole('button', { name: /new messages? ↓/ });
    await pill.waitFor();
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await pill.click();
    await pill.waitFor({ state: 'detached' });
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThan(50);
    await say(
      'I would frame it as binary classification: predict the probability of a click for each user and ad pair.',
    );
    await page.screenshot({ path: join(SHOTS, 'room.png') });

    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'End and see report' }).click();
    await page.waitForURL(/#\/report\//, { timeout: 15_000 });
    await page.locator('.report-summary').waitFor({ timeout: 15_000 });

    const score = await page.locator('.score-dial__label strong').textContent();
    expect(Number(score)).toBeGreaterThanOrEqual(0);
    expect(Number(score)).toBeLessThanOrEqual(100);
    expect(await page.locator('.signal').textContent()).toMatch(/hire/i);
    expect(await page.locator('.step-report').count()).toBe(7);
    expect(await page.locator('.report__scorer').textContent()).toContain('offline');
    // The header names the level and the persona; a missed point says what a staff answer adds.
    expect(await page.locator('.report__judged').textContent()).toBe(
      'Judged at staff level · tough interviewer',
    );
    expect(await page.locator('.point__staff').count()).toBeGreaterThan(0);
    // The candidate's words are quoted as evidence and found in the transcript.
    expect(await page.locator('.rt-turn--candidate').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'report.png') });
    await page.screenshot({ path: join(SHOTS, 'report-full.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    const markdown = readFileSync((await download.path()) ?? '', 'utf8');
    expect(markdown).toContain(`# Mock interview report: `);
    expect(markdown).toMatch(/Overall score: \*\*\d+\/100\*\*/);
    expect(markdown).toContain('- Judged at staff level · tough interviewer\n');
    expect(markdown).toContain('  - What a staff answer adds: ');

    await page.goto(`${server.url}/#/history`);
    await page.locator('.session-list tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Open report' }).count()).toBe(1);
    expect(await page.locator('.session-list__level').first().textContent()).toBe('staff · tough');
    await page.screenshot({ path: join(SHOTS, 'history.png') });

    // The level and the persona are remembered for the next interview.
    await page.goto(`${server.url}/`);
    await page.getByPlaceholder('Search title, summary or tag').fill('click');
    await page.locator('.case-card').first().click();
    expect(await page.getByRole('radio', { name: 'Staff', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Tough/ }).isChecked()).toBe(true);

    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('shows a way home for unknown pages and sessions', async () => {
    await page.goto(`${server.url}/#/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.goto(`${server.url}/#/report/not-a-session`);
    await page.getByRole('heading', { name: 'No report for this browser' }).waitFor();
    await page.getByRole('link', { name: 'Back to the case list' }).click();
    await page.locator('.case-card').first().waitFor();

    // A key this browser holds but the server does not know: refused once, no endless retrying.
    await page.evaluate(() =>
      localStorage.setItem(
        'mlsd.sessions',
        JSON.stringify({ gone: { id: 'gone', token: 'nope', caseId: 'x', caseTitle: 'X', createdAt: 0 } }),
      ),
    );
    await page.goto(`${server.url}/#/room/gone`);
    await page.getByRole('heading', { name: 'This interview cannot be opened' }).waitFor();
    expect(await page.getByText('unknown session or wrong token', { exact: false }).count()).toBe(1);
  }, 30_000);
});
