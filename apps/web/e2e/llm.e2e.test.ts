import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, load, SHOTS, type TestServer } from './support.ts';

/** The parts of the test kit used here, imported by path (see support.ts). */
interface FakeOpenAi {
  url: string;
  close(): Promise<void>;
}
type Request = { messages: { content: string }[]; response_format?: unknown };
type Reply = { kind: 'text'; text: string; chunkChars?: number; chunkDelayMs?: number };

const SLOW_LINE =
  'Thanks, that is a useful start. Before we go further, how many requests per second do you expect at the peak?';
const BURST_LINE =
  'Good. Now walk me through the training data you would build for this, where the labels come from, and how long you would wait for a click before you call an impression negative.';
const OPENING = 'Welcome. Here is the case; tell me what you would like to know first.';
const WRAP = "We're out of time, so let's stop here. Thank you for walking me through it.";
const ANSWER = 'The auction ranks ads by bid times CTR, so the predicted probability sets the price paid.';

/** The ids a judge request asks about, read from the enums of its JSON schema (see scoring's schema.ts). */
type IdEnum = { items: { properties: Record<string, { enum: string[] }> } };
function askedIds(request: Request): { points: string[]; redFlags: string[]; curveballs: string[] } {
  const { properties } = (
    request.response_format as {
      json_schema: { schema: { properties: { points: IdEnum; redFlags?: IdEnum; curveballs?: IdEnum } } };
    }
  ).json_schema.schema;
  const ids = (list: IdEnum | undefined, key: string) => list?.items.properties[key]?.enum ?? [];
  return {
    points: ids(properties.points, 'pointId'),
    redFlags: ids(properties.redFlags, 'flagId'),
    curveballs: ids(properties.curveballs, 'curveballId'),
  };
}

const CREDITED = 'prediction-drives-auction';

/**
 * The judge: one entry per point, red flag and curveball asked about. It credits one quote, finds
 * no red flag stated and no curveball idea covered. Its two runs of a step split on how well the
 * quote explains the point (explained, then mentioned), so the report marks that verdict uncertain.
 */
function judge(runs: Map<string, number>, request: Request): Reply {
  const asked = askedIds(request);
  const step = [...asked.points].sort().join(',');
  const run = (runs.get(step) ?? 0) + 1;
  runs.set(step, run);
  const explained = run % 2 === 1;
  const points = asked.points.map((pointId) =>
    pointId === CREDITED
      ? {
          pointId,
          quote: 'The auction ranks ads by bid times CTR',
          turn: 1,
          reason: explained ? 'explains how the prediction prices the ad' : 'names the auction only',
          level: explained ? 'explained' : 'mentioned',
          credit: explained ? 0.9 : 0.5,
        }
      : { pointId, quote: '', turn: null, reason: 'not addressed', level: 'missed', credit: 0 },
  );
  const redFlags = asked.redFlags.map((flagId) => ({
    flagId,
    quote: '',
    turn: null,
    reason: 'not said',
    said: 'absent',
  }));
  const curveballs = asked.curveballs.map((curveballId) => ({
    curveballId,
    quote: '',
    turn: null,
    reason: 'no idea of a good reaction covered',
    covered: [],
  }));
  // The schema lists red flags and curveballs only for a step that has some, and allows no other keys.
  const reply = {
    points,
    ...(redFlags.length > 0 ? { redFlags } : {}),
    ...(curveballs.length > 0 ? { curveballs } : {}),
  };
  return { kind: 'text', text: JSON.stringify(reply) };
}

/** Interviewer replies stream slowly or in one burst, as the test asks; judge requests go to `judge`. */
function script(mode: { current: 'slow' | 'burst' }, judgeRuns: Map<string, number>) {
  return (request: Request): Reply => {
    if (request.response_format !== undefined) return judge(judgeRuns, request);
    const note = request.messages.at(-1)?.content ?? '';
    if (/Thank the candidate/.test(note)) return { kind: 'text', text: WRAP };
    if (/Open the interview/.test(note)) return { kind: 'text', text: OPENING };
    return mode.current === 'slow'
      ? { kind: 'text', text: SLOW_LINE, chunkChars: 4, chunkDelayMs: 40 }
      : { kind: 'text', text: BURST_LINE, chunkChars: 2 };
  };
}

/** The language-model interviewer in real headless Chromium, against the local fake model server. */
describe('model interviewer end to end', () => {
  let fake: FakeOpenAi;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const mode = { current: 'slow' as 'slow' | 'burst' };
  const pageErrors: string[] = [];
  let deltaFrames = 0;

  beforeAll(async () => {
    checkPrerequisites();
    const kit = await load<{ startFakeOpenAi: (s: (r: Request) => Reply) => Promise<FakeOpenAi> }>(
      'packages/testkit/src/index.ts',
    );
    fake = await kit.startFakeOpenAi(script(mode, new Map()));
    const env = await load<{ readLlmSetup: (env: Record<string, string>) => unknown }>(
      'apps/server/src/env.ts',
    );
    const helpers = await load<{ startTestServer: (o: { llm: unknown }) => Promise<TestServer> }>(
      'apps/server/test/helpers.ts',
    );
    server = await helpers.startTestServer({
      llm: env.readLlmSetup({
        OPENAI_BASE_URL: fake.url,
        MLSD_MODEL: 'fake-model',
        MLSD_LLM_MAX_RETRIES: '0',
      }),
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"turn_delta"')) deltaFrames += 1;
      }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  const answerBox = () => page.getByLabel('Your answer or clarifying question');
  const committed = (text: string) =>
    page.locator('.bubble--interviewer:not(.bubble--draft) .bubble__text', { hasText: text });

  async function say(text: string): Promise<void> {
    await answerBox().fill(text);
    await answerBox().press('Enter');
    await expect.poll(() => answerBox().inputValue()).toBe('');
  }

  it('offers the model, streams its words into a draft, and reports both scorers', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.case-card').first().waitFor();
    const model = page.getByRole('radio', { name: /Language model/ });
    await expect.poll(() => model.isEnabled()).toBe(true);
    await expect.poll(() => model.isChecked()).toBe(true);
    expect(await page.locator('#llm-reason').textContent()).toContain('answers; using fake-model');
    await page.locator('.start-panel').screenshot({ path: join(SHOTS, 'start-panel-llm.png') });

    await page.getByPlaceholder('Search title, summary or tag').fill('click');
    await page.locator('.case-card').first().click();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.waitForURL(/#\/room\//);
    await page.locator('.bubble--interviewer').first().waitFor();
    expect(await page.locator('.room__mode').textContent()).toBe('Language model');

    // A slow stream: the draft shows part of the message, then the committed turn takes its place.
    mode.current = 'slow';
    await say(ANSWER);
    const draft = page.locator('.bubble--draft .bubble__text');
    await draft.waitFor({ timeout: 10_000 });
    const partial = (await draft.textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(SLOW_LINE.startsWith(partial)).toBe(true);
    await committed(SLOW_LINE).waitFor({ timeout: 10_000 });
    expect(await page.locator('.bubble--draft').count()).toBe(0);
    expect(await committed(SLOW_LINE).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'room-llm.png') });

    // A burst: many pieces arrive within a few frames, and the draft is redrawn at most once a frame.
    await page.evaluate(() => {
      const w = window as unknown as { __frame: number; __updates: number[] };
      w.__frame = 0;
      w.__updates = [];
      const tick = () => {
        w.__frame += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new MutationObserver((records) => {
        for (const record of records) {
          const node = record.target instanceof Element ? record.target : record.target.parentElement;
          if (node?.closest('.bubble--draft')) w.__updates.push(w.__frame);
        }
      }).observe(document.querySelector('.transcript__scroll')!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    mode.current = 'burst';
    const before = deltaFrames;
    await say('I would start with a logistic regression baseline on hashed features.');
    await committed(BURST_LINE).waitFor({ timeout: 10_000 });
    const updates = await page.evaluate(() => (window as unknown as { __updates: number[] }).__updates);
    const perFrame = new Map<number, number>();
    for (const frame of updates) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
    expect(Math.max(0, ...perFrame.values())).toBeLessThanOrEqual(1);
    expect(deltaFrames - before).toBeGreaterThan(updates.length);

    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'End and see report' }).click();
    await page.waitForURL(/#\/report\//, { timeout: 20_000 });
    await page.locator('.compare').waitFor({ timeout: 20_000 });
    expect(await page.locator('.report__scorer').textContent()).toContain('language-model judge');
    expect(await page.locator('.compare__table').textContent()).toContain('Model judge');
    expect(await page.locator('.compare__point').count()).toBeGreaterThan(0);
    // The judge's own report, not the offline fallback, with the point its two runs split on marked.
    expect(await page.locator('.report').textContent()).not.toContain('Model judge failed');
    const compared = await page.locator('.compare').textContent();
    expect(compared).toContain('the two judge runs disagreed');
    expect(compared).toContain('Prediction feeds ranking and pricing');
    await page.locator('.compare').screenshot({ path: join(SHOTS, 'report-compare.png') });
    await page.screenshot({ path: join(SHOTS, 'report-llm.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
