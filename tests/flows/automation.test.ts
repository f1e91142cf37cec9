// Automation through the real API: the autopilot config (admins), the dashboard RPC and its
// nullable row, the optimisation preview, workflow rules run and cancelled by RPC with the codes a
// frontend branches on, and personal onboarding rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, type Client, userClient } from "../helpers/api.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";
import type { Database } from "../../types/database.ts";

type DashboardRow = Database["public"]["Views"]["autopilot_dashboard_row"]["Row"];

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let other: Awaited<ReturnType<typeof workspaceWithRoles>>;
let admin: Client;
let member: Client;
let viewer: Client;
let owner: Client;
let stranger: Client;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  other = await workspaceWithRoles(sql);
  admin = await userClient(ws.people.admin.jwt);
  member = await userClient(ws.people.member.jwt);
  viewer = await userClient(ws.people.viewer.jwt);
  owner = await userClient(ws.people.owner.jwt);
  stranger = await userClient(other.people.member.jwt);
});
afterAll(() => sql.end());

/** How a strict-mode dashboard renders a ratio that may be missing. */
function percent(value: DashboardRow["budget_used"]): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

describe("autopilot", () => {
  it("is set up by an admin; a member's write changes nothing", async () => {
    const m = await member.from("autopilot_configs").insert({ workspace_id: ws.id, enabled: true });
    expect(m.status).toBe(403);
    const a = await admin.from("autopilot_configs")
      .insert({ workspace_id: ws.id, enabled: true, monthly_budget_cents: 400000, goals: [{ metric: "leads", target: 50, period: "monthly" }] })
      .select("*").single();
    expect(a.error).toBeNull();
    expect(a.data?.target_roas).toBe(2);
    const u = await member.from("autopilot_configs").update({ monthly_budget_cents: 1 }).eq("workspace_id", ws.id).select("*");
    expect(u.data).toEqual([]);
    const bad = await admin.from("autopilot_configs").update({ goals: [{ metric: "likes", target: 1, period: "weekly" }] }).eq("workspace_id", ws.id);
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("22023");
    const log = await viewer.from("autopilot_activity_log").select("activity_type, actor_kind, actor_id").eq("workspace_id", ws.id);
    expect(log.data).toEqual([{ activity_type: "config_changed", actor_kind: "user", actor_id: ws.people.admin.id }]);
    const schedule = await viewer.from("autopilot_cron_monitor").select("job, schedule, active").eq("workspace_id", ws.id).order("job");
    expect(schedule.data).toEqual([
      { job: "weekly_report", schedule: "0 9 * * 1", active: true },
      { job: "daily_optimisation", schedule: "0 2 * * *", active: true },
    ]);
  });

  it("answers the dashboard in one call, fresh, with nulls where nothing can be measured", async () => {
    const [ad] = await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name)
      values (${ws.id}, 'google', ${"g-" + ws.tag}, 'Search') returning id`;
    // written a moment ago, not yet in the hourly rollup: the dashboard still counts it
    await sql`insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, revenue_cents)
      values (${ws.id}, 'google', 'campaign', ${ad.id}, ${ad.id}, (now() at time zone 'UTC')::date, 10000, 25000)`;
    const { data, error } = await viewer.rpc("get_autopilot_dashboard_stats", { p_workspace_id: ws.id });
    expect(error).toBeNull();
    const row: DashboardRow = data!;
    expect(row).toMatchObject({ autopilot_enabled: true, month_spend_cents: 10000, month_revenue_cents: 25000, month_roas: 2.5, budget_used: 0.025 });
    expect(percent(row.budget_used)).toBe("2.5%");
    expect(row.average_lead_score).toBeNull();
    expect(row.last_report_week_start).toBeNull();

    const theirs = await stranger.rpc("get_autopilot_dashboard_stats", { p_workspace_id: other.id });
    expect(percent(theirs.data!.budget_used)).toBe("n/a");
    const refused = await stranger.rpc("get_autopilot_dashboard_stats", { p_workspace_id: ws.id });
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe("42501");
    const anon = await (await anonClient()).rpc("get_autopilot_dashboard_stats", { p_workspace_id: ws.id });
    expect(anon.status).toBe(401);
  });

  it("previews the optimisation without changing anything", async () => {
    const { data, error } = await viewer.rpc("preview_autopilot_optimisations", { p_workspace_id: ws.id });
    expect(error).toBeNull();
    expect(data).toEqual([]); // no auto-managed campaign yet
  });

  it("files the daily proposals as pending approvals a member decides; the campaign itself is untouched", async () => {
    const [mc] = await sql`insert into public.campaigns (workspace_id, name, status, auto_managed, kpi_targets)
      values (${ws.id}, 'Auto', 'active', true, '{"target_roas": 3}') returning id`;
    const [weak] = await sql`insert into public.ad_campaigns (workspace_id, platform, external_id, name, daily_budget_cents, campaign_id)
      values (${ws.id}, 'meta', ${"weak-" + ws.tag}, 'Weak', 4000, ${mc.id}) returning id`;
    // yesterday: 20000 spent for 30000 back, ROAS 1.5 against 3
    await sql`insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, revenue_cents)
      values (${ws.id}, 'meta', 'campaign', ${weak.id}, ${weak.id}, (now() at time zone 'UTC')::date - 1, 20000, 30000)`;
    const preview = await viewer.rpc("preview_autopilot_optimisations", { p_workspace_id: ws.id });
    expect(preview.data?.map((p) => [p.kind, p.ad_campaign_id, p.roas_7d, p.target_ad_campaign_id])).toEqual([["pause_ad_campaign", weak.id, 1.5, null]]);

    await sql`select private.run_autopilot_optimisation()`; // what pg_cron runs at 02:00 UTC
    const queue = await viewer.from("agent_approvals").select("*").eq("workspace_id", ws.id).eq("status", "pending");
    expect(queue.data).toHaveLength(1);
    expect(queue.data![0]).toMatchObject({ action: "pause_ad_campaign", proposer_name: "autopilot-optimizer", subject_id: weak.id });
    expect(queue.data![0].payload).toMatchObject({ action: "pause_ad_campaign", ad_campaign_id: weak.id, to_status: "paused", target_roas: 3 });
    const dash = await viewer.rpc("get_autopilot_dashboard_stats", { p_workspace_id: ws.id });
    expect(dash.data?.pending_approvals).toBe(1);

    const decided = await member.rpc("decide_approval", { p_approval_id: queue.data![0].id, p_decision: "rejected", p_note: "launch week" });
    expect(decided.error).toBeNull();
    const [{ status }] = await sql`select status from public.ad_campaigns where id = ${weak.id}`;
    expect(status).toBe("active");
  });
});

describe("workflows", () => {
  let manualRule: string;
  let eventRule: string;

  it("a member saves rules; a bad action is a 400 naming it", async () => {
    const [c] = await sql`insert into public.campaigns (workspace_id, name) values (${ws.id}, 'Ops') returning id`;
    const bad = await member.from("workflow_rules").insert({
      workspace_id: ws.id, name: "Bad", trigger_type: "campaign_status_changed",
      actions: [{ type: "update_lead_status", params: { status: "qualified" } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^actions\[0\]: update_lead_status needs a lead trigger/);
    const manual = await member.from("workflow_rules").insert({
      workspace_id: ws.id, name: "Manual", trigger_type: "manual",
      actions: [{ type: "create_task", params: { title: "Check {{ row.what }}", campaign_id: c.id } },
                { type: "log_activity", params: { description: "later" }, delay_minutes: 60 }],
    }).select("id").single();
    expect(manual.error).toBeNull();
    manualRule = manual.data!.id;
    const event = await member.from("workflow_rules").insert({
      workspace_id: ws.id, name: "On new leads", trigger_type: "lead_created", actions: [{ type: "log_activity", params: { description: "new" } }],
    }).select("id").single();
    eventRule = event.data!.id;
  });

  it("runs a manual rule by RPC and cancels its delayed action; wrong calls get 404 and 409", async () => {
    const run = await member.rpc("run_workflow_rule", { p_rule_id: manualRule, p_subject: { what: "stock" } });
    expect(run.error).toBeNull();
    const executionId = run.data!;
    const onEvent = await member.rpc("run_workflow_rule", { p_rule_id: eventRule });
    expect(onEvent.status).toBe(409);
    expect(onEvent.error?.code).toBe("PT409");
    const unseen = await stranger.rpc("run_workflow_rule", { p_rule_id: manualRule, p_subject: { what: "x" } });
    expect(unseen.status).toBe(404);
    expect(unseen.error?.code).toBe("PT404");

    // what the every-minute pg_cron round does (with room for anything else already due)
    await sql`select private.process_scheduled_actions(100000)`;
    const tasks = await viewer.from("campaign_tasks").select("title").eq("workspace_id", ws.id);
    expect(tasks.data).toEqual([{ title: "Check stock" }]);
    const pending = await viewer.from("scheduled_actions").select("id, status").eq("execution_id", executionId).eq("status", "pending").single();
    const byViewer = await viewer.rpc("cancel_scheduled_action", { p_id: pending.data!.id });
    expect(byViewer.status).toBe(403);
    const cancelled = await member.rpc("cancel_scheduled_action", { p_id: pending.data!.id });
    expect(cancelled.data?.status).toBe("cancelled");
    const again = await member.rpc("cancel_scheduled_action", { p_id: pending.data!.id });
    expect(again.status).toBe(409);
    const execution = await viewer.from("workflow_executions").select("status, actions_succeeded, actions_cancelled").eq("id", executionId).single();
    expect(execution.data).toEqual({ status: "succeeded", actions_succeeded: 1, actions_cancelled: 1 });
  });

  it("nobody writes the queue through the API", async () => {
    const r = await member.from("scheduled_actions").update({ status: "succeeded" }).eq("workspace_id", ws.id);
    expect(r.status).toBe(403);
  });
});

describe("onboarding", () => {
  it("is personal: the owner never sees a member's steps or tours", async () => {
    const step = await member.rpc("record_onboarding_step", { p_workspace_id: ws.id, p_step_key: "connect_shop", p_status: "in_progress", p_seconds_spent: 40 });
    expect(step.error).toBeNull();
    expect(step.data).toMatchObject({ attempts: 1, time_spent_seconds: 40, user_id: ws.people.member.id });
    const mine = await member.from("onboarding_progress").select("step_key");
    expect(mine.data).toEqual([{ step_key: "connect_shop" }]);
    const seen = await owner.from("onboarding_progress").select("*");
    expect(seen.data).toEqual([]);
    const elsewhere = await member.rpc("record_onboarding_step", { p_workspace_id: other.id, p_step_key: "x", p_status: "completed" });
    expect(elsewhere.status).toBe(403);
    const tour = await member.from("feature_tours").insert({ tour_key: "inbox", tour_name: "Inbox", steps: [{ title: "Hot leads", body: "Start here" }] });
    expect(tour.status).toBe(201);
    expect((await owner.from("feature_tours").select("*")).data).toEqual([]);
    const missing = await owner.rpc("track_feature_tour", { p_tour_key: "inbox", p_event: "shown" });
    expect(missing.status).toBe(404);
    const shown = await member.rpc("track_feature_tour", { p_tour_key: "inbox", p_event: "shown" });
    expect(shown.data).toMatchObject({ status: "active", times_shown: 1 });
  });
});
