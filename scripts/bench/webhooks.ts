// npm run bench -- webhooks [--requests 5000] [--concurrency 50]
// Signed Shopify orders/create deliveries against the local functions server from 50 concurrent
// senders, 10% of them redeliveries of an earlier delivery (same X-Shopify-Webhook-Id and body).
// Prints requests/s, p50/p99 latency, and stored orders vs unique deliveries (must be equal).
import { createHmac, randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { localIntegrationEnv } from "../lib/gateway.ts";
import { benchDatabase, fmt } from "./scratch.ts";

function arg(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

export async function main(args: string[]): Promise<void> {
  const total = arg(args, "requests", 5000);
  const concurrency = arg(args, "concurrency", 50);
  const c = stackConfig();
  const secret = process.env.SHOPIFY_API_SECRET ?? localIntegrationEnv(c).SHOPIFY_API_SECRET;
  const url = `${apiUrl(c)}/functions/v1/webhooks/shopify`;
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const shop = `bench-${tag}.myshopify.com`;
  const [ws] = await sql`insert into public.workspaces (name, slug, shop_domain) values ('bench', ${"bench-" + tag}, ${shop}) returning id`;
  const cleanup = `
    delete from private.webhook_events where workspace_id = '${ws.id}';
    delete from public.workspaces where id = '${ws.id}';`;
  try {
    // The plan: each request is a fresh delivery, or (10%) a redelivery of an earlier one.
    const sent: { id: string; body: string; hmac: string }[] = [];
    const plan: { id: string; body: string; hmac: string }[] = [];
    for (let i = 0; i < total; i++) {
      if (i > 10 && i % 10 === 0) {
        plan.push(sent[Math.floor(Math.random() * sent.length)]);
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
    const unique = new Set(plan.map((p) => p.id)).size;
    // node:http with keep-alive: the load generator shares this 2-core machine, so keep it lean
    // (HMACs are computed before the clock starts).
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const target = new URL(url);
    const post = (d: { id: string; body: string; hmac: string }) =>
      new Promise<number>((resolve, reject) => {
        const req = request({
          agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(d.body),
            "x-shopify-topic": "orders/create",
            "x-shopify-shop-domain": shop,
            "x-shopify-webhook-id": d.id,
            "x-shopify-hmac-sha256": d.hmac,
          },
        }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(d.body);
      });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < plan.length) {
        const d = plan[next++];
        const s = performance.now();
        const status = await post(d);
        latencies.push(performance.now() - s);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    const [{ orders }] = await sql`select count(*)::int as orders from public.orders where workspace_id = ${ws.id}`;
    const [{ events }] = await sql`select count(*)::int as events from private.webhook_events where workspace_id = ${ws.id}`;
    console.log(`\nwebhooks benchmark: ${fmt(total, 0)} signed orders/create deliveries, ${concurrency} concurrent senders, ` +
      `${fmt(total - unique, 0)} redeliveries (${((1 - unique / total) * 100).toFixed(0)}%)`);
    console.log(`throughput: ${fmt(total / seconds, 0)} requests/s over ${seconds.toFixed(1)} s (target >= 500)`);
    console.log(`latency: p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms (target p99 < 50 ms)`);
    console.log(`responses: ${[...statuses].map(([s, n]) => `${s} x ${n}`).join(", ")}`);
    console.log(`stored orders ${orders}, stored events ${events}, unique deliveries ${unique}: ${orders === unique && events === unique ? "equal" : "NOT EQUAL"}`);
  } finally {
    await done(cleanup);
  }
}
