import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, SHOTS, startTestServer, type TestServer } from './support.ts';

/** The whiteboard in real headless Chromium: drawn with the mouse and keyboard, reloaded, reported. */
describe('the whiteboard end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Nothing may be fetched from anywhere but this server. Excalidraw lists a CDN after the local
    // copy of each font; the page's content security policy stops those before the network.
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url()))
        outside.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openWhiteboard(): Promise<{ x: number; y: number }> {
    await page.getByRole('button', { name: 'Whiteboard', exact: true }).click();
    await page.getByRole('button', { name: 'Enlarge' }).click();
    const canvas = page.locator('.whiteboard__canvas .excalidraw__canvas.interactive');
    await canvas.waitFor({ timeout: 20_000 });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the whiteboard canvas has no size');
    return { x: box.x, y: box.y };
  }

  async function drawBox(origin: { x: number; y: number }, left: number, label: string): Promise<void> {
    await page.locator('.whiteboard [data-testid="toolbar-rectangle"]').check({ force: true });
    await page.mouse.move(origin.x + left, origin.y + 200);
    await page.mouse.down();
    await page.mouse.move(origin.x + left + 60, origin.y + 240, { steps: 5 });
    await page.mouse.move(origin.x + left + 160, origin.y + 280, { steps: 5 });
    await page.mouse.up();
    // The new box is selected: Enter writes its label inside it.
    await page.keyboard.press('Enter');
    await page.keyboard.type(label);
    await page.keyboard.press('Escape');
  }

  it('draws two labelled boxes and an arrow, keeps them across a reload, and reports the text graph', async () => {
    await page.goto(`${server.url}/`);
    await page.getByPlaceholder('Search title, summary or tag').fill('click');
    await page.locator('.case-card').first().click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.waitForURL(/#\/room\//);
    await page.locator('.bubble--interviewer').first().waitFor();

    const origin = await openWhiteboard();
    await page.mouse.click(origin.x + 600, origin.y + 500);
    await drawBox(origin, 350, 'Feature store');
    await drawBox(origin, 750, 'Ranker');
    await page.locator('.whiteboard [data-testid="toolbar-arrow"]').check({ force: true });
    await page.mouse.move(origin.x + 520, origin.y + 240);
    await page.mouse.down();
    await page.mouse.move(origin.x + 640, origin.y + 240, { steps: 8 });
    await page.mouse.move(origin.x + 760, origin.y + 240, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.press('Escape');

    await page.getByText('As the interviewer reads it').click();
    const graph = page.getByTestId('text-graph');
    await expect.poll(() => graph.textContent(), { timeout: 10_000 }).toContain('Feature store → Ranker');
    await page.screenshot({ path: join(SHOTS, 'whiteboard-room.png') });

    await page.reload();
    await page.locator('.bubble--interviewer').first().waitFor();
    await openWhiteboard();
    await page.getByText('As the interviewer reads it').click();
    await expect.poll(() => graph.textContent()).toContain('[Feature store]');
    expect(await graph.textContent()).toContain('Feature store → Ranker');
    // The canvas drew the stored boxes again (not only the list below it).
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.whiteboard__canvas canvas.static');
      return canvas ? canvas.toDataURL().length : 0;
    });
    expect(painted).toBeGreaterThan(5_000);

    await page.getByRole('button', { name: 'Back to the side' }).click();
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'End and see report' }).click();
    await page.waitForURL(/#\/report\//, { timeout: 20_000 });
    const reported = page.locator('.report-drawing-card').getByTestId('text-graph');
    await reported.waitFor({ timeout: 20_000 });
    expect(await reported.textContent()).toContain('Feature store → Ranker');
    await page.locator('.report-drawing svg').waitFor({ timeout: 20_000 });
    await page.locator('.report-drawing-card').screenshot({ path: join(SHOTS, 'whiteboard-report.png') });

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
