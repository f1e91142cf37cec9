// npm run bench -- webhooks [--requests 5000] [--concurrency 50] [--restart]
// npm run bench -- webhooks --rate 1500 --seconds 60 [--concurrency 50]   (sustained)
// Signed Shopify orders/create deliveries through the gateway from 50 concurrent senders, 10%
// of them redeliveries of an earlier one (same X-Shopify-Webhook-Id and body). Printed side by
// side from one run:
// - the ack path: requests/s and p50/p99 latency, beside a trivial Deno server driven by the same
//   load generator (the machine's HTTP floor);
// - processing: orders/s from the first acknowledgement to the last processed event, and how long
//   each order took to become visible after its acknowledgement (p50/p99): a watcher connection
//   polls every 25 ms for newly processed events (processed in the same transaction as their
//   orders, so visible exactly when the orders are) and counts an order visible at the start of
//   the first poll that sees it, so the figure is measured from commit (processed_at is the
//   processing transaction's start, before its batch commits) and over-states by at most a poll;
// - stored events = unique deliveries and stored orders = unique orders;
// - the reference for processing: as many orders stored by SQL in one statement, no HTTP load.
// With --rate R --seconds S: an open-loop sender offers R fresh deliveries per second for S
// seconds (each due at its time whatever the answers before it took, at most --concurrency in
// flight); printed: the rate kept, ack latencies, visibility after the ack (p50/p99/max), and the
// backlog (events stored but not yet processed) sampled every second, with deliveries
// acknowledged and orders made visible per 10 s window, so a growing backlog shows.
// With --restart, PostgreSQL is killed (pg_ctl stop -m immediate, a crash) halfway through and
// started again; senders retry a failed delivery as Shopify does (here after 200 ms), and nothing
// acknowledged may be lost.
import { createHmac, randomUUID } from "node:crypto";
import { join } from "node:path";
import type postgres from "postgres";
import { apiUrl, binPath, stackConfig } from "../lib/config.ts";
import { localIntegrationEnv } from "../lib/gateway.ts";
import { startPostgres } from "../lib/postgres.ts";
import { runAsPostgres } from "../lib/proc.ts";
import { load, ms, percentile, trivialServer } from "./load.ts";
import { paced } from "./paced.ts";
import { arg, benchDatabase, fmt } from "./scratch.ts";

interface Delivery {
  id: string;
  body: string;
  hmac: string;
}

/**
 * Waits until no event of the workspace is due. pg_cron is paused during benchmarks, so its
 * minute sweeper (which calls webhook-process when events are due but no wake-up reached it,
 * as after a crash) is run here after 5 s without progress; returns how often it was needed.
 */
async function untilProcessed(sql: postgres.Sql, workspaceId: string): Promise<number> {
  let sweeps = 0, last = -1, since = Date.now();
  for (;;) {
    const [{ n }] = await sql`select count(*)::int as n from private.webhook_events
      where workspace_id = ${workspaceId} and status in ('pending', 'failed')`;
    if (n === 0) return sweeps;
    if (n !== last) [last, since] = [n, Date.now()];
    else if (Date.now() - since > 5000) {
      await sql`select private.process_due_webhook_events()`;
      sweeps++;
      since = Date.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Polls every `every` ms for the workspace's newly processed events and records, per delivery id
 * (external_id), the start of the first poll that saw it processed. Stop with the returned stop().
 */
function watchVisibility(sql: postgres.Sql, workspaceId: string, every = 25) {
  const seen = new Map<string, number>();
  let low = "0", stopped = false;
  const run = (async () => {
    while (!stopped) {
      const t = performance.now();
      const rows = await sql`
        with floor as (select coalesce(min(id), ${low}::bigint) as lo from private.webhook_events
                       where status in ('pending', 'failed') and workspace_id = ${workspaceId})
        select e.id::text as id, e.external_id, (select lo::text from floor) as lo
        from private.webhook_events e
        where e.id >= ${low}::bigint and e.status = 'processed' and e.workspace_id = ${workspaceId}`;
      for (const r of rows) if (!seen.has(r.external_id)) seen.set(r.external_id, t);
      if (rows.length) low = rows[0].lo;
      const wait = every - (performance.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return { seen, stop: async () => { stopped = true; await run; } };
}

/** A scratch workspace with an active Shopify connection for a random shop, and the SQL that removes it. */
async function benchShop(sql: Awaited<ReturnType<typeof benchDatabase>>["sql"]) {
  const tag = randomUUID().slice(0, 8);
  const shop = `bench-${tag}.myshopify.com`;
  const [ws] = await sql`insert into public.workspaces (name, slug) values ('bench', ${"bench-" + tag}) returning id`;
  await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
    values (${ws.id}, 'shopify', ${shop}, 'active')`;
  const cleanup = `
    delete from private.webhook_events where workspace_id = '${ws.id}';
    delete from public.workspaces where id = '${ws.id}';`;
  return { ws, shop, tag, cleanup };
}

export async function main(args: string[]): Promise<void> {
  if (args.includes("--rate")) return await sustained(args);
  const total = arg(args, "requests", 5000);
  const concurrency = arg(args, "concurrency", 50);
  const restart = args.includes("--restart");
  const c = stackConfig();
  const secret = process.env.SHOPIFY_API_SECRET ?? localIntegrationEnv(c).SHOPIFY_API_SECRET;
  const url = `${apiUrl(c)}/functions/v1/webhooks/shopify`;
  const { sql, done } = await benchDatabase();
  const { ws, shop, tag, cleanup } = await benchShop(sql);
  const trivial = await trivialServer(binPath("deno"), c.apiPort + 77);
  try {
    // The plan: each request is a fresh delivery, or (10%) a redelivery of an earlier one.
    const sent: Delivery[] = [];
    const plan: Delivery[] = [];
    for (let i = 0; i < total; i++) {
      if (i > 10 && i % 10 === 0) {
        plan.push(sent[(i * 7919) % sent.length]);
      } else {
        const body = JSON.stringify({
          id: 9_000_000 + i, name: `#B${i}`, email: `buyer${i % 500}@example.com`, currency: "USD",
          subtotal_price: "40.00", total_price: "45.50", total_tax: "5.50", financial_status: "paid",
          processed_at: "2026-11-20T10:00:00Z", updated_at: "2026-11-20T10:00:00Z", customer: { id: 70_000 + (i % 500) },
          line_items: [{ product_id: 1, variant_id: 2, sku: "SKU-1", title: "Balm", quantity: 1, price: "40.00" }],
        });
        const d = { id: randomUUID(), body, hmac: createHmac("sha256", secret).update(body).digest("base64") };
        sent.push(d);
        plan.push(d);
      }
    }
    const unique = sent.length;

    // The floor: the same load generator against a trivial Deno server, same run.
    const floor = await load(() => ({ url: trivial.url }), total, concurrency);

    const request = (d: Delivery) => ({
      url,
      body: d.body,
      headers: {
        "x-shopify-topic": "orders/create", "x-shopify-shop-domain": shop, "x-shopify-api-version": "2025-01",
        "x-shopify-webhook-id": d.id, "x-shopify-hmac-sha256": d.hmac,
      },
    });
    let killed = false;
    const crash = async () => {
      runAsPostgres(join(c.pgBin, "pg_ctl"), ["stop", "-D", c.pgData, "-m", "immediate", "-w", "-t", "60"], { allowFail: true });
      await new Promise((r) => setTimeout(r, 1000));
      startPostgres(c);
    };
    // Shopify retries a delivery that was not acknowledged; here after 200 ms, until it is.
    const retried = { count: 0 };
    const sweeps = { count: 0 };
    const watcher = watchVisibility(sql, ws.id);
    const ackedAt = new Map<string, number>();
    const track = (res: { acked: Map<number, number> }, part: Delivery[]) => {
      for (const [i, at] of res.acked) if (!ackedAt.has(part[i].id)) ackedAt.set(part[i].id, at);
    };
    const t0 = Date.now();
    const first = plan.slice(0, total / 2), second = plan.slice(total / 2);
    const ackA = await load((i) => request(first[i]), first.length, concurrency, 200);
    track(ackA, first);
    if (restart) {
      killed = true;
      await crash();
    }
    const ackB = await load((i) => request(second[i]), second.length, concurrency, 200);
    track(ackB, second);
    const ackSeconds = (Date.now() - t0) / 1000;
    // Whatever was not acknowledged is sent again until it is.
    for (const part of [{ res: ackA, deliveries: first }, { res: ackB, deliveries: second }]) {
      for (const d of part.res.failed.map((i) => part.deliveries[i])) {
        for (;;) {
          const r = await fetch(url, { method: "POST", headers: request(d).headers, body: d.body }).catch(() => null);
          if (r && r.status === 200) {
            if (!ackedAt.has(d.id)) ackedAt.set(d.id, performance.now());
            break;
          }
          retried.count++;
          await new Promise((res) => setTimeout(res, 200));
        }
      }
    }
    // Processing: until no event of this workspace is pending.
    sweeps.count += await untilProcessed(sql, ws.id);
    await new Promise((r) => setTimeout(r, 100)); // a last poll
    await watcher.stop();
    const lags = [...ackedAt].map(([id, at]) => (watcher.seen.get(id) ?? Infinity) - at).sort((x, y) => x - y);
    const [p] = await sql`select count(*)::int as events, min(received_at) as first_in, max(processed_at) as last_out,
        count(*) filter (where status = 'processed')::int as processed
      from private.webhook_events where workspace_id = ${ws.id}`;
    const [{ orders }] = await sql`select count(*)::int as orders from public.orders where workspace_id = ${ws.id}`;
    const procSeconds = (new Date(p.last_out).getTime() - new Date(p.first_in).getTime()) / 1000;
    const acks = [ackA, ackB];
    const rate = total / ackSeconds;
    const lat = (q: "p50" | "p99") => Math.max(...acks.map((a) => a[q]));

    console.log(`webhooks benchmark: ${fmt(total, 0)} signed orders/create deliveries, ${concurrency} concurrent senders, ` +
      `${fmt(total - unique, 0)} redeliveries (${((1 - unique / total) * 100).toFixed(0)}%)${restart ? ", PostgreSQL crashed and restarted halfway" : ""}`);
    console.log(`trivial Deno server, same load: ${fmt(floor.rate, 0)} req/s, p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}`);
    console.log(`ack path: ${fmt(rate, 0)} req/s over ${ackSeconds.toFixed(1)} s (target >= 2,000), p50 ${ms(lat("p50"))}, ` +
      `p99 ${ms(lat("p99"))} (target < 50 ms); ${(rate / floor.rate * 100).toFixed(0)}% of the floor`);
    console.log(`responses: ${acks.flatMap((a) => [...a.statuses]).map(([s, n]) => `${s} x ${n}`).join(", ")}` +
      (killed ? `; ${retried.count} retries after the crash` : "") +
      (sweeps.count ? `; the minute sweeper was needed ${sweeps.count}x (a wake-up lost in the crash)` : ""));
    console.log(`processing: ${fmt(p.processed / procSeconds, 0)} orders/s (target >= 1,500); visible after the ack (from commit, ` +
      `polled every 25 ms): p50 ${ms(percentile(lags, 0.5))}, p99 ${ms(percentile(lags, 0.99))}, max ${ms(lags[lags.length - 1])}`);
    console.log(`stored events ${p.events}, unique deliveries ${unique}, stored orders ${orders}, unique orders ${unique}: ` +
      `${p.events === unique && orders === unique ? "equal, nothing lost" : "NOT EQUAL"}`);

    // The reference for processing: the same number of orders stored by SQL in one statement
    // (no HTTP load beside it), processed by the same worker, woken the same way.
    const [alone] = await sql`
      with stored as (
        select private.store_shopify_webhook('alone-' || ${tag} || '-' || i, 'orders/create', ${shop},
                 encode(extensions.digest(i::text, 'sha256'), 'hex'),
                 jsonb_build_object('id', 9500000 + i, 'name', '#A' || i, 'email', 'buyer' || (i % 500) || '@example.com',
                   'currency', 'USD', 'subtotal_price', '40.00', 'total_price', '45.50', 'total_tax', '5.50',
                   'financial_status', 'paid', 'processed_at', '2026-11-20T10:00:00Z', 'updated_at', '2026-11-20T10:00:00Z',
                   'customer', jsonb_build_object('id', 70000 + (i % 500)),
                   'line_items', jsonb_build_array(jsonb_build_object('product_id', 1, 'variant_id', 2, 'sku', 'SKU-1',
                     'title', 'Balm', 'quantity', 1, 'price', '40.00')))) as outcome
        from generate_series(1, ${unique}) i)
      select count(*) filter (where outcome = 'accepted')::int as n from stored`;
    sweeps.count += await untilProcessed(sql, ws.id);
    const [a] = await sql`select min(received_at) as first_in, max(processed_at) as last_out
      from private.webhook_events where workspace_id = ${ws.id} and external_id like ${"alone-" + tag + "-%"}`;
    const aloneSeconds = (new Date(a.last_out).getTime() - new Date(a.first_in).getTime()) / 1000;
    console.log(`reference, processing alone (${fmt(alone.n, 0)} orders stored by SQL in one statement, no HTTP load): ` +
      `${fmt(alone.n / aloneSeconds, 0)} orders/s`);
  } finally {
    trivial.stop();
    await done(cleanup);
  }
}

/** --rate R --seconds S: R fresh deliveries per second for S seconds, open loop (see the header). */
async function sustained(args: string[]): Promise<void> {
  const rate = arg(args, "rate", 1500);
  const seconds = arg(args, "seconds", 60);
  const concurrency = arg(args, "concurrency", 50);
  const total = rate * seconds;
  const c = stackConfig();
  const secret = process.env.SHOPIFY_API_SECRET ?? localIntegrationEnv(c).SHOPIFY_API_SECRET;
  const url = `${apiUrl(c)}/functions/v1/webhooks/shopify`;
  const { sql, done } = await benchDatabase();
  const { ws, shop, cleanup } = await benchShop(sql);
  try {
    const deliveries: Delivery[] = Array.from({ length: total }, (_, i) => {
      const body = JSON.stringify({
        id: 8_000_000 + i, name: `#S${i}`, email: `buyer${i % 500}@example.com`, currency: "USD",
        subtotal_price: "40.00", total_price: "45.50", total_tax: "5.50", financial_status: "paid",
        processed_at: "2026-11-20T10:00:00Z", updated_at: "2026-11-20T10:00:00Z", customer: { id: 70_000 + (i % 500) },
        line_items: [{ product_id: 1, variant_id: 2, sku: "SKU-1", title: "Balm", quantity: 1, price: "40.00" }],
      });
      return { id: randomUUID(), body, hmac: createHmac("sha256", secret).update(body).digest("base64") };
    });
    const headers = (d: Delivery) => ({
      "x-shopify-topic": "orders/create", "x-shopify-shop-domain": shop, "x-shopify-api-version": "2025-01",
      "x-shopify-webhook-id": d.id, "x-shopify-hmac-sha256": d.hmac,
    });
    // warm the path (and the pool) on deliveries of another shop id range, not measured
    await load((i) => ({ url, body: deliveries[i].body.replace('"id":8', '"id":7'), headers: { ...headers(deliveries[i]), "x-shopify-webhook-id": randomUUID(), "x-shopify-hmac-sha256": createHmac("sha256", secret).update(deliveries[i].body.replace('"id":8', '"id":7')).digest("base64") } }), 500, concurrency);
    await untilProcessed(sql, ws.id);

    const watcher = watchVisibility(sql, ws.id);
    const backlog: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [{ n }] = await sql`select count(*)::int as n from private.webhook_events
          where status in ('pending', 'failed') and workspace_id = ${ws.id}`;
        backlog.push(n);
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    const start = performance.now();
    const res = await paced((i) => ({ url, body: deliveries[i].body, headers: headers(deliveries[i]) }), total, rate, concurrency);
    const sendEnd = performance.now();
    // anything not acknowledged is sent again until it is (none expected)
    let retried = 0;
    for (let i = 0; i < total; i++) {
      while (res.status[i] !== 200) {
        retried++;
        const r = await fetch(url, { method: "POST", headers: headers(deliveries[i]), body: deliveries[i].body }).catch(() => null);
        if (r?.status === 200) {
          res.status[i] = 200;
          res.answered[i] = performance.now();
        } else await new Promise((r2) => setTimeout(r2, 200));
      }
    }
    await untilProcessed(sql, ws.id);
    const drained = performance.now();
    await new Promise((r) => setTimeout(r, 100));
    await watcher.stop();
    sampling = false;
    await sampler;

    const ackLat = Array.from(res.answered, (a, i) => a - res.sent[i]).sort((x, y) => x - y);
    const lags = deliveries.map((d, i) => (watcher.seen.get(d.id) ?? Infinity) - res.answered[i]).sort((x, y) => x - y);
    const [{ orders }] = await sql`select count(*)::int as orders from public.orders where workspace_id = ${ws.id}`;
    console.log(`webhooks sustained: ${fmt(rate, 0)} signed orders/create deliveries/s offered for ${seconds} s (${fmt(total, 0)} in all), ` +
      `open loop, at most ${concurrency} in flight`);
    console.log(`sent in ${res.seconds.toFixed(1)} s: ${fmt(total / res.seconds, 0)} deliveries/s kept; ${res.late} sent over 100 ms late; ${retried} retries`);
    console.log(`ack: p50 ${ms(percentile(ackLat, 0.5))}, p99 ${ms(percentile(ackLat, 0.99))}, max ${ms(ackLat[ackLat.length - 1])}`);
    console.log(`visible after the ack (from commit, polled every 25 ms): p50 ${ms(percentile(lags, 0.5))}, ` +
      `p99 ${ms(percentile(lags, 0.99))} (target < 1 s), max ${ms(lags[lags.length - 1])}`);
    console.log(`backlog (stored, not yet processed), sampled each second: max ${fmt(Math.max(...backlog), 0)}, ` +
      `median ${fmt([...backlog].sort((x, y) => x - y)[Math.floor(backlog.length / 2)], 0)}; drained ${((drained - sendEnd) / 1000).toFixed(1)} s after the last send`);
    const windows: string[] = [];
    for (let w = 0; w * 10 < seconds; w++) {
      const lo = start + w * 10_000, hi = lo + 10_000;
      const acked = Array.from(res.answered).filter((a) => a >= lo && a < hi).length;
      const seen = [...watcher.seen.values()].filter((s) => s >= lo && s < hi).length;
      windows.push(`${w * 10}-${w * 10 + 10} s ${fmt(acked / 10, 0)}/${fmt(seen / 10, 0)}`);
    }
    console.log(`per 10 s window, acknowledged/s vs made visible/s: ${windows.join("; ")}`);
    console.log(`stored orders ${fmt(orders - 500, 0)} of ${fmt(total, 0)} (plus 500 warm-up): ${orders - 500 === total ? "all" : "NOT ALL"}`);
  } finally {
    await done(cleanup);
  }
}
