// Embedding providers behind one interface (embedding_provider.ts picks one by model): OpenAI's
// text-embedding-3-small (1536 dimensions) through the openai SDK, or local-lexical-v1 (in
// process, no network). EMBEDDING_MODEL is the deployment's default model (a collection may name
// its own); OPENAI_BASE_URL points the SDK elsewhere (tests use a fake server on 127.0.0.1).
import type { Settings } from "./env.ts";
import { LOCAL_DIMENSIONS, localLexicalEmbedding } from "./embeddings_local.ts";

export const EMBEDDING_MODELS = ["text-embedding-3-small", "local-lexical-v1"] as const;
export type EmbeddingModel = typeof EMBEDDING_MODELS[number];
export const DIMENSIONS = LOCAL_DIMENSIONS;

/** A failed embeddings call: retryable (429, 5xx, timeouts, network) or not (bad input, bad key). */
export class EmbeddingError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterS?: number) {
    super(message);
  }
}

export interface EmbeddingProvider {
  readonly model: EmbeddingModel;
  /** Inputs per request. */
  readonly maxInputs: number;
  /** Estimated tokens per request, all inputs together. */
  readonly maxTokensPerRequest: number;
  /** Estimated tokens per input; longer inputs are refused before any call. */
  readonly maxTokensPerInput: number;
  /** One vector of DIMENSIONS numbers per text, in order. Throws EmbeddingError. */
  embed(texts: string[]): Promise<number[][]>;
}

/** The embedding settings (validated in env.ts with the others). */
export type EmbeddingEnv = Pick<
  Settings,
  | "EMBEDDING_MODEL"
  | "OPENAI_API_KEY"
  | "OPENAI_BASE_URL"
  | "EMBEDDING_TIMEOUT_MS"
  | "EMBEDDING_MAX_INPUTS"
  | "EMBEDDING_MAX_TOKENS_PER_REQUEST"
>;

export function localProvider(): EmbeddingProvider {
  return {
    model: "local-lexical-v1",
    maxInputs: 2048,
    maxTokensPerRequest: 1_000_000,
    maxTokensPerInput: 100_000,
    embed: (texts) => Promise.resolve(texts.map(localLexicalEmbedding)),
  };
}

/** Checks what a provider returned: one finite vector of DIMENSIONS per input. */
export function checkVectors(vectors: unknown, count: number): number[][] {
  if (!Array.isArray(vectors) || vectors.length !== count) {
    throw new EmbeddingError(
      `the provider returned ${Array.isArray(vectors) ? vectors.length : 0} vectors for ${count} inputs`,
      true,
    );
  }
  for (const v of vectors) {
    if (!Array.isArray(v) || v.length !== DIMENSIONS || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw new EmbeddingError(
        `the provider returned a vector of ${Array.isArray(v) ? v.length : 0} dimensions, ${DIMENSIONS} expected`,
        false,
      );
    }
  }
  return vectors as number[][];
}

export interface Sized {
  tokens: number;
}

/** Splits items into requests within the provider's input and token limits, in order. */
export function planBatches<T extends Sized>(
  items: T[],
  p: Pick<EmbeddingProvider, "maxInputs" | "maxTokensPerRequest">,
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let tokens = 0;
  for (const it of items) {
    if (cur.length > 0 && (cur.length >= p.maxInputs || tokens + it.tokens > p.maxTokensPerRequest)) {
      out.push(cur);
      cur = [];
      tokens = 0;
    }
    cur.push(it);
    tokens += it.tokens;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** SHA-256 of the UTF-8 text, lowercase hex (the same as private.sha256_hex in SQL). */
export async function sha256Hex(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}
