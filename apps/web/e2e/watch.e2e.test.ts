import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, SHOTS, startTestServer, type TestServer } from './support.ts';

/** Observers in real headless Chromium: a watch link made from a live room, opened in another browser. */
describe('watching an interview end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let seatContext: BrowserContext;
  let observerContext: BrowserContext;
  let seat: Page;
  let observer: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer();
    browser = await launchChromium();
    seatContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    observerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    seat = await seatContext.newPage();
    observer = await observerContext.newPage();
    for (const page of [seat, observer]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the invite panel (choosing `choice` when there are several views) and reads the link. */
  async function invite(page: Page, choice?: string): Promise<string> {
    await page.getByRole('button', { name: 'Invite an observer' }).click();
    if (choice) await page.getByRole('button', { name: choice }).click();
    const link = page.getByLabel('Watch link');
    await link.waitFor();
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    return link.inputValue();
  }

  it('a candidate invites an observer, who follows the solo mock live and read only', async () => {
    const answerBox = seat.getByLabel('Your answer or clarifying question');
    const seatTurns = (role: string) => seat.locator(`.bubble--${role}`);
    const watchedTurns = (role: string) => observer.locator(`.bubble--${role}`);

    await seat.goto(`${server.url}/`);
    await seat.getByPlaceholder('Search title, summary or tag').fill('click');
    await seat.locator('.case-card').first().click();
    await seat.getByRole('radio', { name: '30 min' }).check();
    await seat.getByRole('button', { name: 'Start interview' }).click();
    await seat.waitForURL(/#\/room\//);
    await seatTurns('interviewer').first().waitFor();
    await answerBox.fill('How many daily active users are there?');
    await answerBox.press('Enter');
    await expect.poll(() => seatTurns('interviewer').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const asked = await seatTurns('interviewer').count();

    // The watch link: the full address of this page, made with the candidate's token.
    const link = await invite(seat);
    expect(link).toMatch(new RegExp(`^${server.url}/#/watch/[\\w-]+/[\\w-]{43}$`));
    await seat.screenshot({ path: join(SHOTS, 'watch-invite.png') });
    await seat.keyboard.press('Escape');
    await seat.getByLabel('Watch link').waitFor({ state: 'detached' });

    // The observer sees the room as it stands, read only, and the candidate sees them arrive.
    await observer.goto(link);
    await observer.getByText('You are watching — read only.').waitFor();
    await expect.poll(() => watchedTurns('interviewer').count()).toBe(asked);
    await observer.locator('.bubble--candidate', { hasText: 'daily active users' }).waitFor();
    expect(await observer.locator('.bubble--candidate .bubble__who').first().textContent()).toBe('Candidate');
    expect(await observer.locator('.room__title').textContent()).toBe(
      await seat.locator('.room__title').textContent(),
    );
    await observer.getByText('Candidate: connected').waitFor();
    await seat.getByText('1 watching').waitFor();
    for (const control of ['End interview', 'Next step →', 'Invite an observer']) {
      expect(await observer.getByRole('button', { name: control }).count(), control).toBe(0);
    }
    expect(await observer.getByLabel('Your answer or clarifying question').count()).toBe(0);
    expect(await observer.locator('.compose, textarea#answer').count()).toBe(0);

    // The candidate's next answer and the interviewer's reply appear live.
    const answer = 'I would predict calibrated click probabilities, because the auction prices ads by them.';
    await answerBox.fill(answer);
    await answerBox.press('Enter');
    await observer.locator('.bubble--candidate', { hasText: 'calibrated click probabilities' }).waitFor();
    await expect.poll(() => seatTurns('interviewer').count(), { timeout: 10_000 }).toBeGreaterThan(asked);
    const replied = await seatTurns('interviewer').count();
    await expect.poll(() => watchedTurns('interviewer').count(), { timeout: 10_000 }).toBe(replied);
    expect(await watchedTurns('interviewer').last().textContent()).toBe(
      await seatTurns('interviewer').last().textContent(),
    );

    // The pad follows as it is typed, drawn, and cannot be edited.
    await seat.getByLabel('Notes & diagrams').fill('## Plan\n\n- calibrated CTR for the auction\n');
    await observer.locator('.diagram-pad__preview .markdown__heading', { hasText: 'Plan' }).waitFor();
    expect(await observer.locator('.diagram-pad__source').getAttribute('readonly')).not.toBeNull();
    await observer.screenshot({ path: join(SHOTS, 'watch.png') });
    await seat.screenshot({ path: join(SHOTS, 'watch-candidate.png') });

    // At phone width everything stacks and stays readable.
    await observer.setViewportSize({ width: 390, height: 844 });
    await observer.getByText('You are watching — read only.').waitFor();
    expect(await observer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await observer.screenshot({ path: join(SHOTS, 'watch-phone.png'), fullPage: true });
    await observer.setViewportSize({ width: 1366, height: 768 });
    // The candidate's invite panel fits a phone too, and shows the link made before (no second one).
    await seat.setViewportSize({ width: 390, height: 844 });
    await seat.getByRole('button', { name: 'Invite an observer' }).click();
    expect(await seat.getByLabel('Watch link').inputValue()).toBe(link);
    const panel = await seat.locator('.invite__panel').boundingBox();
    expect(panel?.x).toBeGreaterThanOrEqual(0);
    expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(390);
    await seat.screenshot({ path: join(SHOTS, 'watch-invite-phone.png') });
    await seat.keyboard.press('Escape');
    await seat.setViewportSize({ width: 1366, height: 768 });

    // The end: the candidate gets the report, the observer a plain "ended" with no report link.
    await seat.getByRole('button', { name: 'End interview' }).click();
    await seat.getByRole('button', { name: 'End and see report' }).click();
    await seat.waitForURL(/#\/report\//, { timeout: 15_000 });
    await observer.getByText('The interview has ended.').waitFor({ timeout: 15_000 });
    expect(await observer.getByRole('link', { name: /report/i }).count()).toBe(0);
    expect(observer.url()).toBe(link);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a peer interviewer shares the console; the observer sees it with every control locked', async () => {
    const created = await fetch(`${server.url}/api/peer/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: 'ad-click-prediction', durationMinutes: 30 }),
    });
    expect(created.status).toBe(201);
    const room = (await created.json()) as { interviewer: { path: string } };
    await seat.goto(`${server.url}/${room.interviewer.path}`);
    await seat.getByRole('button', { name: 'Start the interview' }).click();
    await seat.getByRole('tab', { name: 'Talking points' }).waitFor();

    const link = await invite(seat, 'Share console');
    await observer.goto(link);
    await observer.getByText('You are watching — read only.').waitFor();
    await observer.getByRole('tab', { name: 'Talking points' }).waitFor();
    await observer.getByText('Interviewer console').waitFor();
    await seat.getByText('1 watching').waitFor();
    const chips = observer.locator('.cpoint .chip');
    expect(await chips.count()).toBeGreaterThan(0);
    for (const chip of await chips.all()) expect(await chip.isDisabled()).toBe(true);
    for (const control of ['Pause clock', 'Next step →', 'End interview', 'Ask', 'Put in the message box']) {
      expect(await observer.getByRole('button', { name: control, exact: true }).count(), control).toBe(0);
    }
    expect(await observer.getByLabel('Message to the candidate').count()).toBe(0);

    // What the interviewer sends shows up on the console it shares.
    const box = seat.getByLabel('Message to the candidate');
    await box.fill('Tell me how you would frame this problem.');
    await box.press('Enter');
    await observer.locator('.bubble--interviewer', { hasText: 'frame this problem' }).waitFor();
    await observer.screenshot({ path: join(SHOTS, 'watch-console.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows a way home for a watch link the server refuses', async () => {
    await observer.goto(`${server.url}/#/watch/no-such-room/${'x'.repeat(43)}`);
    await observer.getByRole('heading', { name: 'This interview cannot be opened' }).waitFor();
    await observer.getByRole('link', { name: 'Back to the case list' }).click();
    await observer.locator('.case-card').first().waitFor();
  }, 30_000);
});
