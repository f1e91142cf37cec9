// The agents' model endpoint: chat completions through the official openai SDK against any
// OpenAI-compatible base URL (configuration: AGENT_LLM_BASE_URL, else OPENAI_BASE_URL). Every call
// streams (server-sent events), so a chat answer reaches the browser as it is written; the
// pieces are put back together here: the text, a refusal, the tool calls (their arguments arrive
// in fragments) and the usage the last event carries (stream_options.include_usage). The SDK's
// own retries are off: the agent loop decides, and logs every attempt.
import OpenAI from "openai";
import type { Settings } from "./env.ts";

export type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
export type ToolDefinition = OpenAI.Chat.Completions.ChatCompletionTool;

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them (JSON text, not yet parsed: the model may get it wrong). */
  arguments: string;
}

export interface Completion {
  content: string;
  refusal: string | null;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: { inputTokens: number; cachedInputTokens: number; outputTokens: number };
}

export interface CompletionRequest {
  model: string;
  messages: Message[];
  tools?: ToolDefinition[];
  temperature?: number;
  maxTokens?: number;
}

/** A failed call: whether trying again may help, and when (429's Retry-After). */
export class LlmError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
    this.name = "LlmError";
  }
}

export interface Llm {
  /** One model call; `onText` receives the answer's text as it streams. */
  complete(req: CompletionRequest, onText?: (delta: string) => void, signal?: AbortSignal): Promise<Completion>;
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const v = headers?.get("retry-after-ms") ?? null;
  if (v && /^\d+$/.test(v)) return Number(v);
  const s = headers?.get("retry-after");
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.ceil(Number(s) * 1000);
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** What the SDK throws, as an LlmError saying whether to retry. */
export function toLlmError(e: unknown): LlmError {
  if (e instanceof LlmError) return e;
  if (e instanceof OpenAI.APIConnectionTimeoutError) return new LlmError("the model endpoint timed out", true);
  if (e instanceof OpenAI.APIUserAbortError) return new LlmError("the call was stopped (time is up)", false);
  if (e instanceof OpenAI.APIConnectionError) return new LlmError("the model endpoint could not be reached", true);
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? 0;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500 || status === 0;
    return new LlmError(
      `model endpoint HTTP ${status}: ${e.message}`.slice(0, 1000),
      retryable,
      status,
      retryAfterMs(e.headers),
    );
  }
  return new LlmError(`model call failed: ${(e as Error)?.message ?? String(e)}`.slice(0, 1000), true);
}

/** The endpoint the agents use, from configuration. */
export function llmEndpoint(s: Settings): { baseURL: string; apiKey: string; timeout: number } {
  return {
    baseURL: s.AGENT_LLM_BASE_URL ?? s.OPENAI_BASE_URL,
    apiKey: s.AGENT_LLM_API_KEY ?? s.OPENAI_API_KEY,
    timeout: s.AGENT_LLM_TIMEOUT_MS,
  };
}

export function openAiLlm(o: { baseURL: string; apiKey: string; timeout: number; fetch?: typeof fetch }): Llm {
  const client = new OpenAI({
    baseURL: o.baseURL,
    apiKey: o.apiKey || "missing",
    timeout: o.timeout,
    maxRetries: 0,
    fetch: o.fetch,
  });
  return {
    async complete(req, onText, signal) {
      if (!o.apiKey) {
        throw new LlmError(
          "no API key is configured for the model endpoint (AGENT_LLM_API_KEY or OPENAI_API_KEY)",
          false,
        );
      }
      try {
        const stream = await client.chat.completions.create({
          model: req.model,
          messages: req.messages,
          ...(req.tools?.length ? { tools: req.tools, parallel_tool_calls: true } : {}),
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          ...(req.maxTokens ? { max_completion_tokens: req.maxTokens } : {}),
          stream: true,
          stream_options: { include_usage: true },
        }, { signal });
        return await collect(stream, onText);
      } catch (e) {
        throw toLlmError(e);
      }
    },
  };
}

/** Puts a streamed completion back together. */
export async function collect(
  stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>,
  onText?: (delta: string) => void,
): Promise<Completion> {
  let content = "";
  let refusal: string | null = null;
  let finishReason: string | null = null;
  const calls = new Map<number, ToolCall>();
  const usage = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
  for await (const chunk of stream) {
    if (chunk.usage) {
      usage.inputTokens = chunk.usage.prompt_tokens ?? 0;
      usage.outputTokens = chunk.usage.completion_tokens ?? 0;
      usage.cachedInputTokens = chunk.usage.prompt_tokens_details?.cached_tokens ?? 0;
    }
    for (const choice of chunk.choices ?? []) {
      const d = choice.delta ?? {};
      if (d.content) {
        content += d.content;
        onText?.(d.content);
      }
      if (d.refusal) refusal = (refusal ?? "") + d.refusal;
      for (const t of d.tool_calls ?? []) {
        const c = calls.get(t.index) ?? { id: "", name: "", arguments: "" };
        if (t.id) c.id = t.id;
        if (t.function?.name) c.name += t.function.name;
        if (t.function?.arguments) c.arguments += t.function.arguments;
        calls.set(t.index, c);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  }
  const toolCalls = [...calls.entries()].sort((a, b) => a[0] - b[0]).map(([i, c]) => ({
    ...c,
    id: c.id || `call_${i}`,
  }));
  return { content, refusal, toolCalls, finishReason, usage };
}
