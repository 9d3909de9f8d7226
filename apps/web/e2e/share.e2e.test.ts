import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, SHOTS, startTestServer, type TestServer } from './support.ts';

const PASSPHRASE = 'correct horse battery staple';

/**
 * A server locked with an access passphrase, in real headless Chromium: the gate, then a finished
 * interview's report shared read only with a browser that has nothing of the owner's, then revoked.
 */
describe('access passphrase and read-only report links end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let owner: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer({ accessKey: PASSPHRASE });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    owner = await context.newPage();
    owner.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const passphrase = (page: Page) => page.getByLabel('Access passphrase', { exact: true });

  it('asks for the passphrase, refuses a wrong one with the server’s words, and unlocks with the right one', async () => {
    await owner.goto(`${server.url}/`);
    await owner.getByText('This server asks for its access passphrase. Ask whoever runs it.').waitFor();
    expect(await owner.locator('.case-card').count()).toBe(0);
    await owner.screenshot({ path: join(SHOTS, 'access-gate.png') });

    await passphrase(owner).fill('open sesame');
    await owner.getByRole('button', { name: 'Unlock' }).click();
    await owner.getByRole('alert').filter({ hasText: 'not this server' }).waitFor();
    expect(await owner.evaluate(() => localStorage.getItem('mlsd.accessKey'))).toBeNull();

    await passphrase(owner).fill(PASSPHRASE);
    await owner.getByRole('button', { name: 'Unlock' }).click();
    await owner.locator('.case-card').first().waitFor();

    // Kept: the history opens without asking again.
    await owner.goto(`${server.url}/#/history`);
    await owner.getByRole('heading', { name: 'History' }).waitFor();
    expect(await passphrase(owner).count()).toBe(0);
    await owner.goto(`${server.url}/`);

    await owner.getByPlaceholder('Search title, summary or tag').fill('click');
    await owner.locator('.case-card').first().click();
    await owner.getByRole('radio', { name: '30 min' }).check();
    await owner.getByRole('button', { name: 'Start interview' }).click();
    await owner.waitForURL(/#\/room\//);
    await owner.locator('.bubble--interviewer').first().waitFor();
  }, 60_000);

  it('shares the finished report read only with a fresh browser, then revokes the link', async () => {
    const answerBox = owner.getByLabel('Your answer or clarifying question');
    await answerBox.fill('I would predict the probability of a click for each user and ad pair.');
    await answerBox.press('Enter');
    await expect
      .poll(() => owner.locator('.bubble--interviewer').count(), { timeout: 10_000 })
      .toBeGreaterThan(1);
    await owner.getByRole('button', { name: 'End interview' }).click();
    await owner.getByRole('button', { name: 'End and see report' }).click();
    await owner.waitForURL(/#\/report\//, { timeout: 15_000 });
    await owner.locator('.report-summary').waitFor({ timeout: 15_000 });
    const caseTitle = await owner.locator('.report__head h1').textContent();

    await owner.getByRole('button', { name: 'Share read-only link' }).click();
    const field = owner.getByLabel('Read-only link', { exact: true });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/#/shared/[\\w-]{43}$`));
    await owner.getByText('Copy it now, it is shown once.').waitFor();
    await owner.getByRole('button', { name: /^Revoke/ }).waitFor();
    await owner.screenshot({ path: join(SHOTS, 'share-link.png') });

    // A browser with no storage at all: no seat, no passphrase, no owner key.
    const stranger = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    stranger.on('pageerror', (error) => pageErrors.push(error.message));
    await stranger.goto(link);
    await stranger.getByText('Read-only copy shared by its owner.').waitFor();
    await stranger.locator('.report-summary').waitFor();
    expect(await stranger.locator('.report__head h1').textContent()).toBe(caseTitle);
    expect(await stranger.locator('.rt-turn--candidate').count()).toBe(1);
    expect(await stranger.getByRole('button', { name: 'Share read-only link' }).count()).toBe(0);
    expect(await stranger.getByLabel('Access passphrase').count()).toBe(0);
    await stranger.screenshot({ path: join(SHOTS, 'shared-report.png') });

    await owner.getByRole('button', { name: /^Revoke/ }).click();
    await owner.locator('.share-links__item', { hasText: 'revoked' }).waitFor();
    expect(await owner.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);

    await stranger.reload();
    await stranger.getByRole('heading', { name: 'This link does not open' }).waitFor();
    await stranger.getByText(/revoked it/).waitFor();
    expect(await stranger.locator('.report-summary').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  }, 90_000);
});
