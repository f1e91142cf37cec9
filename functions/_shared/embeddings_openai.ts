// OpenAI embeddings through the openai SDK. The SDK asks for base64 unless told otherwise, so
// encoding_format is "float"; its own retries are off because the queue retries with backoff.
import OpenAI from "openai";
import {
  checkVectors,
  type EmbeddingEnv,
  EmbeddingError,
  type EmbeddingModel,
  type EmbeddingProvider,
} from "./embeddings.ts";

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const v = headers?.get("retry-after");
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, (at - Date.now()) / 1000) : undefined;
}

/** Maps what the SDK throws to an EmbeddingError saying whether to retry. */
export function toEmbeddingError(e: unknown): EmbeddingError {
  if (e instanceof EmbeddingError) return e;
  if (e instanceof OpenAI.APIConnectionTimeoutError) return new EmbeddingError("the embeddings API timed out", true);
  if (e instanceof OpenAI.APIConnectionError) {
    return new EmbeddingError("the embeddings API could not be reached", true);
  }
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? 0;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    return new EmbeddingError(
      `embeddings API HTTP ${status}: ${e.message}`.slice(0, 1000),
      retryable,
      retryAfterSeconds(e.headers),
    );
  }
  return new EmbeddingError(`embeddings call failed: ${(e as Error)?.message ?? String(e)}`.slice(0, 1000), true);
}

export function openAiEmbedder(model: EmbeddingModel, env: EmbeddingEnv): EmbeddingProvider {
  let client: OpenAI | undefined;
  return {
    model,
    maxInputs: env.EMBEDDING_MAX_INPUTS,
    maxTokensPerRequest: env.EMBEDDING_MAX_TOKENS_PER_REQUEST,
    maxTokensPerInput: 8000,
    async embed(texts) {
      if (!env.OPENAI_API_KEY) throw new EmbeddingError("OPENAI_API_KEY is not set", true);
      client ??= new OpenAI({
        apiKey: env.OPENAI_API_KEY,
        baseURL: env.OPENAI_BASE_URL,
        timeout: env.EMBEDDING_TIMEOUT_MS,
        maxRetries: 0,
      });
      try {
        const res = await client.embeddings.create({ model, input: texts, dimensions: 1536, encoding_format: "float" });
        const ordered = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
        return checkVectors(ordered, texts.length);
      } catch (e) {
        throw toEmbeddingError(e);
      }
    },
  };
}
