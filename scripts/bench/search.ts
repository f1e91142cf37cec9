// npm run bench -- search [--requests 1000] [--rounds 3]
// knowledge-search (the edge function) against the same search through PostgREST: the demo
// seed's member searching the demo workspace's knowledge, hybrid mode, the query's embedding
// already cached (the path every repeated question takes). The function verifies the JWT,
// validates, and makes one SQL call (private.knowledge_search_json: model, cached embedding,
// public.knowledge_search, JSON); PostgREST gets public.knowledge_search with the cached
// embedding in the body. Both through the gateway, as the member, at 1 and 10 concurrent
// senders, variants alternating round by round; medians over rounds. Target: the function's
// time per request <= 1.1x PostgREST's.
import { apiUrl, binPath, stackConfig } from "../lib/config.ts";
import { signAccessToken } from "../../functions/_local/keys.ts";
import { publicKeys, stackKeys } from "../lib/keys.ts";
import { load, type LoadResult, ms, trivialServer } from "./load.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

const DEMO_WS = "10000000-0000-4000-8000-000000000001";
const DEMO_MEMBER = { sub: "00000000-0000-4000-8000-000000000003", email: "member@demo.test" };

export async function main(args: string[]): Promise<void> {
  const total = arg(args, "requests", 1000);
  const rounds = arg(args, "rounds", 3);
  const c = stackConfig();
  const api = apiUrl(c);
  const keys = await publicKeys(c);
  const { sql, done } = await benchDatabase();
  const trivial = await trivialServer(binPath("deno"), c.apiPort + 77);
  // the searches log into the demo workspace's access log: what the run adds is removed after it
  const [{ mark }] = await sql`select coalesce(max(id), 0)::text as mark from public.knowledge_access_logs`;
  try {
    const jwt = await signAccessToken(await stackKeys(c), {
      sub: DEMO_MEMBER.sub, email: DEMO_MEMBER.email, role: "authenticated", aud: "authenticated", aal: "aal1", is_anonymous: false,
    }, 3600);
    const headers = { apikey: keys.publishableKey, authorization: `Bearer ${jwt}` };
    const query = "how do I return an order and get a refund?";
    const fn = { url: `${api}/functions/v1/knowledge-search`, headers, body: JSON.stringify({ workspaceId: DEMO_WS, query }) };
    const first = await fetch(fn.url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: fn.body });
    if (first.status !== 200) throw new Error(`knowledge-search: ${first.status} ${await first.text()}`);
    const { model, results } = await first.json() as { model: string; results: { id: string }[] };
    const [{ embedding }] = await sql`
      select e.embedding::text as embedding from private.query_embedding_cache e
      where e.embedding_model = ${model}::public.embedding_model and e.text_sha256 = encode(sha256(convert_to(${query}, 'UTF8')), 'hex')`;
    const rest = {
      url: `${api}/rest/v1/rpc/knowledge_search`, headers,
      body: JSON.stringify({ p_workspace_id: DEMO_WS, p_query_text: query, p_query_embedding: embedding, p_embedding_model: model }),
    };
    const viaRest = await fetch(rest.url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: rest.body });
    const restRows = await viaRest.json() as { id: string }[];
    if (JSON.stringify(restRows.map((r) => r.id)) !== JSON.stringify(results.map((r) => r.id))) {
      throw new Error("knowledge-search and PostgREST found different chunks");
    }

    const run = (t: typeof fn, n: number, conc: number) => load(() => t, n, conc);
    console.log(`search benchmark: ${total} requests per variant and round, ${rounds} rounds, variants alternating; ${results.length} results per search (${model}, cached embedding)`);
    for (const conc of [1, 10]) {
      const floor: LoadResult[] = [];
      for (let r = 0; r < rounds; r++) floor.push(await load(() => ({ url: trivial.url }), total, conc));
      await run(fn, Math.min(200, total), conc);
      await run(rest, Math.min(200, total), conc);
      const f: LoadResult[] = [], p: LoadResult[] = [];
      for (let r = 0; r < rounds; r++) {
        if (r % 2 === 0) {
          f.push(await run(fn, total, conc));
          p.push(await run(rest, total, conc));
        } else {
          p.push(await run(rest, total, conc));
          f.push(await run(fn, total, conc));
        }
      }
      const bad = [...f, ...p].reduce((a, x) => a + x.failures, 0);
      if (bad) throw new Error(`${bad} requests did not answer 200`);
      const fr = median(f.map((x) => x.rate)), pr = median(p.map((x) => x.rate));
      console.log(`\nconcurrency ${conc}: trivial Deno server ${fmt(median(floor.map((x) => x.rate)), 0)} req/s`);
      console.log(`  knowledge-search (function): ${fmt(fr, 0)} req/s (rounds ${f.map((x) => fmt(x.rate, 0)).join(" / ")}), p50 ${ms(median(f.map((x) => x.p50)))}, p99 ${ms(median(f.map((x) => x.p99)))}`);
      console.log(`  knowledge_search (PostgREST): ${fmt(pr, 0)} req/s (rounds ${p.map((x) => fmt(x.rate, 0)).join(" / ")}), p50 ${ms(median(p.map((x) => x.p50)))}, p99 ${ms(median(p.map((x) => x.p99)))}`);
      console.log(`  time per request, function / PostgREST: ${(pr / fr).toFixed(2)}x (target <= 1.10x)`);
    }
  } finally {
    trivial.stop();
    await done(`delete from public.knowledge_access_logs where workspace_id = '${DEMO_WS}' and id > ${Number(mark)}`);
  }
}
