import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestServer, type TestServer } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const DIST = join(REPO_ROOT, 'apps/web/dist/index.html');

/**
 * The built app under the server's real headers, in real Chromium: every page the candidate goes
 * through loads and works without a single Content-Security-Policy violation.
 */
describe('the content security policy in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(DIST)) throw new Error('apps/web/dist is missing; run `pnpm build` first');
    if (!existsSync(CHROMIUM))
      throw new Error(`no browser at ${CHROMIUM}; install it with: apt-get install -y chromium`);
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('blocks nothing the app needs: home, a live room over the socket, history', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    // A string, so this file needs no DOM types: it runs in the page before the app.
    await page.addInitScript({
      content: `window.__csp = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__csp.push(event.violatedDirective + ' blocked ' + event.blockedURI + ' at ' + event.sourceFile + ':' +
            event.lineNumber + ':' + event.columnNumber + ' on ' + (location.hash || '/'));
        });`,
    });
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.case-card').first().waitFor();
    await page.locator('.case-card').first().click();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.waitForURL(/#\/room\//);
    // The opening turn arrives over the websocket: connect-src allows it.
    await page.locator('.bubble--interviewer').first().waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/#/history`);
    await page.waitForLoadState('networkidle');
    const violations = (await page.evaluate('window.__csp')) as string[];
    expect([...problems, ...violations]).toEqual([]);
  }, 60_000);
});
