import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrerequisites,
  launchChromium,
  REPO_ROOT,
  startTestServer,
  type TestServer,
} from './support.ts';

/** Phone, tablet, small laptop and desktop, each at a height such a screen has. */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;
const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');

/** What one page must show at every width: selectors that must be visible and wholly on screen. */
interface Screen {
  name: string;
  url: string;
  ready: string;
  keys: (width: number) => string[];
  /** Saved at 390 and 1440 in light and dark. */
  shoot?: boolean;
}

interface Layout {
  overflow: number;
  outside: string[];
  missing: string[];
}

/** Measures the page as it stands: horizontal overflow, controls past the edge, key controls off screen. */
function measure(page: Page, keys: string[]): Promise<Layout> {
  return page.evaluate((keys) => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const shown = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
      el.getBoundingClientRect().width > 0;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const controls = document.querySelectorAll('button, a, input, textarea, select, h1, [role="timer"]');
    const outside = [...controls]
      .filter(shown)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > vw + 1 || r.left < -1;
      })
      .map(name);
    const missing = keys.filter((selector) => {
      const el = document.querySelector(selector);
      if (!el || !shown(el)) return true;
      const r = el.getBoundingClientRect();
      return r.left < -1 || r.right > vw + 1 || r.top < -1 || r.bottom > vh + 1;
    });
    return { overflow: document.documentElement.scrollWidth - vw, outside, missing };
  }, keys);
}

describe('every screen at every width', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const screens: Screen[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const answerBox = () => page.getByLabel('Your answer or clarifying question');

  async function startSolo(search: string): Promise<string> {
    await page.goto(`${server.url}/`);
    await page.getByPlaceholder('Search title, summary or tag').fill(search);
    await page.locator('.case-card').first().click();
    await page.getByRole('radio', { name: '30 min' }).check();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.waitForURL(/#\/room\//);
    await page.locator('.bubble--interviewer').first().waitFor();
    return page.url();
  }

  async function say(text: string): Promise<void> {
    const before = await page.locator('.bubble--interviewer').count();
    await answerBox().fill(text);
    await answerBox().press('Enter');
    await expect
      .poll(() => page.locator('.bubble--interviewer').count(), { timeout: 10_000 })
      .toBeGreaterThan(before);
  }

  it('sets up sessions, a peer room and a watch link', async () => {
    // A finished interview for the report, and two more for the history.
    await startSolo('click');
    await say('How many daily active users are there, and what latency budget do we have?');
    await say('The goal is ad revenue without hurting retention; I would predict the click probability.');
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'End and see report' }).click();
    await page.waitForURL(/#\/report\//, { timeout: 15_000 });
    const report = page.url();

    await startSolo('fraud');
    const room = await startSolo('search');
    await say('What does a good search result mean for this product, and how many queries a second?');
    await say(
      'I would measure success with long clicks and reformulation rate, and keep a latency budget of 200 ms end to end.',
    );
    await page.getByRole('button', { name: 'Invite an observer' }).click();
    const watch = await page.getByLabel('Watch link').inputValue();

    // A live peer room: both seats, past the lobby.
    await page.goto(`${server.url}/`);
    await page.locator('.case-card').first().click();
    await page.getByRole('button', { name: 'Create a peer room' }).click();
    const interviewer = await page.getByLabel('Interviewer link').inputValue();
    const candidate = await page.getByLabel('Candidate link').inputValue();
    await page.goto(interviewer);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.getByRole('tab', { name: 'Talking points' }).waitFor();

    // The notes (or the interviewer's console) are a drawer where three columns do not fit.
    const roomKeys = (drawerBelow: number) => (width: number) => [
      '.countdown [role="timer"]',
      '.answer-box button[type="submit"]',
      width <= drawerBelow ? '.room__side-toggle' : '.room__side',
    ];
    screens.push(
      {
        name: 'home',
        url: `${server.url}/`,
        ready: '.case-card',
        keys: () => ['h1', '.case-card'],
        shoot: true,
      },
      {
        name: 'history',
        url: `${server.url}/#/history`,
        ready: '.session-list',
        keys: () => ['h1'],
        shoot: true,
      },
      { name: 'room', url: room, ready: '.bubble--candidate', keys: roomKeys(1180), shoot: true },
      { name: 'report', url: report, ready: '.report-summary', keys: () => ['.score-dial'], shoot: true },
      { name: 'watch', url: watch, ready: '.bubble--candidate', keys: () => ['.countdown [role="timer"]'] },
      {
        name: 'peer-interviewer',
        url: interviewer,
        ready: '.console-tabs',
        keys: roomKeys(900),
        shoot: true,
      },
      { name: 'peer-candidate', url: candidate, ready: '.case-prompt', keys: roomKeys(900), shoot: true },
    );
  }, 120_000);

  it('nothing overflows and the key controls are on screen at 390, 768, 1024 and 1440 px', async () => {
    const problems: string[] = [];
    for (const screen of screens) {
      await page.goto('about:blank');
      await page.goto(screen.url);
      await page.locator(screen.ready).first().waitFor({ timeout: 15_000 });
      for (const size of SCREENS) {
        await page.setViewportSize(size);
        await page.waitForTimeout(150);
        const layout = await measure(page, screen.keys(size.width));
        const at = `${screen.name} at ${size.width}px`;
        if (layout.overflow > 0) problems.push(`${at}: page is ${layout.overflow}px wider than the screen`);
        for (const el of layout.outside) problems.push(`${at}: past the edge: ${el}`);
        for (const key of layout.missing) problems.push(`${at}: not visible on screen: ${key}`);
        if (screen.shoot && (size.width === 390 || size.width === 1440)) {
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            // The countdown eases its colours over 0.3 s.
            await page.waitForTimeout(400);
            await page.screenshot({
              path: join(SCREENSHOTS, `${screen.name}-${size.width}-${scheme}.png`),
              // The history's list is below the charts.
              fullPage: screen.name === 'history',
            });
          }
          await page.emulateMedia({ colorScheme: 'light' });
        }
      }
    }
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('opens the notes as a drawer where they do not fit beside the conversation', async () => {
    const room = screens.find((s) => s.name === 'room');
    if (!room) throw new Error('no room');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(room.url);
    await page.locator(room.ready).first().waitFor();
    const pad = page.getByLabel('Notes & diagrams');
    expect(await pad.isVisible()).toBe(false);
    await page.locator('.room__side-toggle').click();
    await pad.waitFor();
    await pad.fill('## Sketch\n\n- queries → retrieval → ranking');
    await page.keyboard.press('Escape');
    await pad.waitFor({ state: 'hidden' });
    await page.locator('.room__side-toggle').click();
    expect(await pad.inputValue()).toContain('retrieval');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'room-1024-notes.png') });
  }, 30_000);

  it('brings the start panel into view when a case is tapped on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/`);
    await page.locator('.case-card').nth(2).click();
    const start = page.getByRole('button', { name: 'Start interview' });
    await expect
      .poll(() => start.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight))
      .toBe(true);
  }, 30_000);
});
