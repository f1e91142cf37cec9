import OpenAI from "openai";
import { assertEquals } from "../_shared/assert.ts";
import {
  checkVectors,
  EmbeddingError,
  type EmbeddingProvider,
  localProvider,
  planBatches,
} from "../_shared/embeddings.ts";
import { lexicalTerms, localLexicalEmbedding } from "../_shared/embeddings_local.ts";
import { openAiEmbedder, toEmbeddingError } from "../_shared/embeddings_openai.ts";
import { estimateTokens } from "../_shared/tokens.ts";
import { embedJobs, type Job } from "./worker.ts";

const job = (i: number, content: string, token_count = 0): Job => ({
  job_id: String(i),
  lease_id: `lease-${i}`,
  chunk_id: `chunk-${i}`,
  content,
  token_count,
  embedding_model: null,
  attempts: 1,
});

function fakeProvider(over: Partial<EmbeddingProvider> & { fail?: EmbeddingError } = {}) {
  const calls: string[][] = [];
  const p: EmbeddingProvider = {
    model: "text-embedding-3-small",
    maxInputs: 2,
    maxTokensPerRequest: 100,
    maxTokensPerInput: 50,
    embed: (texts) => {
      calls.push(texts);
      if (over.fail) return Promise.reject(over.fail);
      return Promise.resolve(texts.map(() => new Array(1536).fill(0.5)));
    },
    ...over,
  };
  return { p, calls };
}

Deno.test("batches respect the provider's input and token limits, in order", () => {
  const items = [10, 10, 10, 60, 50, 1].map((tokens, i) => ({ i, tokens }));
  assertEquals(planBatches(items, { maxInputs: 2, maxTokensPerRequest: 100 }).map((b) => b.map((x) => x.i)), [
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
  assertEquals(planBatches(items, { maxInputs: 10, maxTokensPerRequest: 70 }).map((b) => b.map((x) => x.i)), [
    [0, 1, 2],
    [3],
    [4, 5],
  ]);
});

Deno.test("the worker reports a result per job: vectors, a refused oversized input, a failed batch", async () => {
  const ok = fakeProvider();
  const res = await embedJobs([job(1, "a", 5), job(2, "b", 5), job(3, "c", 5), job(4, "too long", 80)], ok.p);
  assertEquals(ok.calls, [["a", "b"], ["c"]]);
  assertEquals(res.map((r) => [r.job_id, r.model ?? null, r.embedding?.length ?? null, r.retryable ?? null]), [
    ["4", null, null, false],
    ["1", "text-embedding-3-small", 1536, null],
    ["2", "text-embedding-3-small", 1536, null],
    ["3", "text-embedding-3-small", 1536, null],
  ]);
  assertEquals(res[0].error, "the chunk has about 80 tokens; text-embedding-3-small accepts at most 50");

  const down = fakeProvider({ fail: new EmbeddingError("embeddings API HTTP 429: slow down", true, 20) });
  const failed = await embedJobs([job(1, "a", 5), job(2, "b", 5), job(3, "c", 5)], down.p);
  assertEquals(failed.map((r) => [r.job_id, r.lease_id, r.error, r.retryable, r.retry_after_s]), [
    ["1", "lease-1", "embeddings API HTTP 429: slow down", true, 20],
    ["2", "lease-2", "embeddings API HTTP 429: slow down", true, 20],
    ["3", "lease-3", "embeddings API HTTP 429: slow down", true, 20],
  ]);
  // a job without a token count is sized by the estimate
  const est = await embedJobs([job(9, "word ".repeat(60))], ok.p);
  assertEquals(
    est[0].error,
    `the chunk has about ${estimateTokens("word ".repeat(60))} tokens; text-embedding-3-small accepts at most 50`,
  );
});

Deno.test("SDK errors map to retryable or permanent", () => {
  const h = new Headers({ "retry-after": "7" });
  const cases: [unknown, boolean, number | undefined][] = [
    [OpenAI.APIError.generate(429, { message: "rate" }, "rate", h), true, 7],
    [OpenAI.APIError.generate(500, { message: "boom" }, "boom", new Headers()), true, undefined],
    [OpenAI.APIError.generate(503, undefined, "unavailable", new Headers()), true, undefined],
    [OpenAI.APIError.generate(400, { message: "too long" }, "too long", new Headers()), false, undefined],
    [OpenAI.APIError.generate(401, { message: "bad key" }, "bad key", new Headers()), false, undefined],
    [new OpenAI.APIConnectionTimeoutError(), true, undefined],
    [new OpenAI.APIConnectionError({ message: "refused" }), true, undefined],
  ];
  for (const [e, retryable, after] of cases) {
    const m = toEmbeddingError(e);
    assertEquals([m.retryable, m.retryAfterS], [retryable, after], m.message);
  }
  assertEquals(toEmbeddingError(new OpenAI.APIConnectionTimeoutError()).message, "the embeddings API timed out");
});

Deno.test("the OpenAI provider asks for floats and 1536 dimensions, and checks what comes back", async () => {
  const seen: Record<string, unknown>[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, async (req) => {
    const body = await req.json();
    seen.push(body);
    const dims = body.input[0] === "short" ? 3 : 1536;
    return Response.json({
      object: "list",
      data: body.input.map((_: string, i: number) => ({
        object: "embedding",
        index: 1 - i,
        embedding: new Array(dims).fill(i),
      })),
      model: body.model,
      usage: { prompt_tokens: 1, total_tokens: 1 },
    });
  });
  try {
    const p = openAiEmbedder("text-embedding-3-small", {
      EMBEDDING_MODEL: "text-embedding-3-small",
      OPENAI_API_KEY: "k",
      OPENAI_BASE_URL: `http://127.0.0.1:${server.addr.port}/v1`,
      EMBEDDING_TIMEOUT_MS: 2000,
      EMBEDDING_MAX_INPUTS: 512,
      EMBEDDING_MAX_TOKENS_PER_REQUEST: 250000,
    });
    // answers come back out of order (index 1 first); the provider puts them in input order
    const v = await p.embed(["x", "y"]);
    assertEquals([v[0][0], v[1][0]], [1, 0]);
    assertEquals(seen[0], {
      model: "text-embedding-3-small",
      input: ["x", "y"],
      dimensions: 1536,
      encoding_format: "float",
    });
    let err: EmbeddingError | undefined;
    await p.embed(["short"]).catch((e) => err = e);
    assertEquals([err?.message, err?.retryable], [
      "the provider returned a vector of 3 dimensions, 1536 expected",
      false,
    ]);
  } finally {
    await server.shutdown();
  }
});

Deno.test("local-lexical-v1: deterministic unit vectors that share words", async () => {
  const [a, b] = await localProvider().embed(["Free shipping on orders", "free shipping"]);
  assertEquals(a, localLexicalEmbedding("Free shipping on orders"));
  const norm = Math.sqrt(a.reduce((s, x) => s + x * x, 0));
  assertEquals(Math.abs(norm - 1) < 1e-6, true);
  assertEquals(a.reduce((s, x, i) => s + x * b[i], 0) > 0.5, true);
  assertEquals(lexicalTerms("The Cafés shipped 2 boxes, flies & bosses!"), [
    "cafe",
    "shipp",
    "2",
    "boxe",
    "fly",
    "bosse",
  ]);
  assertEquals(checkVectors([a], 1).length, 1);
});
