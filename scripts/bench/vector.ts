// npm run bench -- vector [--chunks 100000] [--workspaces 100] [--queries 20] [--ingest 5000] [--seed 7] [--keep] [--reuse]
// Tenant-filtered vector search on the real knowledge_chunks table (HNSW m16/efc64), side by side
// in one run:
//   - 100k chunks of 1536 dimensions over 100 workspaces, sizes skewed (Zipf, s = 1: the largest
//     about 19k chunks, the smallest about 190); vectors clustered (64 shared topics x 32
//     subtopics; each workspace writes about 8 topics), queries drawn near a subtopic of the
//     workspace asking;
//   - every query runs as a member of its workspace through public.match_knowledge_chunks (which
//     picks exact or HNSW by the scope's size) and through exact search (the ground truth);
//   - recall@10 against exact (per workspace and per size class: mean, the worst 1% of queries
//     (p1) and the minimum), queries/s of each, and for the smallest workspaces the share of
//     queries that return the full 10 rows, also with the index forced (what the size rule avoids);
//   - ingestion: chunks/s through the queue (ingest RPC -> jobs -> embed function with the local
//     provider -> vectors written).
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { publicKeys } from "../lib/keys.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

const DIM = 1536;
const K = 10;

/** mulberry32: a small seeded PRNG, so every run builds the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, gauss, int: (n: number) => Math.floor(next() * n) };
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

function around(center: Float32Array, sigma: number, r: ReturnType<typeof prng>): Float32Array {
  const v = new Float32Array(DIM);
  for (let i = 0; i < DIM; i++) v[i] = center[i] + sigma * r.gauss();
  return unit(v);
}

const literal = (v: Float32Array) => `[${Array.from(v, (x) => x.toPrecision(7)).join(",")}]`;

/** Zipf sizes (s = 1) summing to n, at least `min` each, largest first. */
export function zipfSizes(n: number, w: number, min = 50): number[] {
  const h = Array.from({ length: w }, (_, i) => 1 / (i + 1));
  const total = h.reduce((a, b) => a + b, 0);
  const sizes = h.map((x) => Math.max(min, Math.floor((n * x) / total)));
  let diff = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % w) {
    if (diff > 0) {
      sizes[i]++;
      diff--;
    } else if (sizes[i] > min) {
      sizes[i]--;
      diff++;
    }
  }
  return sizes;
}

// COPY BINARY of (n int4, ws int4, pos int4, v vector): vector_recv reads int16 dim, int16 0, float4[dim].
const COPY_HEADER = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
const COPY_TRAILER = Buffer.from([0xff, 0xff]);

function copyTuple(n: number, ws: number, pos: number, v: Float32Array): Buffer {
  const b = Buffer.alloc(2 + 3 * 8 + 4 + 4 + 4 * DIM);
  let o = b.writeInt16BE(4, 0);
  for (const x of [n, ws, pos]) o = b.writeInt32BE(x, b.writeInt32BE(4, o));
  o = b.writeInt32BE(4 + 4 * DIM, o);
  o = b.writeInt16BE(DIM, o);
  o = b.writeInt16BE(0, o);
  for (let k = 0; k < DIM; k++) o = b.writeFloatBE(v[k], o);
  return b;
}

interface QueryResult {
  ms: number;
  ids: string[];
}

export async function main(args: string[]): Promise<void> {
  const N = arg(args, "chunks", 100_000);
  const W = arg(args, "workspaces", 100);
  const Q = arg(args, "queries", 20);
  const INGEST = arg(args, "ingest", 5000);
  const r = prng(arg(args, "seed", 7));
  const c = stackConfig();
  const { sql, done } = await benchDatabase();
  const [{ indexdef }] = await sql`select indexdef from pg_indexes where indexname = 'knowledge_chunks_embedding_idx'`;
  const cleanup = `
    delete from public.workspaces where slug like 'vbench-%';
    delete from auth.users where email like '%@vbench.test';
    drop table if exists public.bench_vectors;
    ${indexdef.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS")};
    analyze public.knowledge_chunks;`;
  // --reuse keeps the data a --keep run left (same --chunks, --workspaces and --seed) and only queries
  const [{ existing }] = await sql`select count(*)::int as existing from public.knowledge_chunks c
    join public.knowledge_collections k on k.id = c.collection_id and k.name = 'bench'`;
  const reuse = args.includes("--reuse") && existing === N;
  if (!reuse) await sql.unsafe(cleanup);
  try {
    // ===== data
    const sizes = zipfSizes(N, W);
    const topics = Array.from({ length: 64 }, () => unit(Float32Array.from({ length: DIM }, () => r.gauss())));
    const subs = topics.map((t) => Array.from({ length: 32 }, () => around(t, 0.03, r)));
    const owned = sizes.map(() => Array.from({ length: 8 }, () => r.int(64)));
    console.log(`vector benchmark: ${fmt(N, 0)} chunks x ${DIM} dims in ${W} workspaces (sizes ${sizes[0]} .. ${sizes[W - 1]})`);
    const ws = sizes.map((_, i) => ({
      id: `0b000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
      user: `0b100000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
      collection: `0b200000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    }));
    if (!reuse) await load();
    async function load() {
    await sql`insert into auth.users (id, email) select u, 'member' || i || '@vbench.test'
      from unnest(${ws.map((w) => w.user)}::uuid[]) with ordinality x (u, i)`;
    await sql`insert into public.workspaces (id, name, slug, created_by)
      select w, 'vbench ' || i, 'vbench-' || i, u from unnest(${ws.map((w) => w.id)}::uuid[], ${ws.map((w) => w.user)}::uuid[]) with ordinality x (w, u, i)`;
    await sql`insert into public.knowledge_collections (id, workspace_id, name, embedding_model)
      select c, w, 'bench', 'text-embedding-3-small' from unnest(${ws.map((w) => w.collection)}::uuid[], ${ws.map((w) => w.id)}::uuid[]) x (c, w)`;
    // 50 chunks per document
    await sql`insert into public.knowledge_documents (workspace_id, collection_id, document_key, content_sha256, status)
      select x.w, x.c, 'doc-' || d, repeat('0', 64), 'embedding'
      from unnest(${ws.map((w) => w.id)}::uuid[], ${ws.map((w) => w.collection)}::uuid[], ${sizes}::int[]) x (w, c, n),
           generate_series(0, (x.n - 1) / 50) d`;

    let t0 = performance.now();
    await sql`create unlogged table public.bench_vectors (n integer primary key, ws integer not null, pos integer not null,
      v extensions.vector(1536) not null)`;
    await sql`comment on table public.bench_vectors is 'vector benchmark staging (dropped at the end)'`;
    const owner: number[] = [];
    sizes.forEach((size, i) => owner.push(...new Array(size).fill(i)));
    const copy = await sql`copy public.bench_vectors (n, ws, pos, v) from stdin with (format binary)`.writable();
    const finished = new Promise<void>((resolve, reject) => copy.on("finish", resolve).on("error", reject));
    const put = async (b: Buffer) => {
      if (!copy.write(b)) await new Promise((d) => copy.once("drain", d));
    };
    await put(COPY_HEADER);
    const seen = new Array(W).fill(0);
    for (let n = 0; n < N; n++) {
      const w = owner[n];
      await put(copyTuple(n, w, seen[w]++, around(subs[owned[w][r.int(8)]][r.int(32)], 0.02, r)));
    }
    copy.end(COPY_TRAILER);
    await finished;
    console.log(`generated and copied the vectors in ${fmt((performance.now() - t0) / 1000)} s`);

    // bulk load without the index, then build it as a migration would (2 parallel workers)
    t0 = performance.now();
    await sql`drop index public.knowledge_chunks_embedding_idx`;
    await sql`
      insert into public.knowledge_chunks (workspace_id, collection_id, document_id, chunk_index, content, token_count,
        embedding, embedding_model)
      select d.workspace_id, d.collection_id, d.id, b.pos % 50, 'bench chunk ' || b.n, 3, b.v, 'text-embedding-3-small'
      from public.bench_vectors b
      join public.knowledge_documents d
        on d.collection_id = (${ws.map((w) => w.collection)}::uuid[])[b.ws + 1] and d.document_key = 'doc-' || (b.pos / 50)`;
    const loadS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const conn = await sql.reserve();
    await conn`set maintenance_work_mem = '4GB'`;
    await conn`set max_parallel_maintenance_workers = 2`;
    await conn.unsafe(indexdef);
    conn.release();
    await sql`vacuum analyze public.knowledge_chunks`;
    const buildS = (performance.now() - t0) / 1000;
    console.log(`loaded ${fmt(N, 0)} chunks in ${fmt(loadS)} s; HNSW build ${fmt(buildS)} s (2 parallel workers)`);
    }
    const [{ threshold }] = await sql`select private.knowledge_index_threshold() as threshold`;
    console.log(`the index is used from ${threshold} chunks in scope`);
    let t0: number;

    // ===== queries
    const asMember = async (i: number, q: string, fn: string): Promise<QueryResult> => {
      const claims = JSON.stringify({ sub: ws[i].user, role: "authenticated" });
      return await sql.begin(async (tx) => {
        await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
        const s = performance.now();
        const rows = await tx.unsafe(fn, [q, ws[i].id]);
        return { ms: performance.now() - s, ids: rows.map((x) => x.id as string) };
      }) as QueryResult;
    };
    const ours = (i: number, q: string) =>
      asMember(i, q, `select id from public.match_knowledge_chunks($1::extensions.vector, ${K}, -1, filter_workspace_id => $2::uuid)`);
    const exact = (i: number, q: string) =>
      asMember(i, q, `select chunk_id as id from private.knowledge_vector_candidates($1::extensions.vector, ${K}, array[$2::uuid], null, null, null, null, false)`);
    const forced = (i: number, q: string) =>
      asMember(i, q, `select chunk_id as id from private.knowledge_vector_candidates($1::extensions.vector, ${K}, array[$2::uuid], null, null, null, null, true)`);
    const recall = (got: string[], truth: string[]) => got.filter((x) => truth.includes(x)).length / truth.length;

    const indexed = sizes.map((s, i) => [s, i] as const).filter(([s]) => s >= threshold).map(([, i]) => i);
    const smallest = sizes.map((_, i) => i).slice(-10);
    const queriesFor = (i: number) => Array.from({ length: Q }, () => literal(around(subs[owned[i][r.int(8)]][r.int(32)], 0.02, r)));
    // warm-up: one pass over the table and the index, not timed
    for (const i of [...indexed, ...smallest]) await ours(i, queriesFor(i)[0]), await exact(i, queriesFor(i)[0]);

    const mean = (xs: QueryResult[]) => xs.reduce((a, x) => a + x.ms, 0) / xs.length;
    const qps = (xs: QueryResult[]) => fmt(1000 / mean(xs), 0).padStart(5);
    const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(4);
    const report = async (label: string, tenants: number[]) => {
      console.log(label);
      console.log("  chunks | match_knowledge_chunks: recall@10 mean / p1 / min, full, q/s | exact: q/s | speed-up | HNSW forced: recall@10, full, q/s");
      const all = { o: [] as QueryResult[], e: [] as QueryResult[], f: [] as QueryResult[] };
      let turn = 0;
      for (const i of tenants) {
        const o: QueryResult[] = [];
        const e: QueryResult[] = [];
        const f: QueryResult[] = [];
        for (const q of queriesFor(i)) {
          // interleaved, and in turns: an exact search of a large workspace reads its whole heap,
          // which evicts index pages from shared buffers for whatever runs right after it
          const run = { e: () => exact(i, q), o: () => ours(i, q), f: () => forced(i, q) };
          const order = (["eof", "ofe", "feo"] as const)[turn++ % 3];
          const got: Record<string, QueryResult> = {};
          for (const k of order) got[k] = await run[k as "e" | "o" | "f"]();
          e.push(got.e);
          o.push(got.o);
          f.push(got.f);
        }
        all.o.push(...o);
        all.e.push(...e);
        all.f.push(...f);
        line(String(sizes[i]), o, e, f);
      }
      line("all", all.o, all.e, all.f);
    };
    const line = (what: string, o: QueryResult[], e: QueryResult[], f: QueryResult[]) => {
      const rec = (xs: QueryResult[]) => (xs.reduce((a, x, j) => a + recall(x.ids, e[j].ids), 0) / xs.length).toFixed(3);
      const full = (xs: QueryResult[]) => pct(xs.filter((x) => x.ids.length === K).length / xs.length);
      const each = o.map((x, j) => recall(x.ids, e[j].ids)).sort((a, b) => a - b);
      const p1 = each[Math.floor(0.01 * (each.length - 1))];
      console.log(`  ${what.padStart(6)} | ${rec(o)} / ${p1.toFixed(2)} / ${each[0].toFixed(2)}, ${full(o)}, ${qps(o)} | ${qps(e)} | ${fmt(mean(e) / mean(o)).padStart(5)}x | ` +
        `${rec(f)}, ${full(f)}, ${qps(f)}`);
    };
    const middle = sizes.map((size, i) => [size, i] as const).filter(([size]) => size < threshold && size >= 1000)
      .map(([, i]) => i).filter((_, k, xs) => k % Math.max(1, Math.floor(xs.length / 4)) === 0).slice(0, 4);
    await report("(a) workspaces at or above the threshold: HNSW with iterative scan", indexed);
    await report("(b) workspaces below it (a sample from 1,000 chunks up): exact", middle);
    await report("(c) the 10 smallest workspaces: exact", smallest);

    // ===== ingestion through the queue, local provider
    const iw = { id: randomUUID(), user: randomUUID(), collection: randomUUID() };
    await sql`delete from public.workspaces where slug = 'vbench-ingest'`;
    await sql`delete from auth.users where email = 'ingest@vbench.test'`;
    await sql`insert into auth.users (id, email) values (${iw.user}, 'ingest@vbench.test')`;
    await sql`insert into public.workspaces (id, name, slug, created_by) values (${iw.id}, 'vbench ingest', 'vbench-ingest', ${iw.user})`;
    await sql`insert into public.knowledge_collections (id, workspace_id, name, embedding_model) values (${iw.collection}, ${iw.id}, 'ingest', 'local-lexical-v1')`;
    const words = ["shipping", "returns", "serum", "vitamin", "refund", "parcel", "bottle", "morning", "skin", "order", "gift", "card"];
    const docs = Math.ceil(INGEST / 100);
    const keys = await publicKeys(c);
    t0 = performance.now();
    for (let d = 0; d < docs; d++) {
      const chunks = Array.from({ length: Math.min(100, INGEST - d * 100) }, (_, k) => ({
        content: Array.from({ length: 60 }, (_, j) => words[(d * 7 + k * 3 + j * 5) % words.length]).join(" ") + ` ${d}-${k}.`,
        token_count: 62,
      }));
      await sql.begin(async (tx) => {
        await tx`select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true)`;
        await tx`select * from public.ingest_knowledge_document(${iw.collection}, ${"doc-" + d}, ${chunks.map((x) => x.content).join("\n\n")},
          ${tx.json(chunks)})`;
      });
    }
    const ingestS = (performance.now() - t0) / 1000;
    const left = async () => (await sql`select count(*)::int as n from public.knowledge_chunks where collection_id = ${iw.collection} and embedding is null`)[0].n;
    const worker = async () => {
      for (;;) {
        const res = await fetch(`${apiUrl(c)}/functions/v1/embed`, {
          method: "POST",
          headers: { apikey: keys.secretKey, authorization: `Bearer ${keys.secretKey}`, "content-type": "application/json" },
          body: JSON.stringify({ limit: 256 }),
        });
        const b = await res.json();
        if (!res.ok) throw new Error(`embed answered ${res.status}: ${JSON.stringify(b)}`);
        if (b.claimed === 0) return;
      }
    };
    await Promise.all([worker(), worker()]);
    while ((await left()) > 0) await new Promise((d) => setTimeout(d, 50));
    const totalS = (performance.now() - t0) / 1000;
    console.log(`(d) ingestion: ${fmt(INGEST, 0)} chunks in ${docs} documents through ingest_knowledge_document in ${fmt(ingestS)} s; ` +
      `queue drained by the embed function (local-lexical-v1, two concurrent workers plus the wake-up at commit): ` +
      `${fmt(INGEST / totalS, 0)} chunks/s end to end (${fmt(totalS)} s)`);
  } finally {
    // --keep leaves the data in place (to look at plans); the next run removes it first
    await done(args.includes("--keep") ? "select 1" : cleanup);
  }
}
