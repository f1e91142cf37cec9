// npm run bench -- reviews [--reviews 10000] [--requests 5000] [--concurrency 20] [--runs 200]
// One product with 10,000 published reviews (plus 1,000 pending ones and helpfulness votes) in a
// scratch workspace; prints, side by side in one run:
// (a) rating-summary reads as the storefront makes them: anon HTTP calls to /rest/v1/rpc/product_rating
//     through the gateway (calls/s, p50/p99), and inside the server the maintained summary vs the
//     same figures computed by scanning the product's reviews (what the triggers save);
// (b) reviews-list latency inside the server, per ordering, for the first page and a deep page
//     (offset 5000), 20 reviews a page; and the first page over HTTP.
import { Agent, request } from "node:http";
import { publicKeys } from "../lib/keys.ts";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";
import { visitorAddress } from "../lib/visitor_address.ts";

const WS = "b2000000-0000-4000-8000-000000000001";
const PRODUCT = "bench-product";

/** Concurrent anon POSTs of one RPC through the gateway; returns calls/s and latencies in ms. */
async function hammer(url: string, key: string, body: string, total: number, concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const post = (n: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request({
        agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST",
        headers: { apikey: key, "content-type": "application/json", "content-length": Buffer.byteLength(body),
                   "x-forwarded-for": visitorAddress(n) },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < total) {
      const s = performance.now();
      if ((await post(next)) !== 200) failures++;
      latencies.push(performance.now() - s);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rate: total / seconds, p50: pct(0.5), p99: pct(0.99), failures };
}

export async function main(args: string[]): Promise<void> {
  const N = arg(args, "reviews", 10000);
  const total = arg(args, "requests", 5000);
  const concurrency = arg(args, "concurrency", 20);
  const runs = arg(args, "runs", 200);
  const c = stackConfig();
  const keys = await publicKeys(c);
  const { sql, done } = await benchDatabase();
  const cleanup = `delete from public.workspaces where id = '${WS}';`;
  await sql.unsafe(cleanup);
  try {
    console.log(`setting up one product with ${fmt(N, 0)} published reviews, ${fmt(N / 10, 0)} pending, and votes`);
    const t0 = performance.now();
    await sql.unsafe(`
      insert into public.workspaces (id, name, slug) values ('${WS}', 'bench reviews', 'bench-reviews');
      insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title)
        values ('${WS}', '${PRODUCT}', 'v1', 'Bench balm');
      insert into public.reviews (workspace_id, shopify_product_id, author_name, author_email, rating, title, body, status,
                                  verified_purchase, submitted_at)
        select '${WS}', '${PRODUCT}', 'Reviewer ' || g, 'r' || g || '@bench.test',
               case when g % 20 < 12 then 5 when g % 20 < 16 then 4 when g % 20 < 18 then 3 when g % 20 = 18 then 2 else 1 end,
               'Review ' || g, repeat('Lovely product. ', 1 + g % 20),
               case when g % 11 = 0 then 'pending' else 'published' end::public.review_status, g % 3 <> 0,
               timestamptz '2026-11-01' - g * interval '17 minutes'
        from generate_series(1, ${Math.round(N * 1.1)}) g;
      insert into public.review_votes (workspace_id, review_id, voter_id, kind)
        select r.workspace_id, r.id, md5(r.id::text || k)::uuid, 'helpful'
        from public.reviews r cross join lateral generate_series(1, (hashtext(r.id::text) & 7)) k
        where r.workspace_id = '${WS}' and r.status = 'published' and hashtext(r.id::text) % 4 = 0;
      analyze public.reviews; analyze public.product_rating_summaries; analyze public.review_votes;`);
    const [facts] = await sql`
      select (select count(*)::int from public.reviews where workspace_id = ${WS} and status = 'published') as published,
             (select count(*)::int from public.review_votes where workspace_id = ${WS}) as votes,
             (select review_count from public.product_rating_summaries where workspace_id = ${WS}) as summary_count`;
    console.log(`  ${fmt(facts.published, 0)} published reviews, ${fmt(facts.votes, 0)} votes, summary says ${fmt(facts.summary_count, 0)}` +
      ` (set up in ${((performance.now() - t0) / 1000).toFixed(1)} s, triggers included)`);

    // (a) summary reads over HTTP as anon, after a warm-up.
    const rpc = (name: string) => `${apiUrl(c)}/rest/v1/rpc/${name}`;
    const summaryBody = JSON.stringify({ p_workspace_id: WS, p_shopify_product_id: PRODUCT });
    await hammer(rpc("product_rating"), keys.publishableKey, summaryBody, 200, concurrency);
    const http = await hammer(rpc("product_rating"), keys.publishableKey, summaryBody, total, concurrency);

    // (a) and (b) inside the server: clock_timestamp around EXECUTE as anon, planned each time as
    // PostgREST plans its queries, interleaved, after a warm-up round.
    const sorts = ["newest", "highest_rating", "lowest_rating", "most_helpful"];
    const queries: [string, string][] = [
      ["summary", `select * from public.product_rating('${WS}', '${PRODUCT}')`],
      ["scan", `select count(*), round(avg(rating), 2), count(*) filter (where rating = 1), count(*) filter (where rating = 2),
                count(*) filter (where rating = 3), count(*) filter (where rating = 4), count(*) filter (where rating = 5)
                from public.reviews where workspace_id = '${WS}' and shopify_product_id = '${PRODUCT}' and status = 'published'`],
      ...sorts.flatMap((s): [string, string][] => [
        [`${s}/first`, `select * from public.product_reviews('${WS}', '${PRODUCT}', '${s}', 20, 0)`],
        [`${s}/deep`, `select * from public.product_reviews('${WS}', '${PRODUCT}', '${s}', 20, 5000)`],
      ]),
    ];
    const timings = await sql.begin(async (tx) => {
      await tx.unsafe(`create temp table bench_timings (kind text, us float8) on commit drop`);
      await tx.unsafe(`
        do $bench$
        declare
          t0 timestamptz;
          d float8;
          kinds text[] := array[${queries.map(([k]) => `'${k}'`).join(", ")}];
          qs text[] := array[${queries.map(([, q]) => `$q$${q}$q$`).join(", ")}];
        begin
          for i in 0..${runs * 2 - 1} loop
            for j in 1..cardinality(qs) loop
              -- the scan reads the table as the owner would (anon has no table grant); the rest as anon
              if kinds[j] <> 'scan' then
                perform set_config('request.jwt.claims', '{"role":"anon"}', true);
                perform set_config('role', 'anon', true);
              end if;
              t0 := clock_timestamp();
              execute qs[j];
              d := extract(epoch from clock_timestamp() - t0) * 1e6;
              perform set_config('role', 'none', true);
              if i >= ${runs} then
                insert into bench_timings values (kinds[j], d);
              end if;
            end loop;
          end loop;
        end $bench$`);
      return await tx.unsafe(`select kind, us from bench_timings`);
    });
    const ms = (k: string) => median(timings.filter((r) => r.kind === k).map((r) => Number(r.us) / 1000));
    const page = await hammer(rpc("product_reviews"), keys.publishableKey,
      JSON.stringify({ p_workspace_id: WS, p_shopify_product_id: PRODUCT, p_limit: 20 }), Math.round(total / 5), concurrency);

    console.log(`\nreviews benchmark: one product with ${fmt(facts.published, 0)} published reviews (${fmt(facts.votes, 0)} votes)`);
    console.log(`(a) rating summary over HTTP as anon: ${fmt(http.rate, 0)} calls/s, p50 ${http.p50.toFixed(1)} ms, ` +
      `p99 ${http.p99.toFixed(1)} ms (${fmt(total, 0)} calls, ${concurrency} concurrent, ${http.failures} failed)`);
    console.log(`    in the server: maintained summary ${ms("summary").toFixed(3)} ms vs scanning the reviews ` +
      `${ms("scan").toFixed(3)} ms (${(ms("scan") / ms("summary")).toFixed(0)}x), median of ${runs}`);
    console.log(`(b) reviews list, 20 per page, in the server (median of ${runs}):`);
    for (const s of sorts) {
      console.log(`    ${s.padEnd(15)} first page ${ms(`${s}/first`).toFixed(3)} ms, offset 5000 ${ms(`${s}/deep`).toFixed(3)} ms`);
    }
    console.log(`    first page (newest) over HTTP as anon: ${fmt(page.rate, 0)} calls/s, p50 ${page.p50.toFixed(1)} ms, ` +
      `p99 ${page.p99.toFixed(1)} ms (${page.failures} failed)`);
  } finally {
    await done(cleanup);
  }
}
