// Post-purchase surveys from Fairing end to end through the gateway: an admin stores the API key
// (tried once, encrypted, never answered back), the first pull pages through the responses into
// survey_responses through import_survey, a pull again writes nothing new (idempotent by Fairing's
// ids), the daily pull brings today's answers, responses link to their orders (also to an order
// that arrives later), and self_reported_attribution sets what customers said against the model;
// faults: Fairing's rate limit (429 with Retry-After) and a revoked key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { day, healthOf, makeDue, runReaches } from "../helpers/analytics.ts";
import { loadSaidVsModelled } from "../frontend/analytics-inputs.ts";
import { serviceClient, userClient } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { FairingFake, type FakeResponseRow } from "../helpers/fakes/fairing.ts";
import { api, dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const fairing = fake.mount(new FairingFake());
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let connectionId: string;
const KEY = "fairing_secret_token_0123456789";
const HDYHAU = ["Instagram", "TikTok", "Google", "Friend or family", "Podcast"];
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

function response(k: number, extra: Partial<FakeResponseRow> = {}): FakeResponseRow {
  const q = [101, 102, 103][k % 3];
  return {
    id: `resp-${k}`, question_id: q,
    question: q === 101 ? "How did you hear about us?" : q === 102 ? "What made you buy today?" : "Anything else you'd like to share?",
    question_type: q === 103 ? "open_ended" : "single_response",
    available_responses: q === 101 ? [...HDYHAU].reverse() : q === 102 ? ["Reviews", "Discount"] : [],
    response: q === 101 ? HDYHAU[k % 5] : q === 102 ? "Reviews" : null,
    other_response: q === 103 ? "Love the balm" : null,
    email: `shopper${k}@example.com`,
    inserted_at: hoursAgo(2 + k),
    ...extra,
  };
}

const connect = async (jwt: string, apiKey: string) => {
  const r = await fetch(`${api}/functions/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
    body: JSON.stringify({ scope: "workspace", workspaceId: ws.id, provider: "fairing", apiKey, accountId: "demo-shop" }),
  });
  return { status: r.status, body: await r.json() };
};

beforeAll(async () => {
  await fake.start();
  ws = await workspaceWithRoles(sql);
  fairing.keys.add(KEY);
  fairing.responses = Array.from({ length: 246 }, (_, k) => response(k + 10));
  // four answers that name their orders
  fairing.responses.push(
    response(0, { id: "resp-o1", question_id: 101, response: "Instagram", order_id: `o1-${ws.tag}` }),
    response(0, { id: "resp-o2", question_id: 101, response: "Instagram", order_id: `o2-${ws.tag}` }),
    response(0, { id: "resp-o3", question_id: 101, response: "Friend or family", order_id: `o3-${ws.tag}` }),
    response(0, { id: "resp-o4", question_id: 101, response: "Google", order_id: `o4-${ws.tag}` }),
  );
  const service = await serviceClient();
  const r = await service.rpc("upsert_orders", {
    p_workspace_id: ws.id,
    p_orders: [
      { shopify_order_id: `o1-${ws.tag}`, currency: "USD", total_price_cents: 4000, processed_at: hoursAgo(3), utm_source: "google", utm_medium: "cpc" },
      { shopify_order_id: `o2-${ws.tag}`, currency: "USD", total_price_cents: 3000, processed_at: hoursAgo(3), utm_source: "instagram", utm_medium: "social" },
      { shopify_order_id: `o3-${ws.tag}`, currency: "USD", total_price_cents: 2000, processed_at: hoursAgo(3) },
    ],
  });
  expect(r.error).toBeNull();
});
afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await fake.stop();
  await sql.end();
});

describe("connect, first pull, daily pull, dashboard", () => {
  it("an admin stores the key; a key Fairing refuses is a 400 and nothing is stored; members cannot", async () => {
    expect((await connect(ws.people.member.jwt, KEY)).status).toBe(403);
    const bad = await connect(ws.people.admin.jwt, "not-the-key-at-all");
    expect([bad.status, bad.body.error.code]).toEqual([422, "key_rejected"]);
    expect(await sql`select 1 from public.integration_connections where workspace_id = ${ws.id}`).toHaveLength(0);
    const ok = await connect(ws.people.admin.jwt, KEY);
    expect(ok.status).toBe(201);
    connectionId = ok.body.connectionId;
    expect(JSON.stringify(ok.body)).not.toContain(KEY);
    const [t] = await sql`select access_token_ciphertext from private.integration_tokens where connection_id = ${connectionId}`;
    expect(t.access_token_ciphertext).toMatch(/^v1\.local1\./);
  });

  it("the first pull pages through every response into survey_responses, linked to the orders it names", async () => {
    const run = await runReaches(sql, connectionId, "initial", "succeeded");
    expect(run.pages).toBe(3);
    expect(fairing.calls("/responses").filter((r) => r.headers.authorization === KEY).at(-3)!.query.get("since"))
      .toBe(`${day(-365)}T00:00:00Z`);
    const [n] = await sql`select count(*)::int n, count(order_id)::int linked from public.survey_responses where workspace_id = ${ws.id}`;
    expect(n).toEqual({ n: 250, linked: 3 }); // o4 has not arrived yet
    const questions = await sql`select external_id, prompt, kind::text, options, attribution from public.survey_questions
      where workspace_id = ${ws.id} order by external_id`;
    expect(questions).toEqual([
      { external_id: "101", prompt: "How did you hear about us?", kind: "single_choice", options: [...HDYHAU].sort(), attribution: true },
      { external_id: "102", prompt: "What made you buy today?", kind: "single_choice", options: ["Discount", "Reviews"], attribution: false },
      { external_id: "103", prompt: "Anything else you'd like to share?", kind: "free_text", options: [], attribution: false },
    ]);
    const [open] = await sql`select answers, other_text from public.survey_responses where workspace_id = ${ws.id} and external_id = 'resp-11'`;
    expect(open).toEqual({ answers: [], other_text: "Love the balm" });
    const [state] = await sql`select responses_synced::int, last_synced_at is not null as synced from public.survey_sync_state
      where workspace_id = ${ws.id} and source = 'fairing'`;
    expect(state).toEqual({ responses_synced: 250, synced: true });
    // the email only matched a customer: it is stored nowhere in the clear
    const [plain] = await sql`select count(*)::int n from public.survey_responses r where r.workspace_id = ${ws.id}
      and r::text like '%shopper1%'`;
    expect(plain.n).toBe(0);
  });

  it("pulling again writes nothing: responses are idempotent by Fairing's id", async () => {
    await sql`select private.sync_analytics_source(${connectionId}, 'fairing')`;
    const run = await runReaches(sql, connectionId, "manual", "succeeded");
    expect(run.rows_written).toBe(0);
    expect((await sql`select count(*)::int n from public.survey_responses where workspace_id = ${ws.id}`)[0].n).toBe(250);
  });

  it("the daily pull brings today's answers; an order that arrives later is linked when it does", async () => {
    fairing.responses.push(response(300, { id: "resp-new", inserted_at: new Date().toISOString() }));
    await sql`select private.queue_analytics_syncs(${connectionId}, now() + interval '1 day')`;
    const run = await runReaches(sql, connectionId, "daily", "succeeded");
    expect(run.rows_written).toBe(1);
    const r = await (await serviceClient()).rpc("upsert_orders", {
      p_workspace_id: ws.id,
      p_orders: [{ shopify_order_id: `o4-${ws.tag}`, currency: "USD", total_price_cents: 5000, processed_at: hoursAgo(1), referring_site: "https://www.google.com/" }],
    });
    expect(r.error).toBeNull();
    const [linked] = await sql`select o.shopify_order_id from public.survey_responses s join public.orders o on o.id = s.order_id
      where s.workspace_id = ${ws.id} and s.external_id = 'resp-o4'`;
    expect(linked.shopify_order_id).toBe(`o4-${ws.tag}`);
  });

  it("what customers said, against what the model credits for the same orders", async () => {
    const viewer = await userClient(ws.people.viewer.jwt);
    const r = await viewer.rpc("self_reported_attribution", { p_workspace_id: ws.id, p_from: day(-30), p_to: day(0) });
    expect(r.error).toBeNull();
    const by = Object.fromEntries(r.data!.map((x) => [x.channel, x]));
    const said = (answers: string[]) => fairing.responses.filter((x) => x.question_id === 101 && answers.includes(x.response ?? "")).length;
    expect(by.organic_social).toMatchObject({
      responses: said(["Instagram", "TikTok"]), orders: 2, self_reported_revenue_cents: 7000, modelled_orders: 1,
      modelled_revenue_cents: 3000, agreement: 0.5,
    });
    expect(by.organic_search).toMatchObject({ responses: said(["Google"]), orders: 1, self_reported_revenue_cents: 5000, agreement: 1 });
    expect(by.referral).toMatchObject({ orders: 1, modelled_revenue_cents: 0, agreement: 0 });
    expect(by.influencer).toMatchObject({ responses: said(["Podcast"]), orders: 0, agreement: null });
    expect(by.paid_search).toMatchObject({ responses: 0, orders: 0, modelled_revenue_cents: 4000, agreement: null });
    expect(by.direct).toMatchObject({ modelled_revenue_cents: 2000 });
    const page = await loadSaidVsModelled(viewer, ws.id, day(-30), day(0));
    expect(page.find((x) => x.channel === "organic_social")).toMatchObject({ credited: "1.00", agreement: "50%" });
    expect(page.find((x) => x.channel === "paid_search")).toMatchObject({ said: 0, agreement: "—" });

    // members say what an answer means for their brand
    const member = await userClient(ws.people.member.jwt);
    const m = await member.from("survey_channel_mappings").insert({ workspace_id: ws.id, answer: "instagram", channel: "paid_social" });
    expect(m.error).toBeNull();
    const bad = await member.from("survey_channel_mappings").insert({ workspace_id: ws.id, answer: "Instagram ", channel: "paid_social" });
    expect(bad.error?.code).toBe("23514");
    const after = await viewer.rpc("self_reported_attribution", { p_workspace_id: ws.id, p_from: day(-30), p_to: day(0) });
    const by2 = Object.fromEntries(after.data!.map((x) => [x.channel, x]));
    expect(by2.paid_social).toMatchObject({ responses: said(["Instagram"]), orders: 2, self_reported_revenue_cents: 7000, agreement: 0 });
    expect(by2.organic_social).toMatchObject({ responses: said(["TikTok"]), orders: 0 });
    const outsider = await workspaceWithRoles(sql);
    try {
      const o = await (await userClient(outsider.people.owner.jwt)).rpc("self_reported_attribution", { p_workspace_id: ws.id, p_from: day(-30), p_to: day(0) });
      expect([o.status, o.error?.code]).toEqual([403, "42501"]);
    } finally {
      await dropWorkspace(sql, outsider.tag);
    }
  });
});

describe("faults", () => {
  it("Fairing's rate limit waits for Retry-After with the connection rate limited", async () => {
    fairing.fail({ kind: "throttle", seconds: 40 }, { when: "/responses" });
    await sql`select private.sync_analytics_source(${connectionId}, 'fairing')`;
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/429/);
    const h = await healthOf(sql, connectionId);
    expect(h.health).toBe("rate_limited");
    expect(new Date(h.throttled_until!).getTime() - Date.now()).toBeGreaterThan(30_000);
    await makeDue(sql, connectionId);
    await runReaches(sql, connectionId, "manual", "succeeded");
  });

  it("a revoked key needs a new one; storing it resumes the waiting pull at once", async () => {
    fairing.keys.delete(KEY);
    await sql`select private.sync_analytics_source(${connectionId}, 'fairing')`;
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/refused the API key/);
    expect((await healthOf(sql, connectionId)).health).toBe("reauth_required");
    fairing.keys.add("fairing_new_token_9876543210");
    const again = await connect(ws.people.admin.jwt, "fairing_new_token_9876543210");
    expect(again.body.connectionId).toBe(connectionId);
    expect((await healthOf(sql, connectionId)).health).toBe("ok");
    await runReaches(sql, connectionId, "manual", "succeeded");
  });
});
