// Scheduled agent work and the learning loop: pg_cron's job queues a daily CEO briefing,
// insights on anomalies, commentary on the weekly autopilot report, campaign forecasts and
// drafts for the content calendar as agent runs, each stored with the run that wrote it (model,
// cost, inputs); ratings land in agent_feedback, a QC sample is drawn per agent and week, and
// decided proposals become training examples.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userClient } from "../helpers/api.ts";
import { agent, callWorker, waitFor } from "../helpers/agents.ts";
import { FakeChat } from "../helpers/fake-openai-chat.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
type Ws = Awaited<ReturnType<typeof workspaceWithRoles>>;
let ws: Ws;
let agentId: string;
let campaignId: string;
let calendarId: string;
let reportId: string;
const openai = new FakeOpenAi();

beforeAll(async () => {
  await openai.start();
  ws = await workspaceWithRoles(sql);
  agentId = await agent(sql, ws.id, ws.people.admin.id, {
    name: `Bri ${ws.tag}`,
    capabilities: ["write_briefing", "report_commentary", "insights", "forecast", "write_content"],
  });
  const [p] = await sql`insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title, price_cents)
    values (${ws.id}, 'sp1', 'sv1', 'BALM-60', 'Tallow Balm 60 ml', 2800) returning id`;
  await sql`insert into public.reorder_points (workspace_id, product_id, as_of, window_days, units_sold, avg_daily_demand, demand_stddev,
      service_level_z, reorder_point, on_hand, weeks_of_supply, below_reorder_point)
    values (${ws.id}, ${p.id}, current_date, 28, 280, 10, 2, 1.65, 120, 0, 0, true)`;
  const [c] = await sql`insert into public.campaigns (workspace_id, name, status, budget_cents) values (${ws.id}, 'Winter launch', 'active', 500000) returning id`;
  campaignId = c.id;
  const [e] = await sql`insert into public.content_calendar (workspace_id, title, content_type, channel, status, scheduled_for, campaign_id)
    values (${ws.id}, '5 winter skin myths', 'blog_post', 'content', 'planned', now() + interval '3 days', ${campaignId}) returning id`;
  calendarId = e.id;
  const [r] = await sql`insert into public.autopilot_weekly_reports (workspace_id, week_start, total_spend_cents, total_revenue_cents, roas)
    values (${ws.id}, (date_trunc('week', current_date - 1) - interval '7 days')::date, 120000, 360000, 3) returning id`;
  reportId = r.id;
});

afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await openai.stop();
  await sql.end();
});

async function drainRuns() {
  return await waitFor("the scheduled runs to finish", async () => {
    await callWorker("agent-runner", {});
    return await sql`select kind::text, status::text, error from public.agent_runs where workspace_id = ${ws.id} and trigger = 'schedule'`;
  }, (rs) => rs.length > 0 && rs.every((r) => r.status !== "queued" && r.status !== "running"), 60_000);
}

describe("scheduled work", () => {
  it("pg_cron's job queues each kind once, and each output is stored with the run that wrote it", async () => {
    openai.chat.script("Input (ceo_briefing)", {
      toolCalls: [{ name: "submit_briefing", arguments: { executive_summary: "Revenue held; Tallow Balm is out of stock and needs a reorder today.", insights: [{ title: "Stock-out", impact: "high" }] } }],
    });
    openai.chat.script("Input (anomaly_insights)", {
      toolCalls: [{ name: "submit_insights", arguments: { insights: [{ title: "Tallow Balm sold out", body: "On hand is 0 with 10 a day of demand.", impact: "high", metric: "stock_out", confidence: 0.9 }] } }],
    });
    openai.chat.script("Input (report_commentary)", {
      toolCalls: [{ name: "submit_commentary", arguments: { summary: "A 3x ROAS week carried by retargeting.", highlights: ["ROAS 3.0"], recommendations: ["Scale retargeting"] } }],
    });
    openai.chat.script("Input (campaign_prediction)", (req) => {
      const ids = [...String(req.messages[1].content).matchAll(/"campaign_id": ?"([0-9a-f-]{36})"/g)].map((m) => m[1]);
      return { toolCalls: [{ name: "submit_predictions", arguments: { predictions: ids.map((id) => ({ campaign_id: id, metric: "revenue_cents", predicted_value: 90000, lower_bound: 70000, upper_bound: 110000, confidence: 0.8 })) } }] };
    });
    openai.chat.script("Input (generated_content)",
      { toolCalls: [{ name: "search_knowledge", arguments: { query: "brand voice" } }] },
      { toolCalls: [{ name: "submit_content", arguments: { title: "5 winter skin myths, busted", body: "Myth 1: you need more moisturiser..." } }] });

    const [q] = await sql`select private.queue_scheduled_agent_work(current_date - 1, ${ws.id}) as n`;
    expect(q.n).toBe(5);
    const [again] = await sql`select private.queue_scheduled_agent_work(current_date - 1, ${ws.id}) as n`;
    expect(again.n).toBe(0);

    const runs = await drainRuns();
    expect(runs.map((r) => [r.kind, r.status, r.error]).sort()).toEqual([
      ["anomaly_insights", "succeeded", null],
      ["campaign_prediction", "succeeded", null],
      ["ceo_briefing", "succeeded", null],
      ["generated_content", "succeeded", null],
      ["report_commentary", "succeeded", null],
    ]);

    const [b] = await sql`select b.kind::text, b.executive_summary, b.generation_model, b.cost_micros, b.key_metrics, r.model, r.cost_micros as run_cost
      from public.ceo_briefings b join public.agent_runs r on r.id = b.run_id where b.workspace_id = ${ws.id}`;
    expect(b).toMatchObject({ kind: "daily", generation_model: "gpt-5", model: "gpt-5" });
    expect(Number(b.cost_micros)).toBe(Number(b.run_cost));
    expect(b.key_metrics.anomalies).toEqual([expect.objectContaining({ metric: "stock_out", sku: "BALM-60" })]);
    const owner = await userClient(ws.people.owner.jwt);
    expect((await owner.from("ceo_briefings").select("executive_summary").eq("workspace_id", ws.id)).data).toHaveLength(1);

    const [i] = await sql`select title, agent_id, run_id is not null as has_run, data -> 'inputs' as inputs from public.ai_insights where workspace_id = ${ws.id}`;
    expect(i).toMatchObject({ title: "Tallow Balm sold out", agent_id: agentId, has_run: true });
    expect(i.inputs[0]).toMatchObject({ metric: "stock_out" });

    const [w] = await sql`select ai_insights, commentary_run_id from public.autopilot_weekly_reports where id = ${reportId}`;
    expect(w.ai_insights).toMatchObject({ summary: "A 3x ROAS week carried by retargeting.", model: "gpt-5", run_id: w.commentary_run_id });

    const [pr] = await sql`select campaign_id, metric::text, predicted_value, model, inputs -> 'history' as history, run_id is not null as has_run
      from public.campaign_predictions where workspace_id = ${ws.id}`;
    expect(pr).toMatchObject({ campaign_id: campaignId, metric: "revenue_cents", model: "gpt-5", has_run: true });
    expect(pr.history[0]).toMatchObject({ campaign_id: campaignId, name: "Winter launch" });

    const [g] = await sql`select g.title, g.model, g.cost_micros, g.run_id is not null as has_run, c.generated_content_id = g.id as linked
      from public.generated_content g join public.content_calendar c on c.id = ${calendarId} where g.workspace_id = ${ws.id}`;
    expect(g).toMatchObject({ title: "5 winter skin myths, busted", model: "gpt-5", has_run: true, linked: true });
    expect(Number(g.cost_micros)).toBeGreaterThan(0);
  });

  it("nothing is queued once the month's AI budget is spent", async () => {
    await sql`insert into public.agent_settings (workspace_id, monthly_budget_micros) values (${ws.id}, 1)`;
    try {
      const [q] = await sql`select private.queue_scheduled_agent_work(current_date, ${ws.id}) as n`;
      expect(q.n).toBe(0);
    } finally {
      await sql`delete from public.agent_settings where workspace_id = ${ws.id}`;
    }
  });
});

describe("feedback, QC and learning", () => {
  it("a member's rating lands in agent_feedback; viewers cannot rate", async () => {
    const [run] = await sql`select id from public.agent_runs where workspace_id = ${ws.id} and kind = 'ceo_briefing'`;
    const member = await userClient(ws.people.member.jwt);
    const r = await member.from("agent_feedback").insert({ workspace_id: ws.id, run_id: run.id, kind: "rating", rating: 4, comment: "Useful" })
      .select("user_id, agent_id, rating").single();
    expect(r.error).toBeNull();
    expect(r.data).toEqual({ user_id: ws.people.member.id, agent_id: null, rating: 4 });
    const viewer = await userClient(ws.people.viewer.jwt);
    const v = await viewer.from("agent_feedback").insert({ workspace_id: ws.id, run_id: run.id, kind: "thumbs_up" });
    expect([v.status, v.error?.code]).toEqual([403, "42501"]);
  });

  it("a QC sample is drawn per agent and week, and the reviewer who judges it is recorded", async () => {
    const [n] = await sql`select private.draw_qc_sample(date_trunc('week', now() at time zone 'UTC')::date) as n`;
    expect(n.n).toBeGreaterThanOrEqual(1);
    const sample = await sql`select q.id, q.result::text, q.details from public.agent_qc q join public.agent_runs r on r.id = q.run_id
      where r.workspace_id = ${ws.id} and q.check_name = 'weekly_sample'`;
    expect(sample).toHaveLength(1); // 10% of 5 runs, at least 1
    expect(sample[0]).toMatchObject({ result: "pending", details: { sampled: 1, of: 5 } });
    const [again] = await sql`select private.draw_qc_sample(date_trunc('week', now() at time zone 'UTC')::date) as n`;
    expect(again.n).toBe(0);
    const member = await userClient(ws.people.member.jwt);
    const judged = await member.from("agent_qc").update({ result: "pass", score: 0.9 }).eq("id", sample[0].id).select("checked_by").single();
    expect(judged.data!.checked_by).toBe(ws.people.member.id);
  });

  it("a rejected proposal becomes a correction the agent learns from", async () => {
    const [a] = await sql`insert into public.agent_approvals (workspace_id, agent_id, action, title, rationale, payload)
      values (${ws.id}, ${agentId}, 'pause_campaign', 'Pause Winter launch', 'Low ROAS', ${sql.json({ campaign_id: campaignId })}) returning id`;
    const member = await userClient(ws.people.member.jwt);
    const r = await member.rpc("decide_approval", { p_approval_id: a.id, p_decision: "rejected", p_note: "Launch week: keep it running." });
    expect(r.error).toBeNull();
    const [t] = await sql`select kind::text, source::text, expected_output, was_correct, created_by from public.agent_training_examples
      where workspace_id = ${ws.id} and agent_id = ${agentId} and 'approval' = any (tags)`;
    expect(t).toMatchObject({ kind: "correction", source: "approval", was_correct: false, created_by: ws.people.member.id });
    expect(t.expected_output).toContain("Launch week: keep it running.");
    // and the next run's prompt carries it
    openai.chat.script("Learned?", { content: "ok" });
    const runInsert = await member.from("agent_runs").insert({ workspace_id: ws.id, agent_id: agentId, input: { task: "Learned?" } }).select("id").single();
    await waitFor("the run", async () => {
      await callWorker("agent-runner", { once: true });
      return (await sql`select status::text from public.agent_runs where id = ${runInsert.data!.id}`)[0].status;
    }, (s) => s === "succeeded");
    expect(String(openai.chat.callsFor("Learned?")[0].request.messages[0].content)).toContain("Corrected:");
    expect(FakeChat.toolNames(openai.chat.callsFor("Learned?")[0].request)).toContain("remember");
  });
});
