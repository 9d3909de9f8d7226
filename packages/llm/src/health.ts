import type { LlmClient } from './client.ts';
import type { LlmConfig } from './config.ts';
import { LlmError } from './errors.ts';

/** The `llm` part of `GET /api/health`. */
export interface LlmHealth {
  configured: boolean;
  reachable: boolean;
  /** Configured models the endpoint does not list (empty when it lists them all, or lists nothing). */
  missingModels: string[];
  detail: string;
}

/** Whether the endpoint answers (GET /models) and lists the configured model. Never throws. */
export async function checkLlmHealth(
  config: LlmConfig | null,
  client: LlmClient | null,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<LlmHealth> {
  if (config === null || client === null) {
    return {
      configured: false,
      reachable: false,
      missingModels: [],
      detail:
        'no model endpoint configured; set OPENAI_BASE_URL or OPENAI_API_KEY to use the model interviewer',
    };
  }
  try {
    const models = await client.listModels({
      timeoutMs: options.timeoutMs ?? 5_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const missing = [config.model, config.judgeModel].filter(
      (model, index, all) => all.indexOf(model) === index && !models.includes(model),
    );
    if (models.length === 0 || missing.length === 0) {
      return {
        configured: true,
        reachable: true,
        missingModels: [],
        detail: `${config.baseURL} answers; using ${config.model}`,
      };
    }
    const known =
      models.length <= 8
        ? models.join(', ')
        : `${models.slice(0, 8).join(', ')} and ${models.length - 8} more`;
    return {
      configured: true,
      reachable: true,
      missingModels: missing,
      detail: `${config.baseURL} answers but does not list ${missing.join(', ')} (it lists ${known}); check MLSD_MODEL, or pull the model first`,
    };
  } catch (error) {
    const why = error instanceof LlmError ? `${error.code}: ${error.message}` : String(error);
    return {
      configured: true,
      reachable: false,
      missingModels: [],
      detail: `${config.baseURL} does not answer (${why})`,
    };
  }
}
