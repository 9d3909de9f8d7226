import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrerequisites,
  launchChromium,
  load,
  REPO_ROOT,
  SHOTS,
  startTestServer,
  type TestServer,
} from './support.ts';

interface CaseText {
  id: string;
  title: string;
  facts: { answer: string }[];
  curveballs: { text: string; expects: string }[];
  steps: Record<string, { points: { probe: string; strong: string; title: string }[] }>;
}

async function loadCase(id: string): Promise<CaseText> {
  const module = await load<{
    loadRubrics: (dir: string) => { ok: boolean; value: { cases: Map<string, CaseText> } };
  }>('packages/rubric/src/index.ts');
  const loaded = module.loadRubrics(join(REPO_ROOT, 'rubrics'));
  const study = loaded.value.cases.get(id);
  if (!study) throw new Error(`no case ${id}`);
  return study;
}

/** Two people in two browser contexts: an interviewer and a candidate, through a short interview. */
describe('peer interview end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let interviewerContext: BrowserContext;
  let candidateContext: BrowserContext;
  let interviewer: Page;
  let candidate: Page;
  const pageErrors: string[] = [];
  /** Everything the candidate's browser received: HTTP bodies and websocket frames. */
  const candidateBytes: string[] = [];
  /** Only the data: API replies and frames (the app's own code names protocol fields). */
  const candidateData: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    server = await startTestServer();
    browser = await launchChromium();
    interviewerContext = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    candidateContext = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    for (const context of [interviewerContext, candidateContext]) {
      // Mermaid draws under the app's content security policy; a violation would show up here.
      await context.addInitScript({
        content: `window.__csp = [];
          document.addEventListener('securitypolicyviolation', (event) => {
            // Excalidraw lists a public CDN after each of its fonts, which the app serves itself;
            // the policy refusing those is the point (nothing leaves the server), not a fault.
            if (event.blockedURI.startsWith('https://esm.sh/@excalidraw/')) return;
            window.__csp.push(event.violatedDirective + ' blocked ' + event.blockedURI);
          });`,
      });
    }
    interviewer = await interviewerContext.newPage();
    candidate = await candidateContext.newPage();
    for (const page of [interviewer, candidate])
      page.on('pageerror', (error) => pageErrors.push(error.message));
    candidateContext.on('response', async (response) => {
      const body = await response.text().catch(() => '');
      candidateBytes.push(body);
      if (new URL(response.url()).pathname.startsWith('/api/')) candidateData.push(body);
    });
    candidate.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        candidateBytes.push(String(frame.payload));
        candidateData.push(String(frame.payload));
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a room, interviews, ends, reports and swaps seats', async () => {
    // The interviewer creates the room from the home page.
    await interviewer.goto(`${server.url}/`);
    await interviewer.getByPlaceholder('Search title, summary or tag').fill('click');
    await interviewer.locator('.case-card').first().click();
    const caseTitle = (await interviewer.locator('.start-panel__case strong').textContent()) ?? '';
    await interviewer.getByLabel('Room length').selectOption('30');
    await interviewer.getByLabel('Candidate level').selectOption('mid');
    await interviewer.locator('.peer-create').scrollIntoViewIfNeeded();
    await interviewer.screenshot({ path: join(SHOTS, 'peer-home.png') });
    await interviewer.getByRole('button', { name: 'Create a peer room' }).click();
    const interviewerLink = await interviewer.getByLabel('Interviewer link').inputValue();
    const candidateLink = await interviewer.getByLabel('Candidate link').inputValue();
    expect(interviewerLink).toMatch(/#\/peer\/[\w-]+\/[\w-]{43}$/);
    expect(candidateLink).not.toBe(interviewerLink);
    await interviewer.locator('.peer-links', { hasText: 'mid level' }).waitFor();
    // The test server listens on 127.0.0.1: the page says the links work on this computer only.
    await interviewer.locator('.link-reach--local', { hasText: 'HOST=0.0.0.0' }).waitFor();
    await interviewer.screenshot({ path: join(SHOTS, 'peer-home-links.png') });

    // The candidate arrives first and waits in the lobby.
    await candidate.goto(candidateLink);
    await candidate.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await candidate.locator('.peer-lobby .eyebrow', { hasText: 'mid level' }).waitFor();
    await interviewer.goto(interviewerLink);
    await interviewer.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await expect.poll(() => candidate.locator('.peer-seat--here').count()).toBe(2);

    // Before the clock starts, the interviewer reads the case, the answer key and the facts.
    const briefing = interviewer.locator('.peer-briefing');
    await briefing.locator('.case-prompt').waitFor();
    expect(await briefing.locator('.cpoint').count()).toBeGreaterThan(0);
    expect(await briefing.locator('.cpoint__status').count()).toBe(0);
    // At mid level, the senior and staff points are shown as bonuses, never as gaps.
    expect(await briefing.locator('.peer-briefing__level').textContent()).toContain('Judged at mid level');
    expect(await briefing.locator('.cpoint--bonus').count()).toBeGreaterThan(0);
    await briefing.getByRole('button', { name: 'Facts' }).click();
    expect(await briefing.locator('.fact').count()).toBeGreaterThan(0);
    await interviewer.screenshot({ path: join(SHOTS, 'peer-lobby.png'), fullPage: true });
    expect(await candidate.locator('.peer-briefing').count()).toBe(0);
    await interviewer.getByRole('button', { name: 'Start the interview' }).click();

    // Both rooms open: the candidate gets the case, the interviewer the console.
    await candidate.locator('.case-prompt').waitFor();
    await expect.poll(() => candidate.locator('.room__title').textContent()).toBe(caseTitle);
    await interviewer.getByRole('tab', { name: 'Talking points' }).waitFor();

    // A clarifying question, answered from the facts.
    const answerBox = candidate.getByLabel('Your answer or clarifying question');
    await answerBox.fill('How many daily active users are there?');
    await answerBox.press('Enter');
    await interviewer.locator('.bubble--candidate', { hasText: 'daily active users' }).waitFor();
    await interviewer.getByRole('tab', { name: 'Facts' }).click();
    await interviewer.locator('.fact--likely').first().waitFor();
    // "Use" adds the fact to what the interviewer has typed; it does not replace it.
    const messageBox = interviewer.getByLabel('Message to the candidate');
    await messageBox.fill('Good question.');
    await interviewer.locator('.fact--likely').first().getByRole('button', { name: 'Use' }).click();
    await expect.poll(() => messageBox.inputValue()).toMatch(/^Good question\. \S/);
    await messageBox.press('Enter');
    await candidate.locator('.bubble--interviewer').first().waitFor();

    // An answer that covers something; the interviewer sees the coverage come in.
    await answerBox.fill(
      'The business goal is ad revenue without hurting retention, so I would predict calibrated click probabilities for the auction, because the price depends on them.',
    );
    await answerBox.press('Enter');
    await interviewer.getByRole('tab', { name: 'Talking points' }).click();
    await expect
      .poll(() => interviewer.locator('.cpoint--explained, .cpoint--mentioned').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await interviewer.locator('.cpoint').first().getByRole('button', { name: '✓ Covered' }).click();
    await interviewer.locator('.cpoint').nth(1).getByRole('button', { name: '✗ Missed' }).click();
    await interviewer.getByRole('radio', { name: /3 Hire/ }).check();
    await interviewer
      .getByPlaceholder(/What was strong/)
      .fill('Clear goal and a sharp question about scale.');

    // The pad: a diagram drawn live for both, and a broken one that says why and keeps the text.
    const pad = candidate.getByLabel('Notes & diagrams');
    await pad.fill(
      '## Sketch\n\n- 300M users\n\n```mermaid\ngraph LR\n  request --> candidates --> ranker --> auction\n```\n',
    );
    await candidate.locator('.diagram-pad__preview .mermaid-block svg').waitFor({ timeout: 20_000 });
    await interviewer.getByRole('tab', { name: "Candidate's pad" }).click();
    await interviewer.locator('.console-pad .mermaid-block svg').waitFor({ timeout: 20_000 });
    await interviewer.locator('.console-pad .markdown__heading', { hasText: 'Sketch' }).waitFor();
    const broken = '```mermaid\ngraph LR\n  a --> (((\n```';
    await pad.fill(broken);
    await candidate.locator('.mermaid-block__error').waitFor({ timeout: 20_000 });
    // One plain sentence with the line, not the parser's token list.
    const complaint = (await candidate.locator('.mermaid-block__error').textContent()) ?? '';
    expect(complaint).toMatch(/\bline 2\b/);
    expect(complaint).not.toContain('Expecting');
    expect(await pad.inputValue()).toBe(broken);
    await pad.fill(
      '## Sketch\n\n- 300M users, 100 ms\n\n```mermaid\ngraph LR\n  request --> candidates --> ranker --> auction\n```\n',
    );
    await candidate.locator('.diagram-pad__preview .mermaid-block svg').waitFor({ timeout: 20_000 });

    // The whiteboard: the candidate's tab loads the canvas; the interviewer has a read-only one.
    await candidate.getByRole('button', { name: 'Whiteboard' }).click();
    await candidate.locator('.whiteboard', { hasText: 'count as your words' }).waitFor();
    await candidate.locator('.whiteboard .excalidraw').waitFor({ timeout: 30_000 });
    await candidate.getByRole('button', { name: 'Notes', exact: true }).click();
    await interviewer.getByRole('tab', { name: 'Whiteboard' }).click();
    await interviewer.locator('.whiteboard', { hasText: "The candidate's whiteboard" }).waitFor();
    await interviewer.locator('.whiteboard .excalidraw').waitFor({ timeout: 30_000 });

    // The clock: pause shows on both sides, then resume, more time and the next step.
    await interviewer.getByRole('button', { name: /Pause clock/ }).click();
    await candidate.getByText('Paused by the interviewer').waitFor();
    await interviewer.getByRole('button', { name: /Resume clock/ }).click();
    await interviewer.getByRole('button', { name: '+1 min' }).click();
    await interviewer.getByRole('tab', { name: 'Talking points' }).click();
    await interviewer.screenshot({ path: join(SHOTS, 'peer-interviewer.png') });
    await candidate.screenshot({ path: join(SHOTS, 'peer-candidate.png') });
    await interviewer.getByRole('button', { name: 'Next step →' }).click();
    await expect.poll(() => candidate.locator('.countdown__step').textContent()).toContain('Step 2 of 7');

    // Both diagrams were drawn without a content security policy violation.
    for (const page of [interviewer, candidate]) {
      expect(await page.evaluate(() => (window as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    }

    // A reload loses nothing.
    const bubbles = await candidate.locator('.bubble').count();
    await candidate.reload();
    await candidate.locator('.case-prompt').waitFor();
    await expect.poll(() => candidate.locator('.bubble').count()).toBe(bubbles);
    await expect.poll(() => pad.inputValue()).toContain('100 ms');

    // The end: the candidate sees their copy of the report, the interviewer the full one.
    await interviewer.getByRole('button', { name: 'End interview' }).click();
    await interviewer.getByRole('button', { name: 'End and see report' }).click();
    await candidate.locator('.peer-report').waitFor({ timeout: 15_000 });
    // The interviewer's clock stops where the interview ended.
    await interviewer.getByText('The interview has ended', { exact: true }).waitFor();
    const stopped = await interviewer.locator('.countdown__clock').textContent();
    await interviewer.waitForTimeout(2_200);
    expect(await interviewer.locator('.countdown__clock').textContent()).toBe(stopped);
    expect(await candidate.locator('.peer-point').count()).toBe(0);
    await candidate.getByText('Clear goal and a sharp question about scale.').waitFor();
    await candidate.screenshot({ path: join(SHOTS, 'peer-candidate-report.png'), fullPage: true });
    await interviewer.getByRole('link', { name: 'Open the report' }).click();
    await interviewer.locator('.peer-report').waitFor({ timeout: 15_000 });
    expect(await interviewer.locator('.peer-point').count()).toBeGreaterThan(10);
    expect(await interviewer.locator('.disagree-mark').count()).toBeGreaterThan(0);
    expect(await interviewer.locator('.report__judged').textContent()).toBe(
      'Judged at mid level · human interviewer',
    );
    expect(await interviewer.locator('.peer-point .badge--bonus').count()).toBeGreaterThan(0);
    // The same exports as the solo report.
    const [download] = await Promise.all([
      interviewer.waitForEvent('download'),
      interviewer.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    const markdown = readFileSync((await download.path()) ?? '', 'utf8');
    expect(markdown).toContain(`# Peer interview report: ${caseTitle}`);
    expect(markdown).toContain('- Judged at mid level · human interviewer\n');
    expect(markdown).toContain('Clear goal and a sharp question about scale.');
    await interviewer.getByRole('button', { name: 'JSON' }).waitFor();
    await interviewer.getByRole('button', { name: 'Print / PDF' }).waitFor();
    await interviewer.emulateMedia({ media: 'print' });
    await interviewer.pdf({ path: join(SHOTS, 'peer-interviewer-report.pdf'), format: 'A4' });
    await interviewer.emulateMedia({ media: 'screen' });
    await interviewer.screenshot({ path: join(SHOTS, 'peer-interviewer-report.png'), fullPage: true });

    // Nothing of the answer key reached the candidate's browser.
    const study = await loadCase(await currentCaseId(interviewer));
    const secrets = [
      ...Object.values(study.steps).flatMap((step) => step.points.flatMap((p) => [p.probe, p.strong])),
      ...study.facts.map((f) => f.answer).filter((answer) => !candidateSawAsMessage(answer)),
      ...study.curveballs.map((c) => c.expects),
    ];
    const received = candidateBytes.join('\n');
    for (const secret of secrets) expect(received.includes(secret), secret).toBe(false);
    expect(candidateData.length).toBeGreaterThan(10);
    expect(candidateData.join('\n')).not.toContain('probedPointIds');

    // Swap seats: one click, and each person's own link opens the other seat in a new room.
    await candidate.getByRole('button', { name: /Swap seats/ }).click();
    await candidate.getByRole('link', { name: /Go to the new room as interviewer/ }).click();
    await candidate.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await candidate.getByText('You are the interviewer').waitFor();
    await interviewer.goto(interviewerLink);
    await interviewer.getByRole('link', { name: /Go to the new room as candidate/ }).click();
    await interviewer.getByText('The case is a surprise').waitFor();

    for (const page of [interviewer, candidate]) {
      expect(await page.evaluate(() => (window as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('shows a clear page for a wrong or unknown room link', async () => {
    const page = await candidateContext.newPage();
    await page.goto(`${server.url}/#/peer/00000000-0000-4000-8000-000000000000/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This room link is not valid' }).waitFor();
    await page.getByRole('link', { name: 'Back to the case list' }).waitFor();
    await page.close();
  }, 30_000);

  /** The fact answer the interviewer sent on purpose is now part of the transcript. */
  function candidateSawAsMessage(answer: string): boolean {
    return candidateBytes.some((bytes) => bytes.includes(`"role":"interviewer"`) && bytes.includes(answer));
  }
});

/** The id of the case whose report the page shows. */
async function currentCaseId(page: Page): Promise<string> {
  const cases = (await (await fetch(`${new URL(page.url()).origin}/api/cases`)).json()) as {
    id: string;
    title: string;
  }[];
  const title = (await page.locator('.peer-report h1').textContent()) ?? '';
  const found = cases.find((c) => c.title === title);
  if (!found) throw new Error(`no case titled ${title}`);
  return found.id;
}
