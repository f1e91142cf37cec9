// One model discovery run: the configured OpenAI-compatible endpoint's model list into the
// registry (private.apply_model_discovery), or a failed run with its error and, when the endpoint
// throttled, the time it allows the next try (private.record_failed_model_discovery), which
// pg_cron's private.model_discovery_due honours.
import { asService, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { listModels, modelListError } from "../_shared/providers/model_list.ts";

export interface Deps {
  sql: Sql;
  settings: Settings;
  fetch?: typeof fetch;
  now: () => number;
}

export interface RunResult {
  status: "succeeded" | "failed";
  runId: string;
  models?: number;
  error?: string;
  retryAt?: string;
}

export async function discoverModels(d: Deps): Promise<RunResult> {
  const s = d.settings;
  const provider = s.MODEL_DISCOVERY_PROVIDER;
  const startedAt = new Date(d.now());
  try {
    if (!s.OPENAI_API_KEY) throw new Error("OPENAI_API_KEY is not set");
    const models = await listModels({
      apiKey: s.OPENAI_API_KEY,
      baseURL: s.OPENAI_BASE_URL,
      timeoutMs: s.EMBEDDING_TIMEOUT_MS,
      provider,
      fetch: d.fetch,
    });
    if (!models.length) throw new Error("the endpoint listed no chat models; the registry was left as it is");
    const [row] = await asService(
      d.sql,
      (tx) =>
        tx`select private.apply_model_discovery(${[provider]}::public.ai_provider[], ${tx.json(models as never)},
        ${startedAt}) as id`,
    );
    return { status: "succeeded", runId: row.id as string, models: models.length };
  } catch (e) {
    const err = modelListError(e, d.now());
    const retryAt = err.kind === "throttled" ? err.details.retryAt ?? null : null;
    const [row] = await asService(
      d.sql,
      (tx) =>
        tx`select private.record_failed_model_discovery(${[provider]}::public.ai_provider[], ${err.message},
        ${startedAt}, ${retryAt}) as id`,
    );
    return { status: "failed", runId: row.id as string, error: err.message, retryAt: retryAt?.toISOString() };
  }
}
