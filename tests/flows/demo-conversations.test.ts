// Live demo conversations through the running stack: a visitor of a published demo (publishable
// key only) starts a conversation through the demo-conversations function, which asks the fake
// Tavus with the demo's persona, greeting and knowledge; Tavus' callbacks bring the transcript,
// which becomes searchable in the demo's knowledge and is labelled (sentiment, intent,
// confidence) by the model through the analysis worker; stats follow, the call to action
// counts. The per-address rate limit, the per-demo starts an hour and the minutes budget answer
// 429; ending works; a refusing Tavus gives the reserved minutes back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anonClient, type Client, userClient } from "../helpers/api.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { callDemoConversations, mediaFakes } from "../helpers/media.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fakes = mediaFakes();
const openai = new FakeOpenAi();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;
let n = 0;
/** A fresh visitor address per call unless a test wants the same one. */
const visitor = () => `198.51.100.${(n = (n % 250) + 1)}`;

async function publishedDemo(settings: Record<string, unknown> = {}) {
  const demo = await member.from("demos").insert({
    workspace_id: ws.id, name: "Glow tour", agent_name: "Bea", agent_personality: "Warm and precise",
    agent_objectives: ["book a call"], cta_text: "Book a call", cta_link: "https://glow.test/book",
    tavus_persona_id: "p_glow", tavus_replica_id: "r_bea", ...settings,
  }).select("id").single();
  expect(demo.error).toBeNull();
  const id = demo.data!.id;
  await member.from("demo_videos").insert({ workspace_id: ws.id, demo_id: id, title: "Intro", order_index: 0, storage_path: `${ws.id}/${id}/i.mp4` });
  expect((await member.from("demos").update({ status: "published" }).eq("id", id)).error).toBeNull();
  return id as string;
}

beforeAll(async () => {
  await fakes.server.start();
  await openai.start();
  ws = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
}, 60_000);

beforeEach(() => fakes.tavus.clearFaults());

afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await openai.stop();
  await sql.end();
});

describe("a visitor's conversation", () => {
  it("starts with the demo's persona, records the transcript into the demo's knowledge, labels it, and counts it", async () => {
    const demo = await publishedDemo();
    const started = await callDemoConversations("start", visitor(), { demoId: demo });
    expect(started.status).toBe(201);
    const { conversationId, conversationUrl } = started.body;
    expect(conversationUrl).toMatch(/^https:\/\/tavus\.daily\.co\//);
    const sent = fakes.tavus.conversations.get(conversationId)!.body;
    expect(sent).toMatchObject({ persona_id: "p_glow", replica_id: "r_bea", properties: { max_call_duration: 600 } });
    expect(sent.conversational_context).toContain("You are Bea. Warm and precise");
    expect(sent.conversational_context).toContain("Objectives: book a call");
    expect(new URL(sent.callback_url).searchParams.get("workspace")).toBe(ws.id);

    const rows = await member.from("demo_conversations").select("status, max_minutes").eq("conversation_id", conversationId);
    expect(rows.data).toEqual([{ status: "created", max_minutes: 10 }]);

    const statuses = await fakes.tavus.talk(conversationId, [
      { role: "system", content: "You are Bea." },
      { role: "assistant", content: "Hi! Ask me anything about the Glow balm." },
      { role: "user", content: "How much does the balm cost?" },
      { role: "assistant", content: "Twenty dollars a tin, shipped in recyclable tins." },
      { role: "user", content: "Great, I love it" },
    ], 3);
    expect(statuses).toEqual([200, 200, 200]);

    const labelled = await waitFor("the messages to be analysed", async () =>
      (await member.from("conversation_messages").select("message_index, role, sentiment, intent, confidence")
        .eq("conversation_id", conversationId).order("message_index")).data ?? [],
      (m) => m.length === 5 && m.filter((x) => x.role !== "system").every((x) => x.sentiment !== null));
    expect(labelled.find((m) => m.message_index === 2)).toMatchObject({ intent: "pricing_question", sentiment: "neutral", confidence: 0.9 });
    expect(labelled.find((m) => m.message_index === 4)).toMatchObject({ sentiment: "positive" });
    expect(labelled.find((m) => m.message_index === 0)).toMatchObject({ sentiment: null }); // system messages are not judged
    expect(openai.chatCalls.at(-1)!.response_format).toEqual({ type: "json_object" });

    const anon = await anonClient();
    const found = await anon.rpc("search_public_demo", { p_demo_id: demo, p_query: "recyclable tins dollars" });
    expect(found.error).toBeNull();
    expect(found.data!.map((r) => r.content).join("\n")).toContain("Twenty dollars a tin");

    const cta = await anon.rpc("record_demo_cta_click", { p_conversation_id: conversationId });
    expect(cta.error).toBeNull();
    const stats = await member.rpc("get_demo_stats", { p_demo_id: demo });
    expect(stats.data).toMatchObject({ conversation_count: 1, message_count: 5, conversation_minutes: 3, positive_messages: 1,
      neutral_messages: 3, negative_messages: 0, cta_clicks: 1, cta_conversion_rate: 1 });
  });

  it("can be ended by the visitor", async () => {
    const demo = await publishedDemo();
    const started = await callDemoConversations("start", visitor(), { demoId: demo });
    const ended = await callDemoConversations("end", visitor(), { conversationId: started.body.conversationId });
    expect(ended).toMatchObject({ status: 200, body: { status: "ended" } });
    expect(fakes.tavus.conversations.get(started.body.conversationId)!.ended).toBe(true);
    const [row] = await sql`select status::text, shutdown_reason from public.demo_conversations
      where conversation_id = ${started.body.conversationId}`;
    expect(row).toEqual({ status: "ended", shutdown_reason: "ended by the visitor" });
    expect((await callDemoConversations("end", visitor(), { conversationId: "nope" })).status).toBe(404);
  });

  it("is refused for drafts (404) and demos without a persona (409)", async () => {
    const draft = await member.from("demos").insert({ workspace_id: ws.id, name: "Draft", tavus_persona_id: "p" }).select("id").single();
    expect((await callDemoConversations("start", visitor(), { demoId: draft.data!.id })).status).toBe(404);
    const bare = await publishedDemo({ tavus_persona_id: null, tavus_replica_id: null });
    expect((await callDemoConversations("start", visitor(), { demoId: bare })).status).toBe(409);
  });
});

describe("limits", () => {
  it("the demo's minutes budget cuts further starts with 429; Tavus refusing gives the minutes back", async () => {
    const demo = await publishedDemo({ conversation_minutes_budget: 25, max_conversation_minutes: 10 });
    fakes.tavus.fail({ kind: "status", status: 500 }, { when: "/v2/conversations" });
    expect((await callDemoConversations("start", visitor(), { demoId: demo })).status).toBe(502);
    expect((await callDemoConversations("start", visitor(), { demoId: demo })).status).toBe(201);
    expect((await callDemoConversations("start", visitor(), { demoId: demo })).status).toBe(201);
    const over = await callDemoConversations("start", visitor(), { demoId: demo });
    expect(over).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
    expect(over.body.error.message).toMatch(/minutes for this month are used up/);
  });

  it("the demo's starts an hour cut further starts with 429", async () => {
    const demo = await publishedDemo({ max_conversations_per_hour: 1 });
    expect((await callDemoConversations("start", visitor(), { demoId: demo })).status).toBe(201);
    const busy = await callDemoConversations("start", visitor(), { demoId: demo });
    expect(busy.status).toBe(429);
    expect(busy.body.error.message).toMatch(/at most 1 conversations start an hour/);
  });

  it("one address is rate limited (429 with Retry-After); another is not", async () => {
    const demo = await publishedDemo();
    const [rule] = await sql`select max_hits from private.rate_limit_rules where bucket = 'demo_conversation_start'`;
    await sql`update private.rate_limit_rules set max_hits = 2 where bucket = 'demo_conversation_start'`;
    try {
      const me = "203.0.113.77";
      expect((await callDemoConversations("start", me, { demoId: demo })).status).toBe(201);
      expect((await callDemoConversations("start", me, { demoId: demo })).status).toBe(201);
      const limited = await callDemoConversations("start", me, { demoId: demo });
      expect(limited).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await callDemoConversations("start", "203.0.113.78", { demoId: demo })).status).toBe(201);
    } finally {
      await sql`update private.rate_limit_rules set max_hits = ${rule.max_hits} where bucket = 'demo_conversation_start'`;
    }
  });
});
