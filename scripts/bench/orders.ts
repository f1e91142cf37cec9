// npm run bench -- orders [--orders 500] [--items 20]
// How long upsert_orders takes at its caps (500 orders, 10,000 line items), as a member through
// the gateway and PostgREST (the authenticated role's 8 s statement timeout applies): a full batch
// inserted, the same batch sent again (every order unchanged), a batch whose last order repeats a
// key (refused), 500 x 21 line items (over the 10,000 cap) and 500 x 250 (over the gateway's 10 MiB).
import { randomUUID } from "node:crypto";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { signAccessToken } from "../../functions/_local/keys.ts";
import { publicKeys, stackKeys } from "../lib/keys.ts";
import { arg, benchDatabase } from "./scratch.ts";

export function ordersPayload(orders: number, items: number, tag: string): Record<string, unknown>[] {
  return Array.from({ length: orders }, (_, i) => ({
    shopify_order_id: `${tag}-${i}`,
    order_number: `#${10000 + i}`,
    currency: "USD",
    total_price_cents: 1999 * items,
    processed_at: "2026-11-20T10:00:00Z",
    email: `buyer${i % 200}@example.com`,
    landing_site: "/products/serum?utm_source=meta&utm_medium=paid&utm_campaign=bench",
    line_items: Array.from({ length: items }, (_, j) => ({
      shopify_product_id: `${9000000000 + j}`,
      shopify_variant_id: `${4000000000 + j}`,
      sku: `SKU-${j}`,
      title: `Hydrating serum, 30 ml, variant ${j}`,
      quantity: 1 + (j % 3),
      price_cents: 1999,
    })),
  }));
}

export async function main(args: string[]): Promise<void> {
  const orders = arg(args, "orders", 500);
  const items = arg(args, "items", 20);
  const c = stackConfig();
  const api = apiUrl(c);
  const keys = await publicKeys(c);
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const userId = randomUUID();
  await sql`insert into auth.users (id, email) values (${userId}, ${`member-${tag}@bench.test`})`;
  const [{ id: wsId }] = await sql`insert into public.workspaces (name, slug, created_by)
    values (${"bench " + tag}, ${"bench-" + tag}, ${userId}) returning id`;
  const jwt = await signAccessToken(await stackKeys(c), {
    iss: `${api}/auth/v1`, sub: userId, role: "authenticated", aud: "authenticated", aal: "aal1",
  }, 3600);
  const call = async (payload: unknown) => {
    const body = JSON.stringify({ p_workspace_id: wsId, p_orders: payload });
    const t0 = performance.now();
    const r = await fetch(`${api}/rest/v1/rpc/upsert_orders`, {
      method: "POST",
      headers: { apikey: keys.publishableKey, authorization: `Bearer ${jwt}`, "content-type": "application/json" },
      body,
    });
    const text = await r.text();
    return { ms: performance.now() - t0, status: r.status, mb: body.length / 1e6, text: text.slice(0, 160) };
  };
  try {
    const batch = ordersPayload(orders, items, tag);
    const dup = [...batch.slice(0, -1), { ...batch[0] }];
    const wide = ordersPayload(500, 250, `${tag}-wide`);
    for (
      const [name, p] of [
        ["insert", batch],
        ["same batch again", batch],
        ["duplicate key (last order)", dup],
        ["10,500 line items", ordersPayload(500, 21, `${tag}-heavy`)],
        ["over the caps", wide],
      ] as const
    ) {
      const r = await call(p);
      const shape = `${p.length} x ${(p[0].line_items as unknown[]).length}`;
      console.log(`${name.padEnd(28)} ${shape}: ${r.mb.toFixed(1)} MB, HTTP ${r.status}, ${r.ms.toFixed(0)} ms  ${r.text}`);
    }
  } finally {
    await done(`delete from public.workspaces where id = '${wsId}'; delete from auth.users where id = '${userId}';`);
  }
}
