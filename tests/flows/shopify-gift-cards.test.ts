// Gift cards issued in Shopify exactly once, end to end: a paid order earns a card, the worker
// creates it with giftCardCreate across a 503, a lost answer (the call went through, its answer
// and our commit did not) and a retry; the code is never stored in plain text; the email is queued
// for the sender; a card that keeps failing lands in a visible failed state and an admin retries it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { ShopifyFake } from "../helpers/fakes/shopify.ts";
import { callWorker, installShop, nudge, shopifyWebhook, waitFor } from "../helpers/shopify.ts";
import { userClient } from "../helpers/api.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const shopify = fake.mount(new ShopifyFake());
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let shop: string;
const isCreate = (r: { json: unknown }) => JSON.stringify(r.json ?? "").includes("giftCardCreate");

async function paidOrder(id: number) {
  shopify.shop(shop).orders.push({ id, name: `#${id}`, email: `Buyer${id}@Example.com`, customerId: 77, total: "80.00",
    processedAt: new Date().toISOString(), updatedAt: new Date().toISOString(), items: [] });
  const r = await shopifyWebhook(shop, "orders/create", {
    id, name: `#${id}`, email: `buyer${id}@example.com`, currency: "USD", subtotal_price: "80.00", total_price: "80.00",
    financial_status: "paid", processed_at: new Date().toISOString(), updated_at: new Date().toISOString(), customer: { id: 77 }, line_items: [],
  });
  expect(r.status).toBe(200);
  return await waitFor(async () => {
    const [t] = await sql`select * from public.gift_card_transactions where workspace_id = ${ws.id} and shopify_order_id = ${String(id)}`;
    return t;
  }, 15_000, "the gift card to be awarded");
}

async function settle(id: string, statuses = ["issued", "failed"]) {
  return await waitFor(async () => {
    await nudge(sql, ws.id, "shopify_gift_cards");
    await callWorker("shopify-sync", { once: true });
    const [t] = await sql`select * from public.gift_card_transactions where id = ${id}`;
    return statuses.includes(t.status) ? t : undefined;
  }, 60_000, "the gift card to be issued or failed");
}

beforeAll(async () => {
  await fake.start();
  shopify.baseUrl = `${fake.url}/shopify`;
  ws = await workspaceWithRoles(sql);
  shop = `cards-${ws.tag}.myshopify.com`;
  await sql`insert into public.gift_card_products (workspace_id, shopify_product_id, shopify_variant_id, amount_cents, currency, min_order_subtotal_cents)
            values (${ws.id}, 'gc', 'gc-1', 1500, 'USD', 5000)`;
  const r = await installShop(ws.people.admin.jwt, ws.id, shop);
  expect(new URL(r.headers.get("location")!).searchParams.get("status")).toBe("connected");
  // the install's backfill is not what this file is about
  await sql`update private.connector_jobs set status = 'done', finished_at = now(), lease_id = null, lease_expires_at = null
            where workspace_id = ${ws.id} and queue = 'shopify_sync'`;
});

afterAll(async () => {
  await sql`delete from private.webhook_events where workspace_id = ${ws.id}`;
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fake.stop();
  await sql.end();
});

describe("gift cards issued in Shopify", () => {
  it("creates one card across a 503 and an answer lost after Shopify created it", async () => {
    shopify.fail({ kind: "status", status: 503 }, { when: isCreate, times: 1 });
    shopify.dropAfterCreate = 1;
    const t = await paidOrder(5001);
    expect(t).toMatchObject({ status: "pending", amount_cents: "1500" });
    const done = await settle(t.id);
    expect(done.status, done.last_error).toBe("issued");

    const cards = shopify.shop(shop).giftCards.filter((g) => g.note === `growthbase gift card ${t.id}`);
    expect(cards).toHaveLength(1);
    // every attempt offered the same code (the 503, the call whose answer was lost, and any resend
    // of it: Deno's fetch resends a request whose pooled connection closed, which Shopify refuses
    // as TAKEN and the reconciliation then finds)
    const creates = shopify.calls().filter(isCreate).map((c) => (c.json as { variables: { input: { code: string } } }).variables.input.code);
    expect(creates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(creates).size).toBe(1);
    expect(done.shopify_gift_card_id).toBe(String(cards[0].id));
    expect(done.code_last_characters).toBe(cards[0].code.slice(-4));
    expect(cards[0].initialValue).toBe("15.00");
    expect(cards[0].customerId).toBe("gid://shopify/Customer/77");

    // the code is nowhere in plain text: only its ciphertext, for the email sender
    const code = cards[0].code;
    const [k] = await sql`select code_ciphertext, last_characters from private.gift_card_codes where transaction_id = ${t.id}`;
    expect(k.code_ciphertext).toMatch(/^v1\.local1\./);
    expect(k.code_ciphertext).not.toContain(code);
    const everywhere = await sql`select row_to_json(x)::text as r from public.gift_card_transactions x where x.id = ${t.id}
                                 union all select row_to_json(e)::text from public.gift_card_emails e where e.transaction_id = ${t.id}
                                 union all select row_to_json(j)::text from private.connector_jobs j where j.payload ->> 'transaction_id' = ${t.id}::text
                                 union all select row_to_json(a)::text from public.audit_log a where a.workspace_id = ${ws.id}`;
    for (const row of everywhere) expect(row.r).not.toContain(code);
  });

  it("queues the email for the sender with its recipient, and hands the code over once, audited", async () => {
    const [t] = await sql`select id from public.gift_card_transactions where workspace_id = ${ws.id} and shopify_order_id = '5001'`;
    const [e] = await sql`select e.id, e.status, r.to_email from public.gift_card_emails e
                          join private.gift_card_recipients r on r.email_id = e.id where e.transaction_id = ${t.id}`;
    expect(e).toMatchObject({ status: "queued", to_email: "buyer5001@example.com" });
    const [read] = await sql`select * from private.read_gift_card_code(${e.id}, 'gift card email')`;
    expect(read.last_characters).toHaveLength(4);
    const [audit] = await sql`select reason from public.audit_log where workspace_id = ${ws.id} and table_name = 'gift_card_codes'`;
    expect(audit.reason).toBe("gift card email");
    // the sender reports the email sent: the card is emailed and its code gone for good
    await sql`update public.gift_card_emails set status = 'sent', sent_at = now() where id = ${e.id}`;
    const [after] = await sql`select status from public.gift_card_transactions where id = ${t.id}`;
    expect(after.status).toBe("emailed");
    expect(await sql`select * from private.read_gift_card_code(${e.id}, 'gift card email')`).toHaveLength(0);
  });

  it("retries failures, then shows the card failed with why; an admin's retry issues it once", async () => {
    shopify.fail({ kind: "status", status: 503 }, { when: isCreate, times: 6 });
    const t = await paidOrder(5002);
    const failed = await settle(t.id, ["failed", "issued"]);
    expect(failed.status).toBe("failed");
    expect(failed.last_error).toMatch(/Shopify answered 503/);
    // everyone in the workspace sees it; a member may not retry, an admin may
    const member = await userClient(ws.people.member.jwt);
    expect((await member.from("gift_card_transactions").select("status").eq("id", t.id).single()).data?.status).toBe("failed");
    expect((await member.rpc("retry_gift_card", { p_transaction_id: t.id })).error?.code).toBe("42501");
    const admin = await userClient(ws.people.admin.jwt);
    const retried = await admin.rpc("retry_gift_card", { p_transaction_id: t.id });
    expect(retried.error).toBeNull();
    expect(retried.data!.status).toBe("pending");
    shopify.clearFaults();
    const done = await settle(t.id);
    expect(done.status).toBe("issued");
    expect(shopify.shop(shop).giftCards.filter((g) => g.note === `growthbase gift card ${t.id}`)).toHaveLength(1);
  });
});
