import {
  createLlmInterviewer,
  type LlmInterviewer,
  loadPrompts,
  type PlanOutcome,
  type PlanRequest,
  type PromptSet,
  planWithModel,
} from '@mlsd/interviewer';
import { checkLlmHealth, createLlmClient, describeLlmConfig, type LlmConfig } from '@mlsd/llm';
import type { HealthResponse } from '@mlsd/protocol';
import { createJudgeClient, type JudgeClient } from '@mlsd/scoring';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';

/** Everything a session needs of the model, created once per server. */
export interface ModelParts {
  config: LlmConfig;
  interviewer: LlmInterviewer;
  /** The model reads a candidate message and proposes the move (checked in code, then by the engine). */
  plan: (request: PlanRequest) => Promise<PlanOutcome>;
  judge: JudgeClient;
  prompts: PromptSet;
}

export type LlmStatus = Required<HealthResponse['llm']>;

export interface LlmService {
  /** Null when no usable endpoint is configured: every session runs offline. */
  readonly model: ModelParts | null;
  /** Whether the endpoint answers and serves the model, and why not. Cached briefly; never throws. */
  status(): Promise<LlmStatus>;
}

declare module 'fastify' {
  interface FastifyInstance {
    llm: LlmService;
  }
}

export interface LlmPluginOptions {
  config: LlmConfig | null;
  /** Why the settings could not be used (invalid variables), shown instead of a health check. */
  problem: string | null;
  clock: Clock;
  /** Defaults to the repository's prompts/. */
  promptsDir?: string;
}

/** A good answer is trusted for a while; a bad one is asked again soon (Ollama may still be starting). */
const READY_TTL_MS = 30_000;
const NOT_READY_TTL_MS = 5_000;
const OFFLINE = 'sessions run on the offline interviewer';

async function llmPlugin(app: FastifyInstance, options: LlmPluginOptions): Promise<void> {
  // Always checked, model or not, so a broken prompt file stops the server at once, by name.
  const prompts = loadPrompts(options.promptsDir);
  if (!prompts.ok) throw new Error(prompts.error.message);
  const { config, problem, clock } = options;
  const client = config ? createLlmClient(config) : null;
  const model: ModelParts | null =
    config && client
      ? {
          config,
          prompts: prompts.value,
          interviewer: createLlmInterviewer({
            client,
            prompts: prompts.value,
            model: config.model,
            contextTokens: config.contextTokens,
            onRequest: (record) =>
              app.log.debug(
                { purpose: record.purpose, usage: record.usage, attempts: record.attempts, ms: record.ms },
                'model request',
              ),
          }),
          plan: (request) => planWithModel(client, { model: config.model, prompts: prompts.value }, request),
          judge: createJudgeClient(client, { model: config.judgeModel, timeoutMs: config.judgeTimeoutMs }),
        }
      : null;

  const closing = new AbortController();
  let cached: { at: number; ttl: number; value: Promise<LlmStatus> } | null = null;

  async function probe(): Promise<LlmStatus> {
    if (problem !== null) return { configured: false, reachable: false, ready: false, detail: problem };
    const health = await checkLlmHealth(config, client, { signal: closing.signal });
    const ready = health.reachable && health.missingModels.length === 0;
    return {
      configured: health.configured,
      reachable: health.reachable,
      ready,
      detail: ready || !health.configured ? health.detail : `${health.detail}; ${OFFLINE}`,
    };
  }

  function status(): Promise<LlmStatus> {
    const now = clock.now();
    if (cached && now - cached.at < cached.ttl) return cached.value;
    const entry = { at: now, ttl: NOT_READY_TTL_MS, value: probe() };
    cached = entry;
    void entry.value.then((value) => {
      entry.ttl = value.ready ? READY_TTL_MS : NOT_READY_TTL_MS;
    });
    return entry.value;
  }

  app.decorate('llm', { model, status } satisfies LlmService);

  if (problem !== null) app.log.warn(problem);
  else if (!config) app.log.info(`no model endpoint configured; ${OFFLINE}`);
  // Say at start-up whether the model answers, without holding the start-up up for it.
  app.addHook('onReady', async () => {
    if (!config) return;
    void status().then((value) => {
      if (value.ready) app.log.info(`model interviewer ready: ${describeLlmConfig(config)}`);
      else app.log.warn(`model interviewer unavailable: ${value.detail}`);
    });
  });
  app.addHook('onClose', async () => closing.abort());
}

export default fp(llmPlugin, { name: 'mlsd-llm', fastify: '5.x' });
