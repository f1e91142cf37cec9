// One knowledge search, as the caller: embeds the query with the model of the collections
// searched (cached by model and text hash), then public.knowledge_search under the caller's RLS
// (which also logs the search). Used by the knowledge-search function and the agents' tool.
import { asService, type Tx } from "./db.ts";
import { EmbeddingError, type EmbeddingModel, sha256Hex } from "./embeddings.ts";
import type { EmbeddingDeps } from "./embedding_provider.ts";
import { HttpError } from "./errors.ts";

export interface SearchParams {
  workspaceId: string;
  query: string;
  mode: "hybrid" | "vector" | "text";
  matchCount: number;
  minSimilarity: number;
  collectionIds?: string[];
  documentIds?: string[];
  tags?: string[];
  fullTextWeight: number;
  semanticWeight: number;
}

/** Runs SQL as the caller (asUser with their claims) in one transaction. */
export type AsCaller = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

const vectorLiteral = (v: number[]) => `[${v.join(",")}]`;

export async function searchKnowledge(d: EmbeddingDeps, asCaller: AsCaller, b: SearchParams) {
  const textHash = await sha256Hex(b.query);
  const [ctx] = await asCaller(
    (tx) =>
      tx`select * from private.knowledge_search_context(${b.collectionIds ?? null}::uuid[],
         ${d.env.EMBEDDING_MODEL}::public.embedding_model, ${textHash})`,
  );
  const model = ctx.embedding_model as EmbeddingModel;

  let embedding: string | null = null;
  let embedMs = 0;
  let cached = false;
  if (b.mode !== "text") {
    if (ctx.cached_embedding) {
      embedding = ctx.cached_embedding as string;
      cached = true;
    } else {
      const t0 = performance.now();
      try {
        const [v] = await d.provider(model).embed([b.query]);
        embedding = vectorLiteral(v);
      } catch (e) {
        const retryable = e instanceof EmbeddingError ? e.retryable : true;
        throw new HttpError(
          retryable ? 503 : 502,
          "embedding_unavailable",
          "the query could not be embedded; try again",
        );
      }
      embedMs = performance.now() - t0;
    }
  }

  const results = await asCaller(
    (tx) =>
      tx`select * from public.knowledge_search(${b.workspaceId}, ${b.query}, ${embedding}::extensions.vector,
         ${model}::public.embedding_model, ${b.mode}::public.knowledge_search_mode, ${b.matchCount}, ${b.minSimilarity},
         ${b.collectionIds ?? null}::uuid[], ${b.documentIds ?? null}::uuid[], ${b.tags ?? null}::text[],
         ${b.fullTextWeight}, ${b.semanticWeight}, ${embedMs})`,
  );

  if (embedding && !cached) {
    await asService(
      d.sql,
      (tx) =>
        tx`select private.store_query_embedding(${model}::public.embedding_model, ${textHash}, ${embedding}::extensions.vector)`,
    );
  }
  return { model, cachedEmbedding: cached, results };
}
