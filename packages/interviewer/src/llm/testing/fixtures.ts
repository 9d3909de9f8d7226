import { fileURLToPath } from 'node:url';
import { createLlmClient, type LlmClient, type LlmClientOptions } from '@mlsd/llm';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { loadPrompts, type PromptSet } from '../prompts.ts';

const RUBRICS = fileURLToPath(new URL('../../../../../rubrics/', import.meta.url));

/** One real case file and the framework, loaded alone (a broken sibling case does not matter here). */
export function loadCase(id = 'ad-click-prediction'): { caseStudy: CaseStudy; framework: Framework } {
  const framework = loadYamlFile(`${RUBRICS}framework.yaml`, Framework);
  const caseStudy = loadYamlFile(`${RUBRICS}cases/${id}.yaml`, CaseStudy);
  if (!framework.ok) throw new Error(`framework.yaml: ${JSON.stringify(framework.issues[0])}`);
  if (!caseStudy.ok) throw new Error(`${id}.yaml: ${JSON.stringify(caseStudy.issues[0])}`);
  return { caseStudy: caseStudy.value, framework: framework.value };
}

/** The repository's prompts/, validated. */
export function repoPrompts(): PromptSet {
  const loaded = loadPrompts();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

/**
 * A client of the local OpenAI-compatible server a test started: short timeouts, no retries, no
 * prompt cache and the server's own temperature, unless a test says otherwise.
 */
export function fakeModelClient(url: string, overrides: Partial<LlmClientOptions> = {}): LlmClient {
  return createLlmClient({
    baseURL: url,
    apiKey: 'k',
    provider: 'compatible',
    requestTimeoutMs: 2_000,
    streamIdleMs: 500,
    maxRetries: 0,
    maxRetryWaitMs: 100,
    cachePrompt: false,
    temperature: null,
    ...overrides,
  });
}
