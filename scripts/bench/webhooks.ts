// npm run bench -- webhooks [--requests 5000] [--concurrency 50] [--restart]
// Signed Shopify orders/create deliveries through the gateway from 50 concurrent senders, 10%
// of them redeliveries of an earlier one (same X-Shopify-Webhook-Id and body). Printed side by
// side from one run:
// - the ack path: requests/s and p50/p99 latency, beside a trivial Deno server driven by the same
//   load generator (the machine's HTTP floor);
// - processing: orders/s from the first acknowledgement to the last processed event, and how long
//   each order took to become visible after its acknowledgement (p50/p99);
// - stored events = unique deliveries and stored orders = unique orders;
// - the reference for processing: as many orders stored by SQL in one statement, no HTTP load.
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
import { load, ms, trivialServer } from "./load.ts";
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

export async function main(args: string[]): Promise<void> {
  const total = arg(args, "requests", 5000);
  const concurrency = arg(args, "concurrency", 50);
  const restart = args.includes("--restart");
  const c = stackConfig();
  const secret = process.env.SHOPIFY_API_SECRET ?? localIntegrationEnv(c).SHOPIFY_API_SECRET;
  const url = `${apiUrl(c)}/functions/v1/webhooks/shopify`;
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const shop = `bench-${tag}.myshopify.com`;
  const [ws] = await sql`insert into public.workspaces (name, slug) values ('bench', ${"bench-" + tag}) returning id`;
  await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
    values (${ws.id}, 'shopify', ${shop}, 'active')`;
  const cleanup = `
    delete from private.webhook_events where workspace_id = '${ws.id}';
    delete from public.workspaces where id = '${ws.id}';`;
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
    const t0 = Date.now();
    const first = plan.slice(0, total / 2), second = plan.slice(total / 2);
    const ackA = await load((i) => request(first[i]), first.length, concurrency, 200);
    if (restart) {
      killed = true;
      await crash();
    }
    const ackB = await load((i) => request(second[i]), second.length, concurrency, 200);
    const ackSeconds = (Date.now() - t0) / 1000;
    // Whatever was not acknowledged is sent again until it is.
    for (const part of [{ res: ackA, deliveries: first }, { res: ackB, deliveries: second }]) {
      for (const d of part.res.failed.map((i) => part.deliveries[i])) {
        for (;;) {
          const r = await fetch(url, { method: "POST", headers: request(d).headers, body: d.body }).catch(() => null);
          if (r && r.status === 200) break;
          retried.count++;
          await new Promise((res) => setTimeout(res, 200));
        }
      }
    }
    // Processing: until no event of this workspace is pending.
    sweeps.count += await untilProcessed(sql, ws.id);
    const [p] = await sql`select count(*)::int as events, min(received_at) as first_in, max(processed_at) as last_out,
        count(*) filter (where status = 'processed')::int as processed,
        percentile_cont(0.5) within group (order by extract(epoch from processed_at - received_at)) * 1000 as lag_p50,
        percentile_cont(0.99) within group (order by extract(epoch from processed_at - received_at)) * 1000 as lag_p99
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
    console.log(`processing: ${fmt(p.processed / procSeconds, 0)} orders/s (target >= 1,500); visible after the ack: ` +
      `p50 ${ms(Number(p.lag_p50))}, p99 ${ms(Number(p.lag_p99))} (target p99 < 2 s)`);
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
