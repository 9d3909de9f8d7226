import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, SHOTS, startTestServer, type TestServer } from './support.ts';

/**
 * The solo room's controls in real headless Chromium: the clock pauses and resumes on the server,
 * the whole interview's time left stands beside the step clock, and Hint asks the interviewer.
 */
describe('room controls end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const stepClock = () => page.getByRole('timer', { name: /left in this step/ });
  const overallClock = () => page.getByRole('timer', { name: /left in the interview/ });
  const interviewerTurns = () => page.locator('.bubble--interviewer');
  const text = async (locator: ReturnType<Page['locator']>) => (await locator.textContent())?.trim() ?? '';
  const seconds = (clock: string) => {
    const [minutes, secs] = clock.split(':').map(Number);
    return (minutes ?? 0) * 60 + (secs ?? 0);
  };

  it('pauses and resumes the clock, shows the time left overall, and gives a hint on request', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.case-card').first().click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.waitForURL(/#\/room\//);
    await interviewerTurns().first().waitFor();

    // The whole interview's time sits beside the step clock: 30 minutes, counting down with it.
    const overallAtStart = seconds(await text(overallClock().locator('.countdown__overall-clock')));
    expect(overallAtStart).toBeGreaterThan(29 * 60);
    expect(overallAtStart).toBeLessThanOrEqual(30 * 60);
    await expect
      .poll(async () => seconds(await text(stepClock())), { timeout: 5_000 })
      .toBeLessThan(seconds(await text(stepClock())));

    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByText('Paused. The clock is stopped').waitFor();
    await expect.poll(() => text(page.locator('.countdown__hint'))).toBe('Paused: the clock is stopped');
    expect(await page.locator('.countdown--paused').count()).toBe(1);
    // The answer box says why it will not send, and Send and Hint wait for the resume.
    await page.getByText('The clock is paused. Resume it to send your answer').waitFor();
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Hint' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'room-paused.png') });

    // The clocks stand still.
    const stepWhilePaused = await text(stepClock());
    const overallWhilePaused = await text(overallClock());
    await page.waitForTimeout(2_500);
    expect(await text(stepClock())).toBe(stepWhilePaused);
    expect(await text(overallClock())).toBe(overallWhilePaused);

    // Resumed, they run again from where they stopped.
    await page.getByRole('button', { name: /Resume/ }).click();
    await page.getByText('Paused. The clock is stopped').waitFor({ state: 'detached' });
    await expect
      .poll(async () => seconds(await text(stepClock())), { timeout: 5_000 })
      .toBeLessThan(seconds(stepWhilePaused));
    expect(seconds(await text(stepClock()))).toBeGreaterThanOrEqual(seconds(stepWhilePaused) - 3);

    // Hint sends the ask as an ordinary message and the interviewer answers with a graded hint.
    const before = await interviewerTurns().count();
    await page.getByRole('button', { name: 'Hint' }).click();
    await page.locator('.bubble--candidate .bubble__text', { hasText: 'Could I have a hint?' }).waitFor();
    await expect.poll(() => interviewerTurns().count(), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(() => text(interviewerTurns().last().locator('.bubble__tag'))).toBe('hint 1 of 3');
    await page.screenshot({ path: join(SHOTS, 'room-hint.png') });

    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'End and see report' }).click();
    await page.waitForURL(/#\/report\//, { timeout: 15_000 });
    const summary = page.locator('.report-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await text(summary)).toContain('1 hint');
    await expect.poll(() => text(summary)).toMatch(/Clock paused\s*\d+ s/);

    expect(pageErrors).toEqual([]);
  }, 90_000);
});
