// POST /functions/v1/knowledge-search, as a signed-in user:
//   { workspaceId, query, mode?: "hybrid" | "vector" | "text", matchCount?, minSimilarity?,
//     collectionIds?, documentIds?, tags?, fullTextWeight?, semanticWeight? }
// Embeds the query with the model of the collections searched (cached by model and text hash),
// then one SQL call as the user (public.knowledge_search) searches and logs the search with its
// latency. Another workspace's knowledge is simply not found.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import { asService, asUser } from "../_shared/db.ts";
import { EmbeddingError, type EmbeddingModel, sha256Hex } from "../_shared/embeddings.ts";
import type { EmbeddingDeps } from "../_shared/embedding_provider.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";

export type Deps = EmbeddingDeps;

export const Body = z.object({
  workspaceId: z.string().uuid(),
  query: z.string().trim().min(1).max(2000),
  mode: z.enum(["hybrid", "vector", "text"]).default("hybrid"),
  matchCount: z.number().int().min(1).max(200).default(10),
  minSimilarity: z.number().min(-1).max(1).default(0),
  collectionIds: z.array(z.string().uuid()).min(1).max(100).optional(),
  documentIds: z.array(z.string().uuid()).min(1).max(1000).optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  fullTextWeight: z.number().min(0).max(100).default(1),
  semanticWeight: z.number().min(0).max(100).default(1),
});

const vectorLiteral = (v: number[]) => `[${v.join(",")}]`;

export async function search(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const claims = await requireUser(req, d.auth);
  const b = Body.parse(await readJson(req, 100_000));
  const textHash = await sha256Hex(b.query);

  const [ctx] = await asUser(
    d.sql,
    claims,
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

  const results = await asUser(
    d.sql,
    claims,
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
  return { status: 200, body: { model, cachedEmbedding: cached, results } };
}
