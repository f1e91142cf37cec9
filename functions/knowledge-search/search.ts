// POST /functions/v1/knowledge-search, as a signed-in user:
//   { workspaceId, query, mode?: "hybrid" | "vector" | "text", matchCount?, minSimilarity?,
//     collectionIds?, documentIds?, tags?, fullTextWeight?, semanticWeight? }
// Embeds the query with the model of the collections searched (cached by model and text hash),
// then one SQL call as the user (public.knowledge_search) searches and logs the search with its
// latency (_shared/knowledge_search.ts). Another workspace's knowledge is simply not found.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import { asUser } from "../_shared/db.ts";
import type { EmbeddingDeps } from "../_shared/embedding_provider.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { searchKnowledge } from "../_shared/knowledge_search.ts";

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

export async function search(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const claims = await requireUser(req, d.auth);
  const b = Body.parse(await readJson(req, 100_000));
  const body = await searchKnowledge(d, (fn) => asUser(d.sql, claims, fn), b);
  return { status: 200, body };
}
