// POST /functions/v1/knowledge-search, as a signed-in user:
//   { workspaceId, query, mode?: "hybrid" | "vector" | "text", matchCount?, minSimilarity?,
//     collectionIds?, documentIds?, tags?, fullTextWeight?, semanticWeight? }
// One round trip as the user (private.knowledge_search_json): the model of the collections
// searched, the query's cached embedding (by model and text hash), the search (public.knowledge_search,
// which logs it with its latency) and the JSON answer. Only when the embedding is not cached:
// embed the query, then a second round trip searches with it and stores it (as the service, in the
// same transaction). Another workspace's knowledge is simply not found.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import { asUserOnce, literal } from "../_shared/db.ts";
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

const sqlList = (xs: string[] | undefined, type: string) =>
  xs ? `array[${xs.map(literal).join(", ")}]::${type}[]` : `null::${type}[]`;
const sqlNumber = (n: number) => {
  if (!Number.isFinite(n)) throw new HttpError(400, "invalid_body", "numbers must be finite");
  return String(n);
};

export async function search(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const claims = await requireUser(req, d.auth);
  const b = Body.parse(await readJson(req, 100_000));
  const textHash = await sha256Hex(b.query);
  const call = (embedding: string | null, model: string, embedMs: number) =>
    `select private.knowledge_search_json(${literal(b.workspaceId)}::uuid, ${literal(b.query)},
       ${embedding ? literal(embedding) : "null"}::extensions.vector, ${literal(model)}::public.embedding_model,
       ${literal(textHash)}, ${literal(b.mode)}::public.knowledge_search_mode, ${sqlNumber(b.matchCount)},
       ${sqlNumber(b.minSimilarity)}, ${sqlList(b.collectionIds, "uuid")}, ${sqlList(b.documentIds, "uuid")},
       ${sqlList(b.tags, "text")}, ${sqlNumber(b.fullTextWeight)}, ${sqlNumber(b.semanticWeight)}, ${
      sqlNumber(embedMs)
    }) as r`;

  const [first] = await asUserOnce(d.sql, claims, call(null, d.env.EMBEDDING_MODEL, 0));
  const answer = first.r as { model: EmbeddingModel; needsEmbedding?: boolean };
  if (!answer.needsEmbedding) return { status: 200, body: answer };

  const t0 = performance.now();
  let embedding: string;
  try {
    const [v] = await d.provider(answer.model).embed([b.query]);
    embedding = vectorLiteral(v);
  } catch (e) {
    const retryable = e instanceof EmbeddingError ? e.retryable : true;
    throw new HttpError(retryable ? 503 : 502, "embedding_unavailable", "the query could not be embedded; try again");
  }
  const embedMs = performance.now() - t0;
  const [second] = await asUserOnce(
    d.sql,
    claims,
    `${call(embedding, answer.model, embedMs)};
     select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true);
     select private.store_query_embedding(${literal(answer.model)}::public.embedding_model, ${literal(textHash)},
       ${literal(embedding)}::extensions.vector)`,
  );
  return { status: 200, body: second.r };
}
