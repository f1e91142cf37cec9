// The agents domain as its frontends and services meet it through the gateway: the approval
// queue (read, decide, the errors a UI branches on), the model registry, chats and metrics.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type Client, serviceClient, userClient } from "../helpers/api.ts";
import { dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
type Ws = Awaited<ReturnType<typeof workspaceWithRoles>>;
let ws: Ws;
let other: Ws;
let service: Client;
const created: string[] = [];

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  other = await workspaceWithRoles(sql);
  created.push(ws.tag, other.tag);
  service = await serviceClient();
});

afterAll(async () => {
  for (const tag of created) {
    await dropWorkspace(sql, tag);
  }
  await sql`delete from public.ai_models where model like 'flow-%'`;
  await sql.end();
});

async function propose(title: string, extra: Record<string, unknown> = {}) {
  const { data, error } = await service.from("agent_approvals")
    .insert({ workspace_id: ws.id, action: "pause_ad_campaign", title, payload: { ad_campaign_id: crypto.randomUUID() }, ...extra })
    .select("*").single();
  expect(error).toBeNull();
  return data!;
}

describe("the approval queue", () => {
  it("a service proposes; viewers read the queue with select('*')", async () => {
    const a = await propose("Pause Prospecting", { priority: "high", proposer_name: "autopilot-optimizer" });
    expect(a).toMatchObject({ status: "pending", proposer: "system", decided_by: null });
    const viewer = await userClient(ws.people.viewer.jwt);
    const { data, error, status } = await viewer.from("agent_approvals").select("*").eq("workspace_id", ws.id)
      .eq("status", "pending");
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data!.map((r) => r.title)).toContain("Pause Prospecting");
  });

  it("viewers get 403, other workspaces 404, anon 401 when deciding", async () => {
    const a = await propose("Viewer cannot");
    const viewer = await userClient(ws.people.viewer.jwt);
    const v = await viewer.rpc("decide_approval", { p_approval_id: a.id, p_decision: "approved" });
    expect([v.status, v.error?.code]).toEqual([403, "42501"]);
    const outsider = await userClient(other.people.owner.jwt);
    const o = await outsider.rpc("decide_approval", { p_approval_id: a.id, p_decision: "approved" });
    expect([o.status, o.error?.code]).toEqual([404, "PT404"]);
    const direct = await outsider.from("agent_approvals").update({ status: "approved" }).eq("id", a.id).select("id");
    expect(direct.data).toEqual([]);
  });

  it("a member decides; decided_by and decided_at come from the session; deciding again is 409", async () => {
    const a = await propose("Member decides");
    const member = await userClient(ws.people.member.jwt);
    const before = Date.now();
    const { data, error, status } = await member.rpc("decide_approval", { p_approval_id: a.id, p_decision: "rejected", p_note: "ROAS is recovering" });
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toMatchObject({ status: "rejected", decided_by: ws.people.member.id, decision_note: "ROAS is recovering" });
    expect(Date.parse(data!.decided_at!)).toBeGreaterThanOrEqual(before - 5000);
    const [log] = await sql`select actor_id, decision, domain from public.decision_log where id = ${data!.decision_log_id}`;
    expect(log).toEqual({ actor_id: ws.people.member.id, decision: "Rejected: Member decides", domain: "ads" });
    const again = await member.rpc("decide_approval", { p_approval_id: a.id, p_decision: "approved" });
    expect([again.status, again.error?.code]).toEqual([409, "PT409"]);
  });

  it("spoofing decided_by is refused with 403", async () => {
    const a = await propose("Spoof");
    const member = await userClient(ws.people.member.jwt);
    const r = await member.from("agent_approvals").update({ status: "approved", decided_by: ws.people.owner.id } as never)
      .eq("id", a.id).select("id");
    expect([r.status, r.error?.code]).toEqual([403, "42501"]);
    const [row] = await sql`select status, decided_by from public.agent_approvals where id = ${a.id}`;
    expect(row).toEqual({ status: "pending", decided_by: null });
  });

  it("an expired proposal is 410; a batch over 100 is 413; a bad decision is 400", async () => {
    const a = await propose("Too late");
    await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update public.agent_approvals set created_at = now() - interval '4 days', expires_at = now() - interval '1 minute' where id = ${a.id}`;
    });
    const member = await userClient(ws.people.member.jwt);
    const late = await member.rpc("decide_approval", { p_approval_id: a.id, p_decision: "approved" });
    expect([late.status, late.error?.code]).toEqual([410, "PT410"]);
    expect(late.error?.message).toContain("expired");
    const many = await member.rpc("decide_approvals", { p_approval_ids: Array.from({ length: 101 }, () => a.id), p_decision: "approved" });
    expect([many.status, many.error?.code]).toEqual([413, "PT413"]);
    const bad = await member.rpc("decide_approval", { p_approval_id: a.id, p_decision: "maybe" as never });
    expect(bad.status).toBe(400);
  });

  it("the executing service reports the outcome; members cannot", async () => {
    const a = await propose("Execute me", { action: "other" }); // kind other: no executor races the service
    const member = await userClient(ws.people.member.jwt);
    await member.rpc("decide_approval", { p_approval_id: a.id, p_decision: "approved" });
    const fake = await member.from("agent_approvals").update({ status: "executed" }).eq("id", a.id).select("id");
    expect([fake.status, fake.error?.code]).toEqual([403, "42501"]);
    const done = await service.from("agent_approvals").update({ status: "executed", execution_result: { paused: true } })
      .eq("id", a.id).select("status, executed_at").single();
    expect(done.error).toBeNull();
    expect(done.data!.status).toBe("executed");
    expect(done.data!.executed_at).not.toBeNull();
  });
});

describe("the model registry", () => {
  it("every signed-in user reads it; get_default_model answers 404 without a default; users cannot write", async () => {
    await sql`insert into public.ai_models (provider, model, model_type, is_default, input_price_per_mtok_micros, output_price_per_mtok_micros)
      values ('mistral', 'flow-large', 'legacy', true, 2000000, 6000000)`;
    const outsider = await userClient(other.people.viewer.jwt);
    const m = await outsider.rpc("get_default_model", { p_provider: "mistral", p_type: "legacy" });
    expect(m.error).toBeNull();
    expect(m.data!.model).toBe("flow-large");
    expectTypeOf(m.data!.cached_input_price_per_mtok_micros).toEqualTypeOf<number | null>();
    const none = await outsider.rpc("get_default_model", { p_provider: "mistral", p_type: "reasoning" });
    expect([none.status, none.error?.code]).toEqual([404, "PT404"]);
    // 1,000 in x $2/M = 2,000 micros + 500 out x $6/M = 3,000 micros
    const cost = await outsider.rpc("estimate_ai_cost", { p_provider: "mistral", p_model: "flow-large", p_input_tokens: 1000, p_output_tokens: 500 });
    expect(cost.data).toBe(5000);
    const w = await outsider.from("ai_models").update({ is_default: false }).eq("model", "flow-large").select("id");
    expect([w.status, w.error?.code]).toEqual([403, "42501"]);
  });
});

describe("agents, runs and chats", () => {
  it("admins configure agents, members queue runs, viewers read metrics, chats stay personal", async () => {
    const admin = await userClient(ws.people.admin.jwt);
    const agent = await admin.from("agents").insert({ workspace_id: ws.id, key: "cx", name: "Casey", role: "support replies" })
      .select("*").single();
    expect(agent.error).toBeNull();
    const member = await userClient(ws.people.member.jwt);
    const denied = await member.from("agents").insert({ workspace_id: ws.id, key: "x", name: "X", role: "x" });
    expect([denied.status, denied.error?.code]).toEqual([403, "42501"]);
    const run = await member.from("agent_runs").insert({ workspace_id: ws.id, agent_id: agent.data!.id, input: { ticket: 1 } })
      .select("status, trigger, triggered_by").single();
    expect(run.data).toEqual({ status: "queued", trigger: "manual", triggered_by: ws.people.member.id });
    const viewer = await userClient(ws.people.viewer.jwt);
    const metrics = await viewer.from("agent_metrics").select("*").eq("agent_id", agent.data!.id).single();
    expect(metrics.data).toMatchObject({ runs: 1, succeeded: 0, success_rate: null, cost_micros: 0 });

    const session = await member.from("chat_sessions")
      .insert({ workspace_id: ws.id, purpose: "campaign_copilot", title: "Spring", agent_id: agent.data!.id }).select("id").single();
    const msg = await member.from("chat_messages").insert({ workspace_id: ws.id, session_id: session.data!.id, role: "user", content: "Plan spring" });
    expect(msg.error).toBeNull();
    const mine = await member.from("chat_sessions").select("message_count").eq("id", session.data!.id).single();
    expect(mine.data).toEqual({ message_count: 1 });
    const owner = await userClient(ws.people.owner.jwt);
    const theirs = await owner.from("chat_messages").select("*").eq("session_id", session.data!.id);
    expect(theirs.data).toEqual([]);
  });

  it("an admin deletes an agent that has feedback; the feedback about it goes with it", async () => {
    const admin = await userClient(ws.people.admin.jwt);
    const member = await userClient(ws.people.member.jwt);
    const agent = await admin.from("agents").insert({ workspace_id: ws.id, key: "retired", name: "Old bot", role: "copy" })
      .select("id").single();
    const run = await member.from("agent_runs").insert({ workspace_id: ws.id, agent_id: agent.data!.id, input: {} }).select("id").single();
    const fb = await member.from("agent_feedback").insert([
      { workspace_id: ws.id, kind: "rating", rating: 2, agent_id: agent.data!.id },
      { workspace_id: ws.id, kind: "thumbs_down", agent_id: agent.data!.id, run_id: run.data!.id },
    ]);
    expect(fb.error).toBeNull();
    const nothing = await member.from("agent_feedback").insert({ workspace_id: ws.id, kind: "thumbs_up" });
    expect([nothing.status, nothing.error?.code, nothing.error?.message])
      .toEqual([400, "23514", "feedback is about an agent, run, call or message"]);
    const del = await admin.from("agents").delete().eq("id", agent.data!.id);
    expect(del.status).toBe(204);
    const left = await member.from("agent_feedback").select("id").eq("workspace_id", ws.id).is("agent_id", null);
    expect(left.data).toEqual([]);
  });
});
