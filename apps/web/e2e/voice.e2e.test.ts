import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, launchChromium, load, SHOTS, type TestServer } from './support.ts';

/**
 * Voice answers in real headless Chromium: the browser's fake microphone plays a WAV that
 * espeak-ng speaks here, MediaRecorder records it, the real server forwards the recording to the
 * test kit's fake transcription server, and the words land after the typed draft.
 */

const HAS_ESPEAK = spawnSync('espeak-ng', ['--version']).status === 0;
if (!HAS_ESPEAK) {
  console.warn(
    'voice e2e: espeak-ng is missing, so the recording test is skipped; install it with: apt-get install -y espeak-ng',
  );
}

/** The part of packages/testkit's fake transcription server used here (loaded by path, like the server). */
interface FakeTranscriber {
  url: string;
  transcriptions: { model: string; fileName: string; bytes: number; firstBytes: Uint8Array }[];
  speeches: string[];
  reply(next: { kind: 'text'; text: string } | { kind: 'status'; status: number; message?: string }): void;
  close(): Promise<void>;
}

interface VoiceServerModule {
  startVoiceServer(env: Record<string, string>): Promise<TestServer>;
}
interface TestkitModule {
  startFakeTranscriber(initial?: { kind: 'text'; text: string }): Promise<FakeTranscriber>;
}

function launchWithMicrophone(wav: string | null): Promise<Browser> {
  return launchChromium([
    // Grants the microphone without a prompt and feeds it from a file instead of hardware.
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(wav ? [`--use-file-for-fake-audio-capture=${wav}`] : []),
    '--autoplay-policy=no-user-gesture-required',
  ]);
}

async function startInterview(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator('.case-card').first().click();
  await page.getByRole('button', { name: 'Start interview' }).click();
  await page.waitForURL(/#\/room\//);
  await page.locator('.bubble--interviewer').first().waitFor();
}

const answerBox = (page: Page) => page.getByLabel('Your answer or clarifying question');
const voiceStatus = (page: Page) => page.locator('.voice-input__status');

describe.skipIf(!HAS_ESPEAK)('voice answers end to end (needs espeak-ng)', () => {
  const SPOKEN = 'I would start with a popularity baseline and then train a two tower model.';
  const HEARD = 'I would start with a popularity baseline, then train a two-tower model.';
  let dir: string;
  let fake: FakeTranscriber;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    dir = mkdtempSync(join(tmpdir(), 'mlsd-voice-e2e-'));
    const wav = join(dir, 'answer.wav');
    const spoken = spawnSync('espeak-ng', ['-w', wav, SPOKEN]);
    if (spoken.status !== 0) throw new Error(`espeak-ng failed: ${spoken.stderr.toString()}`);
    expect(statSync(wav).size).toBeGreaterThan(10_000);
    const testkit = await load<TestkitModule>('packages/testkit/src/index.ts');
    fake = await testkit.startFakeTranscriber({ kind: 'text', text: HEARD });
    const voice = await load<VoiceServerModule>('apps/server/test/voice-server.ts');
    server = await voice.startVoiceServer({
      MLSD_STT_URL: fake.url,
      MLSD_STT_MODEL: 'whisper-test',
      MLSD_TTS_URL: fake.url,
    });
    browser = await launchWithMicrophone(wav);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records the microphone, transcribes it on the server and appends the words to the draft', async () => {
    await startInterview(page, server.url);
    await answerBox(page).fill('My draft so far:');

    const mic = page.getByRole('button', { name: 'Answer by voice' });
    await expect.poll(() => mic.getAttribute('aria-disabled')).toBe('false');
    await mic.click();
    await expect.poll(() => voiceStatus(page).textContent()).toMatch(/^Recording 0:0\d/);
    const recording = page.getByRole('button', { name: 'Stop recording' });
    expect(await recording.getAttribute('aria-pressed')).toBe('true');
    // The level ring follows the spoken WAV: the microphone really hears something.
    await expect
      .poll(
        async () => Number((await recording.getAttribute('style'))?.match(/--level:\s*([\d.]+)/)?.[1] ?? 0),
        {
          timeout: 5_000,
        },
      )
      .toBeGreaterThan(0.02);
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: join(SHOTS, 'voice-recording.png') });
    await recording.click();

    await expect
      .poll(() => answerBox(page).inputValue(), { timeout: 10_000 })
      .toBe(`My draft so far: ${HEARD}`);
    expect(await voiceStatus(page).textContent()).toContain('Added to your answer');
    expect(fake.transcriptions).toHaveLength(1);
    const upload = fake.transcriptions[0]!;
    expect(upload.model).toBe('whisper-test');
    expect(upload.fileName).toBe('answer.webm');
    // Two seconds of Opus is a few kilobytes; the WebM header alone is a few hundred bytes.
    expect(upload.bytes).toBeGreaterThan(2_000);
    expect([...upload.firstBytes.slice(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  });

  it('keeps the draft and says so when nothing was heard or the endpoint fails', async () => {
    const before = await answerBox(page).inputValue();
    fake.reply({ kind: 'text', text: '[BLANK_AUDIO]' });
    await page.getByRole('button', { name: 'Answer by voice' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.waitForTimeout(700);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await expect
      .poll(() => voiceStatus(page).textContent(), { timeout: 10_000 })
      .toContain('We heard nothing');
    expect(await voiceStatus(page).textContent()).toContain('Your typed draft is kept');
    expect(await answerBox(page).inputValue()).toBe(before);

    fake.reply({ kind: 'status', status: 500, message: 'model is loading' });
    await page.getByRole('button', { name: 'Answer by voice' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.waitForTimeout(700);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await expect
      .poll(() => voiceStatus(page).textContent(), { timeout: 10_000 })
      .toContain(`${new URL(fake.url).host} failed`);
    expect(await answerBox(page).inputValue()).toBe(before);
  });

  it('reads new interviewer turns aloud once the speaker is on, and remembers it', async () => {
    const speaker = page.getByRole('button', { name: 'Read the interviewer aloud' });
    expect(await speaker.getAttribute('aria-pressed')).toBe('false');
    await speaker.click();
    expect(await speaker.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Read the interviewer aloud' }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    // Turns already on screen are not read; the reply to a new answer is, through the speech endpoint.
    expect(fake.speeches).toEqual([]);
    const before = await page.locator('.bubble--interviewer').count();
    await answerBox(page).fill('Who are the users, and how many requests per second do we serve?');
    await answerBox(page).press('Enter');
    await expect
      .poll(() => page.locator('.bubble--interviewer').count(), { timeout: 10_000 })
      .toBeGreaterThan(before);
    const reply =
      (await page.locator('.bubble--interviewer').last().locator('.bubble__text').textContent()) ?? '';
    await expect.poll(() => fake.speeches.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(fake.speeches[0]?.slice(0, 40)).toBe(reply.replace(/\s+/g, ' ').trim().slice(0, 40));
    expect(pageErrors).toEqual([]);
  });
});

describe('voice without a transcription server', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    checkPrerequisites();
    const voice = await load<VoiceServerModule>('apps/server/test/voice-server.ts');
    server = await voice.startVoiceServer({});
    browser = await launchWithMicrophone(null);
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the microphone switched off, saying what to configure, and leaves the draft alone', async () => {
    await startInterview(page, server.url);
    await answerBox(page).fill('Typed by hand.');
    const mic = page.getByRole('button', { name: 'Answer by voice' });
    await expect.poll(() => mic.getAttribute('title')).toContain('MLSD_STT_URL');
    expect(await mic.getAttribute('aria-disabled')).toBe('true');
    // Playwright will not click an aria-disabled button; a person can, and is told what to set.
    await mic.click({ force: true });
    await expect.poll(() => voiceStatus(page).textContent()).toContain('set MLSD_STT_URL');
    expect(await page.getByRole('button', { name: 'Stop recording' }).count()).toBe(0);
    expect(await answerBox(page).inputValue()).toBe('Typed by hand.');
    await page.screenshot({ path: join(SHOTS, 'voice-not-configured.png') });
  });
});
