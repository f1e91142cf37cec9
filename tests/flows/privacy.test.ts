// Privacy through the API as a frontend, the privacy worker and Shopify drive it: settings,
// an export that holds a row from every table referencing the user (a table created during the
// test included), stored by the stack's own worker in its own Storage API and downloaded with
// supabase-js's storage client; an erasure that leaves no id or email in any text column and runs
// twice; Shopify's customers/data_request reaching the shop.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { serviceClient, userClient } from "../helpers/api.ts";
import { api, config, serviceKey, superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
const probe = `flow_probe_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
});
afterAll(async () => {
  await sql.unsafe(`drop table if exists public.${probe}`);
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await sql.end();
});

/**
 * The export is built by the gateway's privacy worker (woken at commit) and stored through the
 * stack's Storage API. One round is also asked for here, as the 5-minute sweep would, so a wake-up
 * left pending by an earlier test cannot hold it back; then wait for the request's final state.
 */
async function workUntilDone(requestId: string) {
  const round = await fetch(`${api}/functions/v1/privacy-export`, {
    method: "POST",
    headers: { authorization: `Bearer ${await serviceKey()}` },
  });
  expect(round.status).toBe(200);
  const r = await waitFor("the export to finish", async () =>
    (await sql`select status, error from public.privacy_requests where id = ${requestId}
      and status in ('completed', 'failed')`)[0], 20_000);
  expect(r.error).toBeNull();
  return r.status as string;
}

/** Every text-like and uuid column of every table in public and private holding any of the values. */
async function scanForValues(values: string[]) {
  const cols = await sql`
    select c.table_schema, c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema in ('public', 'private') and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'uuid')`;
  const hits: string[] = [];
  for (const c of cols) {
    const [{ n }] = await sql.unsafe(
      `select count(*)::int as n from "${c.table_schema}"."${c.table_name}" where "${c.column_name}"::text ilike any ($1)`,
      [values.map((v) => `%${v}%`)],
    );
    if (n > 0) hits.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
  }
  return hits;
}

describe("a user's privacy settings", () => {
  it("are theirs to read and change, within bounds, and every change is in their trail", async () => {
    const member = await userClient(ws.people.member.jwt);
    const up = await member.from("user_privacy_settings").upsert({ user_id: ws.people.member.id, marketing_consent: true })
      .select("marketing_consent, data_retention_days").single();
    expect(up.error).toBeNull();
    expect(up.data).toEqual({ marketing_consent: true, data_retention_days: 730 });
    const bad = await member.from("user_privacy_settings").update({ data_retention_days: 5 }).eq("user_id", ws.people.member.id);
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("23514");
    expect(bad.error?.message).toContain("data_retention_days must be between 30 and 3650");
    const trail = await member.from("privacy_audit_log").select("event, details");
    expect(trail.data).toEqual([{ event: "consent_changed", details: expect.objectContaining({ marketing_consent: { from: null, to: true } }) }]);
    const other = await userClient(ws.people.viewer.jwt);
    expect((await other.from("user_privacy_settings").select("*")).data).toEqual([]);
  });
});

describe("export", () => {
  it("holds a row from every table that references the user, including one added after the migrations", async () => {
    // A later migration adds a table with a user reference: nothing else changes.
    await sql.unsafe(`create table public.${probe} (
      id uuid primary key default gen_random_uuid(),
      reviewer_user_id uuid not null references auth.users (id) on delete cascade,
      note text not null)`);
    await sql.unsafe(`insert into public.${probe} (reviewer_user_id, note) values ($1, 'from the new table')`, [ws.people.member.id]);

    const member = await userClient(ws.people.member.jwt);
    const req = await member.rpc("request_data_export");
    expect(req.error).toBeNull();
    const requestId = req.data as string;
    const again = await member.rpc("request_data_export");
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe("PT409");

    expect(await workUntilDone(requestId)).toBe("completed");
    const row = await member.from("data_export_requests").select("status, export_path, download_expires_at").eq("id", requestId).single();
    expect(row.data?.status).toBe("completed");
    expect(row.data?.export_path).toBe(`account/${requestId}.json`);
    expect(new Date(row.data!.download_expires_at!).getTime()).toBeGreaterThan(Date.now() + 6.9 * 86400_000);

    // The frontend's download: the requester reads their own document, nobody else does.
    const file = await member.storage.from("data-exports").download(row.data!.export_path!);
    expect(file.error).toBeNull();
    expect(file.data!.type).toBe("application/json");
    const doc = JSON.parse(await file.data!.text());
    const stranger = await userClient(ws.people.admin.jwt);
    const refused = await stranger.storage.from("data-exports").download(row.data!.export_path!);
    expect((refused.error as { statusCode?: string } | null)?.statusCode).toBe("404");
    // Expected tables, found independently: every user-referencing column (FK to auth.users, or
    // the naming rule) that holds a row for this user, counted straight from the tables.
    const expected: string[] = [];
    for (const c of await sql`select n.nspname || '.' || k.relname as t, p.column_name::text as c, p.kind::text as k
                               from private.personal_data_columns() p join pg_class k on k.oid = p.table_name
                               join pg_namespace n on n.oid = k.relnamespace`) {
      const value = c.k === "email" ? ws.people.member.email : ws.people.member.id;
      const where = c.k === "email" ? `lower(t."${c.c}") = $1` : `t."${c.c}" = $1::uuid`;
      const [{ n }] = await sql.unsafe(`select count(*)::int as n from ${c.t} t where ${where}`, [value]);
      if (n > 0 && !expected.includes(c.t)) expected.push(c.t);
    }
    expect(Object.keys(doc.tables).sort()).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining([`public.${probe}`, "public.workspace_members", "public.user_privacy_settings"]));
    expect(doc.tables[`public.${probe}`]).toEqual([expect.objectContaining({ note: "from the new table" })]);
    expect(doc.account.email).toBe(ws.people.member.email);
  });
});

describe("erasure", () => {
  it("needs the one-time confirmation, leaves no id or email behind, and runs twice safely", async () => {
    const viewer = ws.people.viewer;
    const client = await userClient(viewer.jwt);
    // Things to erase: settings (and their trail), a mention in someone else's text.
    await client.from("user_privacy_settings").insert({ user_id: viewer.id, analytics_consent: true });
    await sql`insert into public.decision_log (workspace_id, domain, actor_id, decision, rationale)
      values (${ws.id}, 'growth', ${ws.people.admin.id}, 'ship it', ${"as " + viewer.email + " suggested"})`;

    const req = await client.rpc("request_account_erasure").single();
    expect(req.error).toBeNull();
    const { request_id, confirmation_token } = req.data!;
    const wrong = await client.rpc("confirm_account_erasure", { p_request_id: request_id, p_token: "0".repeat(64) });
    expect(wrong.status).toBe(403);
    expect(wrong.error?.code).toBe("42501");
    const ok = await client.rpc("confirm_account_erasure", { p_request_id: request_id, p_token: confirmation_token });
    expect(ok.error).toBeNull();

    // The pg_cron job (every 5 minutes) erases confirmed requests; run it now.
    await sql`select private.process_privacy_erasures()`;
    const [done] = await sql`select status, user_id, error from public.privacy_requests where id = ${request_id}`;
    expect(done).toEqual({ status: "completed", user_id: null, error: null });
    expect(await scanForValues([viewer.id, viewer.email])).toEqual([]);

    const [{ erase_user: second }] = await sql`select private.erase_user(${viewer.id})`;
    expect(second).toEqual({});
    expect(await scanForValues([viewer.id, viewer.email])).toEqual([]);
    const [trail] = await sql`select count(*)::int as n from public.privacy_audit_log where request_id = ${request_id}`;
    expect(trail.n).toBeGreaterThanOrEqual(3); // requested, confirmed, completed: kept, pseudonymous
  });

  it("is refused to the only owner of a workspace with a 409", async () => {
    const owner = await userClient(ws.people.owner.jwt);
    const r = await owner.rpc("request_account_erasure");
    expect(r.status).toBe(409);
    expect(r.error?.message).toMatch(/only owner of ws /);
  });
});

describe("Shopify customers/data_request", () => {
  it("runs the export and reaches the shop: admins see it completed and its endpoint hears of it", async () => {
    const shop = `privacy-${ws.tag}.myshopify.com`;
    // Webhooks route by the shop's active connection (a verified OAuth install).
    await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
      values (${ws.id}, 'shopify', ${shop}, 'active')`;
    await sql`select public.upsert_orders(${ws.id}, ${sql.json([{ shopify_order_id: "8101", email: "jane@example.com",
      shopify_customer_id: "81010", currency: "USD", total_price_cents: 4200, processed_at: "2026-11-20T10:00:00Z" }])})`;
    // An endpoint that refuses at once: the shared dispatcher must not wait on a real host.
    const [ep] = await sql`insert into public.webhook_endpoints (workspace_id, url, events)
      values (${ws.id}, 'http://127.0.0.1:1/privacy', '{privacy_request.completed}') returning id`;
    const body = JSON.stringify({ shop_domain: shop, customer: { id: 81010, email: "jane@example.com" }, orders_requested: [8101],
      data_request: { id: 11 } });
    const res = await fetch(`${api}/functions/v1/webhooks/shopify`, {
      method: "POST",
      headers: {
        "content-type": "application/json", "x-shopify-topic": "customers/data_request", "x-shopify-shop-domain": shop,
        "x-shopify-webhook-id": randomUUID(), "x-shopify-api-version": "2025-01",
        "x-shopify-hmac-sha256": createHmac("sha256", localIntegrationEnv(config).SHOPIFY_API_SECRET).update(body).digest("base64"),
      },
      body,
    });
    expect(res.status).toBe(200);
    // Stored at once, processed by webhook-process (woken at commit): wait for the request.
    const req = await waitFor("the data request to be processed", async () =>
      (await sql`select id from public.privacy_requests where workspace_id = ${ws.id} and kind = 'export'`)[0] as
        { id: string } | undefined);
    expect(await workUntilDone(req.id)).toBe("completed");

    // The workspace's admins download the customer's document; a member may not.
    const admin = await userClient(ws.people.admin.jwt);
    const file = await admin.storage.from("data-exports").download(`${ws.id}/privacy/${req.id}.json`);
    expect(file.error).toBeNull();
    const doc = JSON.parse(await file.data!.text());
    expect(doc.tables["public.orders"].map((o: { shopify_order_id: string }) => o.shopify_order_id)).toEqual(["8101"]);
    const memberFile = await (await userClient(ws.people.member.jwt)).storage.from("data-exports")
      .download(`${ws.id}/privacy/${req.id}.json`);
    expect(memberFile.data).toBeNull();
    const seen = await admin.from("privacy_requests").select("status, source, export_path").eq("id", req.id).single();
    expect(seen.data).toEqual({ status: "completed", source: "shopify", export_path: `${ws.id}/privacy/${req.id}.json` });
    const member = await userClient(ws.people.member.jwt);
    expect((await member.from("privacy_requests").select("id").eq("id", req.id)).data).toEqual([]);
    const [d] = await sql`select event_type from public.webhook_deliveries where endpoint_id = ${ep.id}`;
    expect(d.event_type).toBe("privacy_request.completed");
  });

  it("lets the service run the worker over HTTP only with a secret key", async () => {
    const denied = await fetch(`${api}/functions/v1/privacy-export`, { method: "POST", headers: { authorization: `Bearer ${ws.people.admin.jwt}` } });
    expect(denied.status).toBe(401);
    const service = await serviceClient();
    const r = await service.functions.invoke("privacy-export", { method: "POST" });
    expect(r.error).toBeNull();
    expect(r.data).toMatchObject({ exported: expect.any(Number), removed: expect.any(Number) });
  });
});
