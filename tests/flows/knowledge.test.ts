// Knowledge through the running stack as a frontend and the platform drive it: collections over
// PostgREST (supabase-js), documents through knowledge-ingest, the queue drained by the embed
// worker (woken through pg_net at commit, or called with the secret key), searches through
// knowledge-search and the RPCs. OpenAI is a fake on 127.0.0.1 that can fail on demand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localLexicalEmbedding } from "../../functions/_shared/embeddings_local.ts";
import { type Client, userClient } from "../helpers/api.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { anonKey, api, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fake = new FakeOpenAi();
let a: Awaited<ReturnType<typeof workspaceWithRoles>>;
let b: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;
let openAiCollection: string;
let localCollection: string;

async function call(fn: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { apikey: await anonKey(), "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${api}/functions/v1/${fn}`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

async function runWorker(body: unknown = { once: true }) {
  const r = await fetch(`${api}/functions/v1/embed`, {
    method: "POST",
    headers: { apikey: await serviceKey(), authorization: `Bearer ${await serviceKey()}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

const docStatus = (id: string) =>
  sql`select status::text, error from public.knowledge_documents where id = ${id}`.then((r) => r[0] as { status: string; error: string | null });
const jobs = (documentId: string) =>
  sql`select j.status::text as status, j.attempts, j.last_error from private.embedding_jobs j
      join public.knowledge_chunks c on c.id = j.chunk_id where c.document_id = ${documentId} order by j.id`;
/** Makes the document's waiting jobs due now (skips the backoff), as if time had passed. */
const skipBackoff = (documentId: string) =>
  sql`update private.embedding_jobs j set visible_at = now() from public.knowledge_chunks c
      where c.id = j.chunk_id and c.document_id = ${documentId} and j.status = 'queued'`;

const handbook = (returnsDays: number) => `# Shipping

We ship worldwide within three working days. Orders over fifty pounds ship free.

# Returns

Return anything within ${returnsDays} days of delivery for a full refund.

# Storage

Keep the serum away from sunlight and use it within three months of opening.`;

beforeAll(async () => {
  await fake.start();
  a = await workspaceWithRoles(sql);
  b = await workspaceWithRoles(sql);
  member = await userClient(a.people.member.jwt);
  const made = await member.from("knowledge_collections")
    .insert([
      { workspace_id: a.id, name: "Handbook (OpenAI)", embedding_model: "text-embedding-3-small" },
      { workspace_id: a.id, name: "Notes (deployment default)" },
    ])
    .select("id, name, embedding_model");
  expect(made.error).toBeNull();
  openAiCollection = made.data!.find((c) => c.embedding_model === "text-embedding-3-small")!.id;
  localCollection = made.data!.find((c) => c.embedding_model === null)!.id;
});

beforeEach(() => {
  fake.calls = [];
  fake.plan = [];
});

afterAll(async () => {
  await sql`delete from public.workspaces where id in (${a.id}, ${b.id})`;
  await fake.stop();
  await sql.end();
});

describe("ingest -> queue -> embed -> search", () => {
  let documentId: string;

  it("ingests a markdown document as a member and embeds it through OpenAI without anyone calling the worker", async () => {
    const r = await call("knowledge-ingest", {
      collectionId: openAiCollection, type: "markdown", title: "Handbook", documentKey: "handbook", content: handbook(30),
      tags: ["policy"],
    }, a.people.member.jwt);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ documentKey: "handbook", version: 1, status: "embedding", unchanged: false,
      chunks: { total: 3, reused: 0, queued: 3 } });
    documentId = r.body.documentId;
    // the queue woke the embed worker at commit (pg_net), which called the fake OpenAI
    await waitFor("the document to be ready", () => docStatus(documentId), (d) => d.status === "ready");
    expect(fake.calls.length).toBeGreaterThanOrEqual(1);
    for (const c of fake.calls) {
      expect(c).toMatchObject({ model: "text-embedding-3-small", encoding_format: "float", dimensions: 1536,
        authorization: "Bearer local-openai-key" });
    }
    expect(fake.embedded().sort()).toEqual([
      "# Returns\n\nReturn anything within 30 days of delivery for a full refund.",
      "# Shipping\n\nWe ship worldwide within three working days. Orders over fifty pounds ship free.",
      "# Storage\n\nKeep the serum away from sunlight and use it within three months of opening.",
    ]);
    const chunks = await member.from("knowledge_chunks").select("*").eq("document_id", documentId).order("chunk_index");
    expect(chunks.error).toBeNull();
    expect(chunks.data!.map((c) => [c.chunk_index, c.embedding_model, c.embedding !== null])).toEqual([
      [0, "text-embedding-3-small", true], [1, "text-embedding-3-small", true], [2, "text-embedding-3-small", true],
    ]);
  });

  it("searches as the member through knowledge-search, logs it, and answers a repeated query from the cache", async () => {
    const q = { workspaceId: a.id, query: "how many days do I have to return an order?", collectionIds: [openAiCollection] };
    const hash = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(q.query))).toString("hex");
    await sql`delete from private.query_embedding_cache where text_sha256 = ${hash}`; // an earlier run's
    const r = await call("knowledge-search", q, a.people.member.jwt);
    expect(r.status).toBe(200);
    expect(r.body.model).toBe("text-embedding-3-small");
    expect(r.body.cachedEmbedding).toBe(false);
    expect(r.body.results[0]).toMatchObject({ document_id: documentId, document_title: "Handbook",
      metadata: { heading: "Returns" } });
    expect(fake.calls.map((c) => c.input)).toEqual([[q.query]]);

    const again = await call("knowledge-search", q, a.people.member.jwt);
    expect(again.body.cachedEmbedding).toBe(true);
    expect(again.body.results.map((x: { id: string }) => x.id)).toEqual(r.body.results.map((x: { id: string }) => x.id));
    expect(fake.calls).toHaveLength(1);

    const logs = await member.from("knowledge_access_logs").select("*").eq("workspace_id", a.id).order("id");
    expect(logs.error).toBeNull();
    expect(logs.data).toHaveLength(2);
    expect(logs.data![0]).toMatchObject({ user_id: a.people.member.id, caller_role: "authenticated", via: "knowledge-search",
      mode: "hybrid", strategy: "exact", query_sha256: hash, embedding_model: "text-embedding-3-small",
      collection_ids: [openAiCollection], result_chunk_ids: r.body.results.map((x: { id: string }) => x.id) });
    expect(Number(logs.data![0].latency_ms)).toBeGreaterThan(0);
  });

  it("re-ingests a changed document as version 2 and re-embeds only the changed chunk", async () => {
    const before = await sql`select id, chunk_index, embedded_at from public.knowledge_chunks where document_id = ${documentId} order by chunk_index`;
    const r = await call("knowledge-ingest", {
      collectionId: openAiCollection, type: "markdown", documentKey: "handbook", content: handbook(60),
    }, a.people.member.jwt);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ version: 2, unchanged: false, chunks: { total: 3, reused: 2, queued: 1 } });
    await waitFor("version 2 to be ready", () => docStatus(r.body.documentId), (d) => d.status === "ready");
    expect(fake.embedded()).toEqual(["# Returns\n\nReturn anything within 60 days of delivery for a full refund."]);
    const after = await sql`select id, chunk_index, embedded_at from public.knowledge_chunks where document_id = ${r.body.documentId} order by chunk_index`;
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    expect(after[1].id).not.toBe(before[1].id);

    const same = await call("knowledge-ingest", {
      collectionId: openAiCollection, type: "markdown", documentKey: "handbook", content: handbook(60),
    }, a.people.member.jwt);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ version: 2, unchanged: true, chunks: { total: 3, reused: 3, queued: 0 } });
    const versions = await member.from("knowledge_documents").select("version, is_current, chunk_count")
      .eq("document_key", "handbook").order("version");
    expect(versions.data).toEqual([{ version: 1, is_current: false, chunk_count: 0 }, { version: 2, is_current: true, chunk_count: 3 }]);
  });
});

describe("provider failures", () => {
  const giftCards = "Gift cards never expire, can be topped up at any time, and carry over their balance when a part of it is spent.";
  const giftCardUse = "Gift cards work online and in the Leeds shop, together with discount codes, but cannot buy other gift cards.";

  it("retries 429, 500 and a timeout with backoff, then embeds each chunk exactly once", async () => {
    fake.plan = ["429", "500", "slow"];
    const r = await call("knowledge-ingest", {
      collectionId: openAiCollection, type: "text", documentKey: "flaky", content: `${giftCards}\n\n${giftCardUse}`,
      chunking: { maxTokens: 50, overlapTokens: 0 },
    }, a.people.member.jwt);
    expect(r.status).toBe(201);
    const id = r.body.documentId;
    expect(r.body.chunks.queued).toBe(2);
    // attempt 1 (woken at commit): 429, retried after a backoff of at least Retry-After
    await waitFor("attempt 1", () => jobs(id), (js) => js.every((j) => j.attempts === 1 && j.status === "queued"));
    expect((await jobs(id))[0].last_error).toMatch(/^embeddings API HTTP 429/);
    await skipBackoff(id);
    expect((await runWorker()).body).toMatchObject({ claimed: 2, retrying: 2 });
    expect((await jobs(id)).map((j) => [j.attempts, j.last_error?.slice(0, 25)])).toEqual([
      [2, "embeddings API HTTP 500: "], [2, "embeddings API HTTP 500: "],
    ]);
    await skipBackoff(id);
    const timedOut = await runWorker();
    expect(timedOut.body).toMatchObject({ claimed: 2, retrying: 2 });
    expect((await jobs(id))[0].last_error).toBe("the embeddings API timed out");
    await skipBackoff(id);
    expect((await runWorker()).body).toMatchObject({ claimed: 2, embedded: 2 });

    expect(await jobs(id)).toEqual([
      { status: "done", attempts: 4, last_error: null }, { status: "done", attempts: 4, last_error: null },
    ]);
    expect((await docStatus(id)).status).toBe("ready");
    expect(fake.calls.map((c) => c.behaviour)).toEqual(["429", "500", "slow", "ok"]);
    expect(fake.embedded().sort()).toEqual([giftCards, giftCardUse].sort());
    // the slow answer arrived after the worker gave up: it wrote nothing
    const rows = await sql`select count(*)::int as n, count(embedding)::int as embedded from public.knowledge_chunks where document_id = ${id}`;
    expect(rows[0]).toEqual({ n: 2, embedded: 2 });
  });

  it("dead-letters after the last attempt, marks the document failed, and a member's requeue embeds it", async () => {
    fake.plan = ["500", "500"];
    const r = await call("knowledge-ingest", {
      collectionId: openAiCollection, type: "text", documentKey: "doomed", content: "Loyalty points expire after a year.",
    }, a.people.member.jwt);
    const id = r.body.documentId;
    await waitFor("attempt 1", () => jobs(id), (js) => js[0]?.attempts === 1 && js[0].status === "queued");
    await sql`update private.embedding_jobs j set max_attempts = 2 from public.knowledge_chunks c
              where c.id = j.chunk_id and c.document_id = ${id}`;
    await skipBackoff(id);
    expect((await runWorker()).body).toMatchObject({ claimed: 1, dead: 1 });
    const failed = await member.from("knowledge_documents").select("status, error").eq("id", id).single();
    expect(failed.data).toEqual({ status: "failed", error: expect.stringMatching(/^embeddings API HTTP 500: /) });

    const requeued = await member.rpc("requeue_knowledge_document", { p_document_id: id });
    expect(requeued.error).toBeNull();
    expect(requeued.data).toBe(1);
    await waitFor("the requeued document to be ready", () => docStatus(id), (d) => d.status === "ready");
    expect(fake.embedded()).toEqual(["Loyalty points expire after a year."]);
  });

  it("dead-letters at once what the provider refuses as bad input (400)", async () => {
    fake.plan = ["400"];
    const r = await call("knowledge-ingest", {
      collectionId: openAiCollection, type: "text", documentKey: "refused", content: "An input the provider refuses.",
    }, a.people.member.jwt);
    await waitFor("the dead letter", () => docStatus(r.body.documentId), (d) => d.status === "failed");
    expect(await jobs(r.body.documentId)).toEqual([
      { status: "dead", attempts: 1, last_error: expect.stringMatching(/^embeddings API HTTP 400: .*8192 tokens/) },
    ]);
  });
});

describe("tenancy", () => {
  it("a member of another workspace finds nothing, and cannot ingest into it", async () => {
    const other = await userClient(b.people.member.jwt);
    const s = await call("knowledge-search", { workspaceId: a.id, query: "returns refund" }, b.people.member.jwt);
    expect(s.status).toBe(200);
    expect(s.body.results).toEqual([]);
    const chunks = await other.from("knowledge_chunks").select("*").eq("workspace_id", a.id);
    expect(chunks.error).toBeNull();
    expect(chunks.data).toEqual([]);
    const rpc = await other.rpc("match_knowledge_chunks", {
      query_embedding: JSON.stringify(localLexicalEmbedding("returns refund")), match_count: 5, min_similarity: -1,
    });
    expect(rpc.error).toBeNull();
    expect(rpc.data).toEqual([]);
    const ingest = await call("knowledge-ingest", { collectionId: openAiCollection, type: "text", content: "x" }, b.people.member.jwt);
    expect(ingest.status).toBe(404);
    expect(ingest.body.error).toEqual({ code: "not_found", message: "collection not found" });
    const logs = await sql`select count(*)::int as n from public.knowledge_access_logs where user_id = ${b.people.member.id}`;
    expect(logs[0].n).toBe(0);
  });

  it("a viewer cannot ingest (403) and anon cannot search (401)", async () => {
    const v = await call("knowledge-ingest", { collectionId: localCollection, type: "text", content: "x" }, a.people.viewer.jwt);
    expect(v.status).toBe(403);
    expect(v.body.error.code).toBe("forbidden");
    const anon = await call("knowledge-search", { workspaceId: a.id, query: "x" });
    expect(anon.status).toBe(401);
  });
});

describe("bad input", () => {
  const count = async () =>
    (await sql`select count(*)::int as n from public.knowledge_documents where collection_id = ${localCollection}`)[0].n;

  it("answers 400 with the reason and stores nothing", async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [{ collectionId: localCollection, type: "text", content: "  \n " }, "empty_document"],
      [{ collectionId: localCollection, type: "html", content: "<script>x()</script><style>p{}</style>" }, "empty_document"],
      [{ collectionId: localCollection, type: "pdf", content: "%PDF-1.7" }, "invalid_request"],
      [{ collectionId: localCollection, type: "url" }, "invalid_request"],
      [{ collectionId: localCollection, type: "text", content: "word ".repeat(420_000) }, "document_too_large"],
    ];
    for (const [body, code] of cases) {
      const r = await call("knowledge-ingest", body, a.people.member.jwt);
      expect(r.status, code).toBe(400);
      expect(r.body.error.code, JSON.stringify(r.body)).toBe(code);
    }
    const pdf = await call("knowledge-ingest", cases[2][0], a.people.member.jwt);
    expect(pdf.body.error.details).toEqual([{ path: "type", message: "type must be one of text, markdown, html, url, qa" }]);
    expect(await count()).toBe(before);
  });
});

describe("URLs, Q&A and the offline model", () => {
  it("fetches a page through the fetcher, keeps its text and title, and refuses what it cannot read", async () => {
    fake.pages.set("serum.html", { status: 200, type: "text/html; charset=utf-8", body: `<!doctype html><html><head>
      <title>Glow Serum &ndash; Demo Brand</title><script>track()</script></head><body><nav>Home | Shop</nav>
      <h1>Glow Serum</h1><p>15% vitamin C with ferulic acid.</p><h2>How to use</h2><ul><li>Three drops</li><li>Every morning</li></ul>
      </body></html>` });
    fake.pages.set("logo.png", { status: 200, type: "image/png", body: "PNG" });
    const r = await call("knowledge-ingest", { collectionId: localCollection, type: "url", url: `${fake.origin}/pages/serum.html` },
      a.people.member.jwt);
    expect(r.status).toBe(201);
    expect(r.body.documentKey).toBe(`${fake.origin}/pages/serum.html`);
    const doc = await member.from("knowledge_documents").select("title, source_type, source_uri, content").eq("id", r.body.documentId).single();
    expect(doc.data).toEqual({ title: "Glow Serum \u2013 Demo Brand", source_type: "url", source_uri: `${fake.origin}/pages/serum.html`,
      content: "# Glow Serum\n\n15% vitamin C with ferulic acid.\n\n## How to use\n\n- Three drops\n- Every morning" });

    const missing = await call("knowledge-ingest", { collectionId: localCollection, type: "url", url: `${fake.origin}/pages/nope.html` },
      a.people.member.jwt);
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([400, "fetch_failed", "the URL answered HTTP 404"]);
    const image = await call("knowledge-ingest", { collectionId: localCollection, type: "url", url: `${fake.origin}/pages/logo.png` },
      a.people.member.jwt);
    expect([image.status, image.body.error.code]).toEqual([400, "unsupported_type"]);
  });

  it("refuses URLs on our own network through the outbound-address guard, redirect hops included", async () => {
    fake.pages.set("to-metadata.html", { status: 302, type: "text/html", body: "", location: "http://169.254.169.254/latest/meta-data/" });
    const cases: [string, string][] = [
      ["http://169.254.169.254/latest/meta-data/", "this URL cannot be fetched (cloud metadata address)"],
      ["http://2852039166/latest/meta-data/", "this URL cannot be fetched (cloud metadata address)"],
      ["http://[::ffff:10.0.0.1]/", "this URL cannot be fetched (private address)"],
      ["http://metadata.google.internal/computeMetadata/v1/", "this URL cannot be fetched (internal host name)"],
      [`${fake.origin}/pages/to-metadata.html`, "this URL cannot be fetched (cloud metadata address)"],
    ];
    for (const [url, message] of cases) {
      const r = await call("knowledge-ingest", { collectionId: localCollection, type: "url", url }, a.people.member.jwt);
      expect([r.status, r.body.error?.code, r.body.error?.message], url).toEqual([400, "url_refused", message]);
    }
  });

  it("embeds Q&A pairs with the offline default model and finds them by RPC and by knowledge-search", async () => {
    const r = await call("knowledge-ingest", {
      collectionId: localCollection, type: "qa", documentKey: "faq",
      items: [
        { question: "Can I use the serum with retinol?", answer: "Yes: serum in the morning, retinol at night.", source: "Video: Demo" },
        { question: "Is the bottle recyclable?", answer: "Yes, the glass bottle and the cap are recyclable." },
      ],
    }, a.people.member.jwt);
    expect(r.status).toBe(201);
    await waitFor("the FAQ to be ready", () => docStatus(r.body.documentId), (d) => d.status === "ready");
    expect(fake.calls).toEqual([]); // local-lexical-v1 needs no API

    const q = "can I combine it with retinol";
    const hybrid = await member.rpc("hybrid_search_knowledge_chunks", {
      query_text: q, query_embedding: JSON.stringify(localLexicalEmbedding(q)), match_count: 1,
      filter_collection_ids: [localCollection],
    }).select("question, answer, source");
    expect(hybrid.error).toBeNull();
    expect(hybrid.data).toEqual([{ question: "Can I use the serum with retinol?", answer: "Yes: serum in the morning, retinol at night.",
      source: "Video: Demo" }]);

    const s = await call("knowledge-search", { workspaceId: a.id, query: "recycle the glass bottle", collectionIds: [localCollection],
      mode: "vector", matchCount: 1 }, a.people.member.jwt);
    expect(s.status).toBe(200);
    expect(s.body.model).toBe("local-lexical-v1");
    expect(s.body.results.map((x: { question: string }) => x.question)).toEqual(["Is the bottle recyclable?"]);
  });

  it("maps RPC mistakes to 4xx codes a frontend branches on", async () => {
    const tooMany = await member.rpc("match_knowledge_chunks", { query_embedding: JSON.stringify(localLexicalEmbedding("x")), match_count: 500 });
    expect([tooMany.status, tooMany.error?.code]).toEqual([413, "PT413"]);
    const wrongSize = await member.rpc("match_knowledge_chunks", { query_embedding: "[1,2,3]" });
    expect([wrongSize.status, wrongSize.error?.code, wrongSize.error?.message]).toEqual([400, "22023",
      "query_embedding has 3 dimensions; 1536 expected"]);
    const demo = await member.rpc("search_demo_knowledge", { query_embedding: JSON.stringify(localLexicalEmbedding("x")),
      demo_id: crypto.randomUUID() });
    expect([demo.status, demo.error?.code]).toEqual([404, "PT404"]);
  });
});

describe("local-lexical-v1", () => {
  it("computes the same vectors in the database (seed, tests) as in the functions", async () => {
    const texts = ["Free shipping on orders over $50!", "Café naïve — flies, shipped, bosses", "", "the of and",
      "Vitamin C serum 15% 2 3 x", "Returns within 30 days. Returns within 30 days."];
    for (const t of texts) {
      const [row] = await sql`select private.local_lexical_embedding(${t})::text as v`;
      const db = JSON.parse(row.v) as number[];
      const ts = localLexicalEmbedding(t);
      const cos = db.reduce((s, x, i) => s + x * ts[i], 0);
      expect(cos, t).toBeCloseTo(1, 6);
      expect(Math.max(...db.map((x, i) => Math.abs(x - ts[i]))), t).toBeLessThan(1e-6);
    }
  });
});
