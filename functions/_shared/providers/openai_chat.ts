// OpenAI-compatible chat completions through the openai SDK (OPENAI_BASE_URL: the tests' fake
// locally), for small structured judgements: one JSON object back (response_format json_object).
// The SDK's retries are off (the queue retries); failures are classified as every provider's.
import OpenAI from "openai";
import type { Settings } from "../env.ts";
import { classifyStatus, ProviderError, type ProviderHttp } from "./http.ts";

export function chatClient(s: Settings, http: Pick<ProviderHttp, "fetch">, timeoutMs: number): OpenAI {
  return new OpenAI({
    apiKey: s.OPENAI_API_KEY,
    baseURL: s.OPENAI_BASE_URL,
    maxRetries: 0,
    timeout: timeoutMs,
    fetch: http.fetch,
  });
}

export function chatFailure(e: unknown, now: number): ProviderError {
  if (e instanceof ProviderError) return e;
  if (e instanceof OpenAI.APIConnectionError) {
    return new ProviderError("retry_later", `the model could not be reached: ${e.message}`);
  }
  if (e instanceof OpenAI.APIError && typeof e.status === "number") {
    const headers = e.headers instanceof Headers ? e.headers : new Headers();
    return classifyStatus("the model", { status: e.status, headers, body: e.error ?? null }, now) ??
      new ProviderError("bad_request", `the model answered ${e.status}`);
  }
  return new ProviderError("retry_later", `the model call failed: ${String((e as Error)?.message ?? e)}`);
}

/** One JSON object from the model for a system prompt and a user message, with the tokens it took. */
export async function chatJson(
  client: OpenAI,
  model: string,
  system: string,
  user: string,
  now: () => number,
): Promise<{ value: Record<string, unknown>; tokens: number }> {
  let content: string | null | undefined;
  let tokens = 0;
  try {
    const r = await client.chat.completions.create({
      model,
      temperature: 0,
      response_format: { type: "json_object" },
      messages: [{ role: "system", content: system }, { role: "user", content: user }],
    });
    content = r.choices[0]?.message?.content;
    tokens = r.usage?.total_tokens ?? 0;
  } catch (e) {
    throw chatFailure(e, now());
  }
  try {
    const v = JSON.parse(content ?? "");
    if (v && typeof v === "object" && !Array.isArray(v)) return { value: v as Record<string, unknown>, tokens };
  } catch { /* below */ }
  throw new ProviderError("retry_later", "the model did not answer a JSON object");
}
