// The integrations settings page: connected accounts, outbound webhook endpoints, their
// deliveries and the inbound event log, as each role and an outsider see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { team, type Team } from "../helpers/api.ts";
import { dropWorkspace, superuser } from "../helpers/stack.ts";

const sql = superuser();
let t: Team;
let shop: string;
beforeAll(async () => {
  t = await team(sql);
  shop = `flow-${t.ws.tag}.myshopify.com`;
  await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, scopes, connected_by)
    values (${t.ws.id}, 'shopify', ${shop}, '{read_orders}', ${t.ws.people.admin.id})`;
});
afterAll(async () => {
  await dropWorkspace(sql, t.ws.tag);
  await sql.end();
});

describe("connections", () => {
  it("admins and the owner list them with select('*'); members, viewers and outsiders get []; anon 401", async () => {
    for (const c of [t.owner, t.admin]) {
      const { data, error } = await c.from("integration_connections").select("*").eq("workspace_id", t.ws.id);
      expect(error).toBeNull();
      expect(data).toEqual([expect.objectContaining({ provider: "shopify", external_account_id: shop, status: "active" })]);
      // No token material on the row a browser reads.
      expect(Object.keys(data![0]).filter((k) => /token|secret|cipher/.test(k))).toEqual([]);
    }
    for (const c of [t.member, t.viewer, t.outsider]) {
      expect((await c.from("integration_connections").select("*").eq("workspace_id", t.ws.id)).data).toEqual([]);
    }
    const anon = await t.anon.from("integration_connections").select("*");
    expect([anon.status, anon.error?.code]).toEqual([401, "42501"]);
  });

  it("nobody writes a connection through the API, not even an admin: 403, the row unchanged", async () => {
    const upd = await t.admin.from("integration_connections").update({ status: "revoked" }).eq("workspace_id", t.ws.id).select();
    expect([upd.status, upd.error?.code]).toEqual([403, "42501"]);
    const ins = await t.admin.from("integration_connections")
      .insert({ workspace_id: t.ws.id, provider: "meta", external_account_id: "act_1" });
    expect([ins.status, ins.error?.code]).toEqual([403, "42501"]);
    const [row] = await sql`select status from public.integration_connections where workspace_id = ${t.ws.id}`;
    expect(row.status).toBe("active");
  });
});

describe("outbound webhook endpoints", () => {
  it("an admin creates one and sees the whsec_ secret once; the endpoint row never carries it", async () => {
    const { data, error, status } = await t.admin.rpc("create_webhook_endpoint", {
      p_workspace_id: t.ws.id, p_url: "https://hooks.example.com/growth", p_events: ["order.created"],
    });
    expect([status, error]).toEqual([200, null]);
    expect(data).toEqual([{ endpoint_id: expect.any(String), secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{40,}$/) }]);
    const row = await t.admin.from("webhook_endpoints").select("*").eq("id", data![0].endpoint_id).single();
    expect(row.data).toMatchObject({ url: "https://hooks.example.com/growth", events: ["order.created"], enabled: true });
    expect(JSON.stringify(row.data)).not.toContain("whsec_");
  });

  it("an unknown event type is a 400 naming it; a bad URL is a 400; a member is 403", async () => {
    const unknown = await t.admin.rpc("create_webhook_endpoint", {
      p_workspace_id: t.ws.id, p_url: "https://hooks.example.com/x", p_events: ["order.created", "order.exploded"],
    });
    expect([unknown.status, unknown.error?.code]).toEqual([400, "22023"]);
    expect(unknown.error?.message).toContain("order.exploded");
    const badUrl = await t.admin.rpc("create_webhook_endpoint", {
      p_workspace_id: t.ws.id, p_url: "not a url", p_events: ["order.created"],
    });
    expect([badUrl.status, badUrl.error?.code]).toEqual([400, "23514"]);
    const byMember = await t.member.rpc("create_webhook_endpoint", {
      p_workspace_id: t.ws.id, p_url: "https://hooks.example.com/x", p_events: ["order.created"],
    });
    expect([byMember.status, byMember.error?.code]).toEqual([403, "42501"]);
    expect(await sql`select 1 from public.webhook_endpoints where workspace_id = ${t.ws.id} and url = 'https://hooks.example.com/x'`)
      .toHaveLength(0);
  });

  it("an admin pauses and edits it; a member's update changes nothing; an outsider cannot see it", async () => {
    const [ep] = await sql`select id from public.webhook_endpoints where workspace_id = ${t.ws.id}`;
    const byMember = await t.member.from("webhook_endpoints").update({ enabled: false }).eq("id", ep.id).select();
    expect(byMember.data ?? []).toEqual([]);
    const paused = await t.admin.from("webhook_endpoints").update({ enabled: false, events: ["order.created", "order.updated"] })
      .eq("id", ep.id).select("enabled, events").single();
    expect(paused.data).toEqual({ enabled: false, events: ["order.created", "order.updated"] });
    const wrongEvent = await t.admin.from("webhook_endpoints").update({ events: ["nope"] }).eq("id", ep.id);
    expect([wrongEvent.status, wrongEvent.error?.code]).toEqual([400, "22023"]);
    expect((await t.outsider.from("webhook_endpoints").select("*").eq("id", ep.id)).data).toEqual([]);
  });

  it("deliveries: admins read them with select('*'), members get []", async () => {
    const [ep] = await sql`select id from public.webhook_endpoints where workspace_id = ${t.ws.id}`;
    await sql`insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload, status, attempts)
      values (${t.ws.id}, ${ep.id}, 'order.created', '{"id": 1}', 'dead', 8)`;
    const { data, error } = await t.admin.from("webhook_deliveries").select("*").eq("workspace_id", t.ws.id);
    expect(error).toBeNull();
    expect(data).toEqual([expect.objectContaining({ event_type: "order.created", status: "dead", attempts: 8 })]);
    expect((await t.member.from("webhook_deliveries").select("*").eq("workspace_id", t.ws.id)).data).toEqual([]);
  });
});

describe("inbound event log", () => {
  it("list_webhook_events: admins read it, a bad limit is 400, members 403", async () => {
    const ok = await t.admin.rpc("list_webhook_events", { p_workspace_id: t.ws.id });
    expect([ok.status, ok.error]).toEqual([200, null]);
    expect(ok.data).toEqual([]);
    const big = await t.admin.rpc("list_webhook_events", { p_workspace_id: t.ws.id, p_limit: 501 });
    expect(big.status).toBeGreaterThanOrEqual(400);
    expect(big.status).toBeLessThan(500);
    const byMember = await t.member.rpc("list_webhook_events", { p_workspace_id: t.ws.id });
    expect([byMember.status, byMember.error?.code]).toEqual([403, "42501"]);
  });
});
