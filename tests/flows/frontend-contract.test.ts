// The frontend contract of docs/api.md, through the gateway with supabase-js, as a new frontend
// meets it: getting started on Node 20; writes RLS filters out answer "0 rows" and are detected
// with .select(), while the errors the guide promises come; columns outside a role's grants;
// embeds that need the hint the guide names; one-row RPCs answering the object and row types
// telling the truth about nulls; the guide's error codes (.single() on nothing, an unknown webhook
// event, the Slack service paths); edge-function errors read with error.context.json(); the
// clock skew PostgREST allows a token.
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type Team, team, userClient } from "../helpers/api.ts";
import { anonKey, api, superuser, userJwt } from "../helpers/stack.ts";
import { functionError } from "../frontend/function-errors.ts";

const sql = superuser();
let t: Team;

beforeAll(async () => {
  t = await team(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${t.ws.id}`;
  await sql.end();
});

describe("getting started on Node 20", () => {
  it("createClient needs `ws` as Realtime's transport where Node has no WebSocket", async () => {
    const key = await anonKey();
    if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === "undefined") {
      expect(() => createClient(api, key)).toThrow(/WebSocket/);
    }
    expect(() => createClient(api, key, { realtime: { transport: WebSocket as never } })).not.toThrow();
  });

  it("an edge function's error reaches the caller through error.context.json() (the guide's functionError)", async () => {
    const { data, error } = await t.member.functions.invoke("knowledge-search", { body: { query: "" } });
    expect(data).toBeNull();
    expect(error?.message).toBe("Edge Function returned a non-2xx status code");
    const e = await functionError(error);
    expect(e).toMatchObject({ status: 400, code: "invalid_request", message: expect.any(String) });
  });

  it("a token past its exp still works for PostgREST's 30 s of clock skew, and not after", async () => {
    const recent = await userClient(await userJwt(t.ws.people.member.id, t.ws.people.member.email, -5));
    expect((await recent.from("workspaces").select("id").eq("id", t.ws.id)).data).toEqual([{ id: t.ws.id }]);
    const old = await userClient(await userJwt(t.ws.people.member.id, t.ws.people.member.email, -60));
    const r = await old.from("workspaces").select("id");
    expect(r.status).toBe(401);
    expect(r.error?.code).toBe("PGRST301");
  });
});

describe("writes RLS filters out", () => {
  it("a viewer's update matches no row: 204, or 200 [] with .select(), and nothing changes", async () => {
    const [c] = await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name)
      values (${t.ws.id}, 'meta', ${"fc-" + t.ws.tag}, 'Prospecting') returning id`;
    const plain = await t.viewer.from("ad_campaigns").update({ name: "renamed" }).eq("id", c.id);
    expect({ status: plain.status, error: plain.error }).toEqual({ status: 204, error: null });
    const asked = await t.viewer.from("ad_campaigns").update({ name: "renamed" }).eq("id", c.id).select("id");
    expect({ status: asked.status, data: asked.data }).toEqual({ status: 200, data: [] });
    const counted = await t.viewer.from("ad_campaigns").update({ name: "renamed" }, { count: "exact" }).eq("id", c.id);
    expect(counted.count).toBe(0);
    const mine = await t.member.from("ad_campaigns").update({ name: "renamed" }).eq("id", c.id).select("id, name");
    expect(mine.data).toEqual([{ id: c.id, name: "renamed" }]);
  });

  it("the same on every table the walk found: a lower role's update changes nothing and .select() shows it", async () => {
    const [q] = await sql`insert into public.survey_questions (workspace_id, external_id, prompt)
      values (${t.ws.id}, ${"fc-q-" + t.ws.tag}, 'How did you hear about us?') returning id`;
    const [a] = await sql`insert into public.ops_alerts (workspace_id, alert_type, title)
      values (${t.ws.id}, 'stock', 'Low stock') returning id`;
    await sql`insert into public.inventory_settings (workspace_id) values (${t.ws.id}) on conflict do nothing`;
    await sql`insert into public.autopilot_configs (workspace_id) values (${t.ws.id}) on conflict do nothing`;
    // [table, key column, key, patch, the role the policy refuses, the role it lets through]
    const cases = [
      ["inventory_settings", "workspace_id", t.ws.id, { demand_window_days: 14 }, t.member, t.admin],
      ["autopilot_configs", "workspace_id", t.ws.id, { target_roas: 3 }, t.member, t.admin],
      ["survey_questions", "id", q.id, { active: false }, t.viewer, t.member],
      ["ops_alerts", "id", a.id, { status: "acknowledged" }, t.viewer, t.member],
    ] as const;
    // one loop over four tables: the clients typed per table would need a branch each
    type AnyTable = { from(t: string): { update(p: object): { eq(k: string, v: string): { select(c: string): PromiseLike<{ status: number; data: unknown[] | null }> } } } };
    for (const [table, key, value, patch, lowerRole, allowedRole] of cases) {
      const [lower, allowed] = [lowerRole as unknown as AnyTable, allowedRole as unknown as AnyTable];
      const denied = await lower.from(table).update(patch).eq(key, value).select(key);
      expect({ table, status: denied.status, data: denied.data }).toEqual({ table, status: 200, data: [] });
      const [before] = await sql`select ${sql(Object.keys(patch)[0])}::text as v from ${sql("public." + table)} where ${sql(key)} = ${value}`;
      const done = await allowed.from(table).update(patch).eq(key, value).select(key);
      expect({ table, rows: done.data?.length }).toEqual({ table, rows: 1 });
      const [after] = await sql`select ${sql(Object.keys(patch)[0])}::text as v from ${sql("public." + table)} where ${sql(key)} = ${value}`;
      expect({ table, changed: before.v !== after.v }).toEqual({ table, changed: true });
    }
  });

  it("a member's delete of a support ticket (admins delete) matches no row; an admin's deletes it", async () => {
    const [ticket] = await sql`insert into public.support_tickets (workspace_id, requester_email, subject, body)
      values (${t.ws.id}, 'jane@example.com', 'Where is my order?', 'It has been a week.') returning id`;
    const denied = await t.member.from("support_tickets").delete().eq("id", ticket.id).select("id");
    expect({ status: denied.status, data: denied.data }).toEqual({ status: 200, data: [] });
    const done = await t.admin.from("support_tickets").delete().eq("id", ticket.id).select("id");
    expect(done.data).toEqual([{ id: ticket.id }]);
  });

  it("where the guide promises an error it comes: a member raising their own role is 403 42501", async () => {
    const r = await t.member.from("workspace_members").update({ role: "admin" })
      .eq("workspace_id", t.ws.id).eq("user_id", t.ws.people.member.id).select();
    expect({ status: r.status, code: r.error?.code, message: r.error?.message })
      .toEqual({ status: 403, code: "42501", message: "you cannot raise your own role" });
    const [{ role }] = await sql`select role::text from public.workspace_members
      where workspace_id = ${t.ws.id} and user_id = ${t.ws.people.member.id}`;
    expect(role).toBe("member");
  });
});

describe("columns a role may write", () => {
  it("a member proposes an approval with proposer 'user'; another proposer or a column outside the grant is refused", async () => {
    const ok = await t.member.from("agent_approvals")
      .insert({ workspace_id: t.ws.id, action: "other", title: "new hero image", proposer: "user" })
      .select("proposer, proposed_by, status").single();
    expect(ok.error).toBeNull();
    expect(ok.data).toEqual({ proposer: "user", proposed_by: t.ws.people.member.id, status: "pending" });
    const agent = await t.member.from("agent_approvals").insert({ workspace_id: t.ws.id, action: "other", title: "x", proposer: "agent" });
    expect({ status: agent.status, code: agent.error?.code }).toEqual({ status: 403, code: "42501" });
    expect(agent.error?.message).toContain("proposer must be 'user'");
    const decided = await t.member.from("agent_approvals")
      .insert({ workspace_id: t.ws.id, action: "other", title: "y", decided_by: t.ws.people.member.id });
    expect({ status: decided.status, code: decided.error?.code }).toEqual({ status: 403, code: "42501" });
  });
});

describe("embeds", () => {
  it("an ambiguous embed answers 300 PGRST201; the hint the guide names works", async () => {
    await sql`insert into public.experiments (workspace_id, key, name) values (${t.ws.id}, 'hero', 'Hero')`;
    const [{ id: exp }] = await sql`select id from public.experiments where workspace_id = ${t.ws.id} and key = 'hero'`;
    await sql`insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
      values (${t.ws.id}, ${exp}, 'control', 'Control', 50, true), (${t.ws.id}, ${exp}, 'b', 'B', 50, false)`;
    const bare = await t.viewer.from("experiments").select("key, experiment_variants(key)").eq("id", exp);
    expect({ status: bare.status, code: bare.error?.code }).toEqual({ status: 300, code: "PGRST201" });
    const hinted = await t.viewer.from("experiments")
      .select("key, experiment_variants!experiment_variants_workspace_id_experiment_id_fkey(key)").eq("id", exp).single();
    expect(hinted.data?.experiment_variants.map((v) => v.key).sort()).toEqual(["b", "control"]);
    const plain = await t.viewer.from("experiment_variants").select("key, experiments!experiment_variants_workspace_id_experiment_id_fkey(key)")
      .eq("experiment_id", exp).eq("key", "b").single();
    expect(plain.data).toEqual({ key: "b", experiments: { key: "hero" } });
  });
});

describe("RPC shapes and row types", () => {
  it("a one-row RPC answers the object; a set-returning one an array; a row type view answers []", async () => {
    const blended = await t.viewer.rpc("ads_blended_roas", { p_workspace_id: t.ws.id, p_from: "2026-11-01", p_to: "2026-11-30" });
    expect(Array.isArray(blended.data)).toBe(false);
    const b = blended.data!;
    const spend: number = b.ad_spend_cents; // never null: typed number
    const mer: number | null = b.mer;
    expect({ spend, mer }).toEqual({ spend: 0, mer: null });
    const rows = await t.viewer.rpc("ads_dashboard", { p_workspace_id: t.ws.id, p_from: "2026-11-01", p_to: "2026-11-30", p_group_by: "platform" });
    expect(Array.isArray(rows.data)).toBe(true);
    expect((await t.viewer.from("product_rating_row").select("*")).data).toEqual([]);
  });
});

describe("the guide's error codes", () => {
  it(".single() on a missing row is 406 PGRST116; .maybeSingle() is null", async () => {
    const none = await t.viewer.from("ad_campaigns").select("id").eq("id", crypto.randomUUID()).single();
    expect({ status: none.status, code: none.error?.code }).toEqual({ status: 406, code: "PGRST116" });
    expect((await t.viewer.from("ad_campaigns").select("id").eq("id", crypto.randomUUID()).maybeSingle()).data).toBeNull();
  });

  it("an unknown webhook event is 400 22023, a bad url 400 23514", async () => {
    const unknown = await t.admin.rpc("create_webhook_endpoint", {
      p_workspace_id: t.ws.id, p_url: "https://example.com/hook", p_events: ["order.exploded"], p_description: "x",
    });
    expect({ status: unknown.status, code: unknown.error?.code }).toEqual({ status: 400, code: "22023" });
    expect(unknown.error?.message).toBe("unknown event type order.exploded");
    const badUrl = await t.admin.rpc("create_webhook_endpoint", {
      p_workspace_id: t.ws.id, p_url: "ftp://example.com", p_events: ["order.created"], p_description: "x",
    });
    expect({ status: badUrl.status, code: badUrl.error?.code }).toEqual({ status: 400, code: "23514" });
  });

  it("the Slack cache takes the documented arguments from the service, and refuses members", async () => {
    const channels = await t.service.rpc("ingest_slack_channels", {
      p_workspace_id: t.ws.id, p_channels: [{ team_id: "T1", slack_channel_id: "C1", name: "growth" }],
    });
    expect(channels.data).toBe(1);
    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const messages = await t.service.rpc("ingest_slack_messages", {
      p_workspace_id: t.ws.id, p_messages: [{ slack_channel_id: "C1", ts, slack_user_id: "U1", text: "hello" }],
    });
    expect({ data: messages.data, error: messages.error }).toEqual({ data: 1, error: null });
    const member = await t.member.rpc("record_slack_poll_response", {
      p_workspace_id: t.ws.id, p_poll_id: crypto.randomUUID(), p_slack_user_id: "U1", p_option: 0,
    });
    expect({ status: member.status, code: member.error?.code }).toEqual({ status: 403, code: "42501" });
  });

  it("select('*') answers on public_demos", async () => {
    const r = await t.viewer.from("public_demos").select("*");
    expect({ status: r.status, data: r.data }).toEqual({ status: 200, data: [] });
  });

  it("the autopilot's month spend counts the campaigns' own figures, as the campaign monitor does", async () => {
    const [c] = await sql`insert into public.campaigns (workspace_id, name, status) values (${t.ws.id}, 'Newsletter', 'active') returning id`;
    await sql`insert into public.campaign_metrics (workspace_id, campaign_id, day, channel, spend_cents, revenue_cents)
      values (${t.ws.id}, ${c.id}, (now() at time zone 'UTC')::date, 'email', 1500, 6000)`;
    const dash = await t.viewer.rpc("get_autopilot_dashboard_stats", { p_workspace_id: t.ws.id });
    const monitor = await t.viewer.from("campaign_performance_monitor").select("spend_cents").eq("campaign_id", c.id).single();
    expect(dash.data?.month_spend_cents).toBe(1500);
    expect(monitor.data?.spend_cents).toBe(1500);
  });
});
