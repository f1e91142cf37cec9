// The models an OpenAI-compatible endpoint lists (GET /v1/models through the openai SDK's
// models.list(), every page), as apply_model_discovery's entries. A list names ids only: the
// models that are not for chat (embeddings, speech, transcription, images, moderation, the old
// completions models) are left out; the rest get a type guessed from the id (reasoning for o1/o3/
// o4 and *-reasoning/-thinking, fast for mini/nano/flash/haiku/lite/small, legacy for gpt-3.5 and
// gpt-4 before 4o, flagship otherwise), flagged as guessed so a model the registry knows keeps its
// own. Failures: 429 waits as Retry-After says; anything else fails the run.
import OpenAI from "openai";
import { ProviderError } from "./http.ts";

export interface ModelEntry {
  provider: string;
  model: string;
  model_type: "flagship" | "fast" | "reasoning" | "legacy";
  model_type_guessed: true;
}

const NOT_CHAT =
  /(embed|tts|whisper|transcribe|dall-e|gpt-image|image|moderation|davinci|babbage|realtime|audio|computer-use|search-preview|sora)/i;

export function guessType(id: string): ModelEntry["model_type"] {
  const m = id.toLowerCase().replace(/^.*\//, "");
  if (/^o\d/.test(m) || /(reason|thinking)/.test(m)) return "reasoning";
  if (/^gpt-3\.5|^gpt-4(-\d|-turbo|$)/.test(m)) return "legacy";
  if (/(mini|nano|flash|haiku|lite|small|tiny)/.test(m)) return "fast";
  return "flagship";
}

/** The endpoint's chat models as discovery entries for the registry's provider. */
export async function listModels(
  o: { apiKey: string; baseURL: string; timeoutMs: number; provider: string; fetch?: typeof fetch },
): Promise<ModelEntry[]> {
  const client = new OpenAI({
    apiKey: o.apiKey,
    baseURL: o.baseURL,
    timeout: o.timeoutMs,
    maxRetries: 0,
    fetch: o.fetch,
  });
  const out = new Map<string, ModelEntry>();
  try {
    for await (const m of client.models.list()) {
      const id = String(m.id ?? "");
      if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/.test(id) || NOT_CHAT.test(id)) continue;
      out.set(id, { provider: o.provider, model: id, model_type: guessType(id), model_type_guessed: true });
    }
  } catch (e) {
    throw modelListError(e);
  }
  return [...out.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** What the SDK throws, classified as the connectors do. */
export function modelListError(e: unknown, now = Date.now()): ProviderError {
  if (e instanceof ProviderError) return e;
  if (e instanceof OpenAI.APIConnectionError) return new ProviderError("retry_later", `the model list: ${e.message}`);
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? 0;
    const what = `the model list answered ${status}: ${e.message}`.slice(0, 1000);
    if (status === 429) {
      const v = e.headers?.get("retry-after");
      const secs = v && /^\d+(\.\d+)?$/.test(v) ? Number(v) : 60;
      return new ProviderError("throttled", what, { status, retryAt: new Date(now + secs * 1000) });
    }
    if (status === 401 || status === 403) return new ProviderError("token_invalid", what, { status });
    if (status === 408 || status >= 500) return new ProviderError("retry_later", what, { status });
    return new ProviderError("bad_request", what, { status });
  }
  return new ProviderError("retry_later", `the model list failed: ${(e as Error)?.message ?? String(e)}`);
}
