import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, startTestServer, type TestServer } from './support.ts';

/**
 * A "not now" refusal in real headless Chromium against the real server: the page's socket runs
 * through a route that answers the first two answers with the retryable error a busy cluster
 * sends, then lets the resend through. The answer must show as retrying, never as failed, and
 * land in the transcript once.
 */
describe('retryable refusals end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const says: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Any moment a bubble shows as failed is remembered, however briefly it lasted.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('.bubble--failed')) (window as { sawFailed?: boolean }).sawFailed = true;
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.routeWebSocket(/\/ws$/, (socket) => {
      const upstream = socket.connectToServer();
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { type: string; clientId?: string };
        if (frame.type === 'say' && frame.clientId) {
          says.push(frame.clientId);
          if (says.length <= 2) {
            socket.send(
              JSON.stringify({
                type: 'error',
                code: 'UNAVAILABLE',
                message: 'the server running this interview did not answer in time',
                clientId: frame.clientId,
                retryable: true,
              }),
            );
            return;
          }
        }
        upstream.send(message);
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const answerBox = () => page.getByLabel('Your answer or clarifying question');

  it('resends a refused answer with the same client id until it is stored, showing it as retrying', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.case-card').first().click();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.waitForURL(/#\/room\//);
    await page.locator('.bubble--interviewer').first().waitFor();

    const text = 'I would start by asking how fresh the features need to be.';
    await answerBox().fill(text);
    await answerBox().press('Enter');
    await page.locator('.bubble--retrying', { hasText: 'Retrying…' }).waitFor();

    const stored = page.locator('.bubble--candidate[data-turn-id]', { hasText: text });
    await expect.poll(() => stored.count(), { timeout: 10_000 }).toBe(1);
    expect(says.length).toBe(3);
    expect(new Set(says).size).toBe(1);
    expect(await page.locator('.bubble--retrying, .bubble--failed').count()).toBe(0);
    expect(await page.evaluate(() => (window as { sawFailed?: boolean }).sawFailed)).toBeUndefined();
    expect(await page.locator('.notice').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
