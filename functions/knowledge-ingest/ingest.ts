// POST /functions/v1/knowledge-ingest, as a signed-in member:
//   { collectionId, type: "text" | "markdown" | "html" | "url" | "qa", content? | url? | items?,
//     documentKey?, title?, documentType?, tags?, metadata?, chunking?: { maxTokens, overlapTokens } }
// Normalises and splits the text here (what SQL cannot do well), then one SQL call as the user
// (public.ingest_knowledge_document) stores the version: unchanged chunks keep their embeddings,
// new or changed ones are queued for the embed worker. Bad input is a 400 with the reason and
// nothing is stored.
import { z } from "zod";
import { type AuthConfig, requireUser } from "../_shared/auth.ts";
import { asUser, type Sql } from "../_shared/db.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { estimateTokens } from "../_shared/tokens.ts";
import { type Chunk, chunkText, DEFAULT_CHUNKING } from "./chunk.ts";
import { type FetchDeps, fetchDocument } from "./fetch.ts";
import { htmlTitle, normalize, normalizeText } from "./normalize.ts";

export const MAX_DOCUMENT_CHARS = 2_000_000;

export interface Deps {
  sql: Sql;
  auth: AuthConfig;
  fetcher: FetchDeps;
}

const QaItem = z.object({
  question: z.string().trim().min(1).max(4000),
  answer: z.string().trim().min(1).max(20000),
  source: z.string().trim().min(1).max(500).optional(),
});

export const Body = z.object({
  collectionId: z.string().uuid(),
  type: z.enum(["text", "markdown", "html", "url", "qa"], {
    error: "type must be one of text, markdown, html, url, qa",
  }),
  content: z.string().max(MAX_DOCUMENT_CHARS * 2, "the document is too large").optional(),
  url: z.string().url().refine((u) => /^https?:/i.test(u), "only http and https URLs").optional(),
  items: z.array(QaItem).min(1).max(5000).optional(),
  documentKey: z.string().trim().min(1).max(500).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  documentType: z.string().trim().min(1).max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  chunking: z.object({
    maxTokens: z.number().int().min(50).max(2000).default(DEFAULT_CHUNKING.maxTokens),
    overlapTokens: z.number().int().min(0).max(500).default(DEFAULT_CHUNKING.overlapTokens),
  }).optional(),
}).superRefine((b, ctx) => {
  const need = b.type === "url" ? "url" : b.type === "qa" ? "items" : "content";
  if (b[need] === undefined) {
    ctx.addIssue({ code: "custom", path: [need], message: `a ${b.type} document needs ${need}` });
  }
});
export type IngestBody = z.infer<typeof Body>;

export interface Prepared {
  sourceType: "text" | "markdown" | "html" | "url" | "qa";
  sourceUri: string | null;
  title: string | null;
  documentKey: string;
  content: string;
  chunks: (Chunk & { question?: string; answer?: string; source?: string })[];
}

/** Everything before SQL: fetch, normalise, split. Throws HttpError 400 with the reason. */
export async function prepare(b: IngestBody, fetcher: FetchDeps): Promise<Prepared> {
  let title = b.title ?? null;
  let sourceUri: string | null = null;
  let text: string;
  let chunks: Prepared["chunks"];
  if (b.type === "qa") {
    chunks = b.items!.map((it) => {
      const content = `Q: ${normalizeText(it.question)}\nA: ${normalizeText(it.answer)}`;
      return {
        content,
        token_count: estimateTokens(content),
        metadata: {},
        question: normalizeText(it.question),
        answer: normalizeText(it.answer),
        ...(it.source ? { source: it.source } : {}),
      };
    });
    text = chunks.map((c) => c.content).join("\n\n");
  } else {
    let raw = b.content ?? "";
    let format: "html" | "markdown" | "text" = b.type === "url" ? "text" : b.type;
    if (b.type === "url") {
      const got = await fetchDocument(b.url!, fetcher);
      raw = got.body;
      format = got.format;
      sourceUri = b.url!;
    }
    if (format === "html") title ??= htmlTitle(raw) ?? null;
    text = normalize(raw, format);
    if (!text) throw new HttpError(400, "empty_document", "the document has no text");
    if (text.length > MAX_DOCUMENT_CHARS) {
      throw new HttpError(
        400,
        "document_too_large",
        `the document has ${text.length} characters; at most ${MAX_DOCUMENT_CHARS}`,
      );
    }
    chunks = chunkText(text, b.chunking ?? DEFAULT_CHUNKING);
    if (chunks.length > 5000) {
      throw new HttpError(400, "document_too_large", `the document makes ${chunks.length} chunks; at most 5000`);
    }
  }
  if (!chunks.length) throw new HttpError(400, "empty_document", "the document has no text");
  const documentKey = b.documentKey ?? sourceUri ?? title ?? crypto.randomUUID();
  return { sourceType: b.type, sourceUri, title, documentKey, content: text, chunks };
}

export async function ingest(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const claims = await requireUser(req, d.auth);
  const body = Body.parse(await readJson(req, 8_000_000));
  const p = await prepare(body, d.fetcher);
  const [row] = await asUser(d.sql, claims, (tx) =>
    tx`select * from public.ingest_knowledge_document(
      ${body.collectionId}, ${p.documentKey}, ${p.content}, ${tx.json(p.chunks as never)}, ${p.title},
      ${p.sourceType}::public.knowledge_source_type, ${p.sourceUri}, ${body.documentType ?? null},
      ${body.tags ?? null}::text[], ${body.metadata ? tx.json(body.metadata as never) : null}::jsonb)`);
  return {
    status: row.unchanged ? 200 : 201,
    body: {
      documentId: row.document_id,
      documentKey: p.documentKey,
      version: row.version,
      status: row.status,
      unchanged: row.unchanged,
      chunks: { total: row.chunks_total, reused: row.chunks_reused, queued: row.chunks_queued },
    },
  };
}
