// Marketing through the real API, as its frontend drives it: campaigns and their errors, ad
// campaigns joining a campaign, the performance monitor, leads scored by their activities, the
// lead inbox, content and strategy documents. Asserts the HTTP status and code a frontend
// branches on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, type Client, userClient } from "../helpers/api.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let other: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;
let viewer: Client;
let stranger: Client;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  other = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
  viewer = await userClient(ws.people.viewer.jwt);
  stranger = await userClient(other.people.member.jwt);
});
afterAll(() => sql.end());

describe("campaigns", () => {
  let campaignId: string;

  it("a member creates one and reads it back with select('*'); created_by is the member", async () => {
    const { data, error, status } = await member.from("campaigns")
      .insert({ workspace_id: ws.id, name: "Spring", channels: ["paid_social", "email", "email"], budget_cents: 500000, kpi_targets: { target_roas: 3 } })
      .select("*").single();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data!.channels).toEqual(["paid_social", "email"]); // enum order
    expect(data!.created_by).toBe(ws.people.member.id);
    expect(data!.status).toBe("draft");
    campaignId = data!.id;
  });

  it("answers 409 23505 with a readable message for a duplicate name", async () => {
    const { error, status } = await member.from("campaigns").insert({ workspace_id: ws.id, name: "Spring" });
    expect(status).toBe(409);
    expect(error?.code).toBe("23505");
    expect(error?.message).toBe('a campaign named "Spring" already exists in this workspace');
  });

  it("answers 400 22023 naming the bad KPI target", async () => {
    const { error, status } = await member.from("campaigns").insert({ workspace_id: ws.id, name: "K", kpi_targets: { target_ctr: 2 } });
    expect(status).toBe(400);
    expect(error?.code).toBe("22023");
    expect(error?.message).toBe("kpi_targets: target_ctr: is a ratio between 0 and 1");
  });

  it("answers 409 PT409 to a status jump the lifecycle forbids, with the path in the hint", async () => {
    const { error, status } = await member.from("campaigns").update({ status: "completed" }).eq("id", campaignId);
    expect(status).toBe(409);
    expect(error?.code).toBe("PT409");
    expect(error?.hint).toContain("draft -> planned -> active");
    const ok = await member.from("campaigns").update({ status: "active" }).eq("id", campaignId).select("status").single();
    expect(ok.data?.status).toBe("active");
  });

  it("answers 403 to a viewer who writes and 401 to anon; another workspace sees nothing", async () => {
    const v = await viewer.from("campaigns").insert({ workspace_id: ws.id, name: "Nope" });
    expect(v.status).toBe(403);
    expect(v.error?.code).toBe("42501");
    const a = await (await anonClient()).from("campaigns").select("*");
    expect(a.status).toBe(401);
    const s = await stranger.from("campaigns").select("*").eq("workspace_id", ws.id);
    expect(s.error).toBeNull();
    expect(s.data).toEqual([]);
  });

  it("links an ad campaign and shows its spend in the monitor; another workspace's campaign is refused", async () => {
    const [ad] = await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name)
      values (${ws.id}, 'meta', ${"m-" + ws.tag}, 'Meta prospecting') returning id`;
    await sql`insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, revenue_cents)
      values (${ws.id}, 'meta', 'campaign', ${ad.id}, ${ad.id}, current_date - 1, 20000, 70000)`;
    const [foreign] = await sql`insert into public.campaigns (workspace_id, name) values (${other.id}, 'Theirs') returning id`;
    const bad = await member.from("ad_campaigns").update({ campaign_id: foreign.id }).eq("id", ad.id);
    expect(bad.status).toBe(409);
    expect(bad.error?.code).toBe("23503");
    const link = await member.from("ad_campaigns").update({ campaign_id: campaignId }).eq("id", ad.id).select("campaign_id").single();
    expect(link.data?.campaign_id).toBe(campaignId);
    const { data } = await viewer.from("campaign_performance_monitor").select("*").eq("campaign_id", campaignId).single();
    // 70000 / 20000 = 3.5; 20000 of a 500000 budget = 0.04
    expect(data).toMatchObject({ ad_campaigns: 1, spend_cents: 20000, revenue_cents: 70000, roas: 3.5, target_roas: 3, budget_used: 0.04 });
  });
});

describe("leads", () => {
  it("scores a lead from its activities as soon as they are written, and refuses to write a score", async () => {
    const rule = await member.from("lead_scoring_rules")
      .insert({ workspace_id: ws.id, name: "Pricing", activity_type: "page_view", conditions: [{ field: "data.url", op: "contains", value: "/pricing" }], points: 25 })
      .select("id").single();
    expect(rule.error).toBeNull();
    const lead = await member.from("leads").insert({ workspace_id: ws.id, email: " Pat@Example.com", source: "form" }).select("*").single();
    expect(lead.data).toMatchObject({ email: "pat@example.com", score: 0 });
    const acts = await member.from("lead_activities").insert([
      { workspace_id: ws.id, lead_id: lead.data!.id, activity_type: "page_view", activity_data: { url: "/pricing" } },
      { workspace_id: ws.id, lead_id: lead.data!.id, activity_type: "page_view", activity_data: { url: "/blog" } },
    ]);
    expect(acts.status).toBe(201);
    const read = await viewer.from("leads").select("score, last_activity_at").eq("id", lead.data!.id).single();
    expect(read.data?.score).toBe(25);
    expect(read.data?.last_activity_at).not.toBeNull();

    const write = await member.from("leads").update({ score: 1000 }).eq("id", lead.data!.id);
    expect(write.status).toBe(403);
    expect(write.error?.code).toBe("42501");

    const inbox = await viewer.from("autopilot_lead_inbox").select("*").eq("lead_id", lead.data!.id).single();
    expect(inbox.data).toMatchObject({ score: 25, is_hot: false, last_activity_type: "page_view", activities_7d: 2 });
  });

  it("answers 400 22023 for a scoring rule with a bad condition, naming it", async () => {
    const { error, status } = await member.from("lead_scoring_rules")
      .insert({ workspace_id: ws.id, name: "Bad", points: 5, conditions: [{ field: "data.n", op: "gte", value: "10" }] });
    expect(status).toBe(400);
    expect(error?.message).toBe("conditions[0].value: gte compares numbers; give a number");
  });
});

describe("content and strategy", () => {
  it("keeps template variables and refuses a strategy document whose body does not fit its kind", async () => {
    const t = await member.from("email_templates")
      .insert({ workspace_id: ws.id, name: "Welcome", subject: "Hi {{ first_name }}", body_text: "Code {{code}}", variable_defaults: { code: "WELCOME" } }).select("variables").single();
    expect(t.data?.variables).toEqual(["code", "first_name"]);
    const bad = await member.from("strategy_documents").insert({
      workspace_id: ws.id, kind: "funnel_design", title: "Funnel",
      body: { stages: [{ stage: "retention", goal: "Repeat" }, { stage: "awareness", goal: "Reach" }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("22023");
    expect(bad.error?.message).toContain("body.stages[1].stage");
    const good = await member.from("strategy_documents").insert({
      workspace_id: ws.id, kind: "funnel_design", title: "Funnel", status: "active",
      body: { stages: [{ stage: "awareness", goal: "Reach" }, { stage: "retention", goal: "Repeat" }] },
    }).select("version, status").single();
    expect(good.data).toEqual({ version: 1, status: "active" });
  });

  it("answers 409 PT409 naming what uses a template or a file, and deletes them once nothing needs them", async () => {
    const t = await member.from("email_templates")
      .insert({ workspace_id: ws.id, name: "Win-back", subject: "We miss you", body_text: "Come back" }).select("id").single();
    const rule = await member.from("email_automation_rules")
      .insert({ workspace_id: ws.id, name: "Lapsed buyers", trigger_event: "purchase_made", template_id: t.data!.id, active: true })
      .select("id").single();
    expect(rule.error).toBeNull();
    const refused = await member.from("email_templates").delete().eq("id", t.data!.id);
    expect(refused.status).toBe(409);
    expect(refused.error?.code).toBe("PT409");
    expect(refused.error?.message).toBe('the active automation "Lapsed buyers" sends this template');
    expect(refused.error?.hint).toContain("pause that automation");
    await member.from("email_automation_rules").update({ active: false }).eq("id", rule.data!.id);
    const gone = await member.from("email_templates").delete().eq("id", t.data!.id).select("id");
    expect(gone.status).toBe(200);
    expect(gone.data).toHaveLength(1);

    const file = await member.from("digital_assets").insert({
      workspace_id: ws.id, name: "logo.svg", kind: "image", storage_path: `${ws.id}/brand/logo.svg`, mime_type: "image/svg+xml",
    }).select("id").single();
    await member.from("brand_assets").insert({ workspace_id: ws.id, kind: "logo", name: "Wordmark", digital_asset_id: file.data!.id });
    const kept = await member.from("digital_assets").delete().eq("id", file.data!.id);
    expect(kept.status).toBe(409);
    expect(kept.error?.message).toBe('this file is the brand logo "Wordmark"');
  });
});
