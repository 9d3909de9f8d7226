import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ChatMessage, countTokens } from '@mlsd/llm';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { economyOf } from './economy.ts';
import type { RequestRecord } from './request-record.ts';
import { stablePromptFor } from './stable-prompt.ts';
import { loadCase, repoPrompts } from './testing/fixtures.ts';

const record = (
  messages: ChatMessage[],
  promptTokens: number,
  cachedTokens: number | null,
): RequestRecord => ({
  purpose: 'turn',
  messages,
  usage: { promptTokens, completionTokens: 10, cachedTokens },
  attempts: 1,
  ms: 1,
});

describe('economyOf', () => {
  it('uses the cached tokens the provider reports and bills them at the discount', () => {
    const figures = economyOf([record([], 2_000, 0), record([], 2_200, 1_920), record([], 2_400, 2_176)]);
    expect(figures).toMatchObject({
      inputTokens: 6_600,
      cachedTokens: 4_096,
      cacheSource: 'provider',
      naiveInputTokens: 6_600,
    });
    expect(figures.billedInputTokens).toBe(6_600 - 4_096 + 1_024);
    expect(figures.cacheableShareFromTurn3).toBe(Math.round((2_176 / 2_400) * 1000) / 1000);
  });

  it('measures the identical prefix when the provider says nothing', () => {
    const system: ChatMessage = { role: 'system', content: 'You interview candidates. '.repeat(100) };
    const first = [system, { role: 'user' as const, content: 'Hello there.' }];
    const second = [system, { role: 'user' as const, content: 'Hello again, a longer message.' }];
    const figures = economyOf([record(first, 10_000, null), record(second, 10_000, null)]);
    expect(figures.cacheSource).toBe('prefix');
    // The system message and the user marker are shared; the user text after "Hello" is not.
    expect(figures.cachedTokens).toBeGreaterThan(countTokens(system.content));
    expect(figures.cachedTokens).toBeLessThan(countTokens(system.content) + 20);
  });
});

describe('the stable prefix', () => {
  it('is at least 1,024 tokens for every case, so provider prompt caching applies from the first turn', () => {
    const { framework } = loadCase();
    const prompts = repoPrompts();
    const dir = fileURLToPath(new URL('../../../../rubrics/cases/', import.meta.url));
    const sizes = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) => {
        const loaded = loadYamlFile(`${dir}${name}`, CaseStudy);
        return loaded.ok ? [countTokens(stablePromptFor(prompts, loaded.value, framework))] : [];
      });
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(1_024);
  });
});
