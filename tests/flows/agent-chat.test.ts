// Chat with an agent through the gateway: the answer streams back as server-sent events while it
// is written, the stored message cites the knowledge chunks it used, memories go to the agent's
// own collection, and the errors a chat screen branches on arrive before any stream.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { userClient } from "../helpers/api.ts";
import { agent, readEvents } from "../helpers/agents.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { api, anonKey, dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
type Ws = Awaited<ReturnType<typeof workspaceWithRoles>>;
let ws: Ws;
let agentId: string;
let name: string;
const openai = new FakeOpenAi();

beforeAll(async () => {
  await openai.start();
  ws = await workspaceWithRoles(sql);
  name = `Bri ${ws.tag}`;
  agentId = await agent(sql, ws.id, ws.people.admin.id, { name });
  const [c] = await sql`insert into public.knowledge_collections (workspace_id, name) values (${ws.id}, 'Policies') returning id`;
  await sql`select * from public.ingest_knowledge_document(${c.id}, 'shipping', 'Shipping policy',
    ${sql.json([{ content: "Orders ship within two business days from our Denver warehouse.", token_count: 12 },
                { content: "Returns are accepted within 30 days, opened or not.", token_count: 11 }])})`;
});

afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await openai.stop();
  await sql.end();
});

beforeEach(() => openai.chat.reset());

async function session(jwt: string, agent: string | null = agentId) {
  const client = await userClient(jwt);
  const r = await client.from("chat_sessions").insert({ workspace_id: ws.id, agent_id: agent, title: "Questions" }).select("id").single();
  expect(r.error).toBeNull();
  return r.data!.id;
}

async function say(jwt: string, sessionId: string, message: string) {
  return await fetch(`${api}/functions/v1/agent-chat`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, apikey: await anonKey(), "content-type": "application/json" },
    body: JSON.stringify({ sessionId, message }),
  });
}

describe("a chat turn", () => {
  it("streams the answer as it is written and stores it with the chunks it cites", async () => {
    openai.chat.script(
      name,
      { toolCalls: [{ name: "search_knowledge", arguments: { query: "how fast do orders ship" } }] },
      { content: "Orders leave our Denver warehouse within two business days [1].", chunkDelayMs: 60 },
    );
    const sessionId = await session(ws.people.member.jwt);
    const res = await say(ws.people.member.jwt, sessionId, "How fast do you ship?");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readEvents(res);
    expect(events[0].event).toBe("start");
    expect(events.filter((e) => e.event === "tool")).toEqual([expect.objectContaining({ data: { name: "search_knowledge", ok: true } })]);
    const deltas = events.filter((e) => e.event === "delta");
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((d) => d.data.text).join("")).toBe("Orders leave our Denver warehouse within two business days [1].");
    expect(deltas.at(-1)!.at - deltas[0].at).toBeGreaterThan(150); // pieces arrived as they streamed, not at once
    const done = events.at(-1)!;
    expect(done.event).toBe("done");

    const [chunk] = await sql`select k.id from public.knowledge_chunks k where k.workspace_id = ${ws.id} and k.content like 'Orders ship%'`;
    expect(done.data.citations).toEqual([chunk.id]);
    const member = await userClient(ws.people.member.jwt);
    const msgs = await member.from("chat_messages").select("role, content, metadata, query_id").eq("session_id", sessionId).order("id");
    expect(msgs.data!.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(msgs.data![1].metadata).toMatchObject({ citations: [chunk.id], agent_id: agentId });
    expect(msgs.data![1].query_id).not.toBeNull();
    const [run] = await sql`select kind::text, status::text, queries, chat_session_id from public.agent_runs where id = ${done.data.run_id as string}`;
    expect(run).toEqual({ kind: "chat", status: "succeeded", queries: 2, chat_session_id: sessionId });
    // the model saw the conversation's earlier turns next time
    openai.chat.script(name, { content: "As I said: two business days." });
    await readEvents(await say(ws.people.member.jwt, sessionId, "Remind me?"));
    const second = openai.chat.callsFor(name).at(-1)!.request.messages.map((m) => m.role);
    expect(second).toEqual(["system", "user", "assistant", "user"]);
  });

  it("keeps what the agent is told to remember in the agent's own collection", async () => {
    openai.chat.script(
      name,
      { toolCalls: [{ name: "remember", arguments: { fact: "The founder prefers revenue figures net of refunds." } }] },
      { content: "Noted." },
    );
    const sessionId = await session(ws.people.member.jwt);
    const events = await readEvents(await say(ws.people.member.jwt, sessionId, "Always show revenue net of refunds."));
    expect(events.at(-1)!.event).toBe("done");
    const [m] = await sql`select c.scope::text, c.owner_id from public.knowledge_chunks k
      join public.knowledge_collections c on c.id = k.collection_id
      where k.workspace_id = ${ws.id} and k.content like 'The founder prefers%'`;
    expect(m).toEqual({ scope: "agent", owner_id: agentId });
  });

  it("a refusal is the answer the user sees; a model failure ends the stream with an error event", async () => {
    openai.chat.script(name, { refusal: "I can't share that." });
    const sessionId = await session(ws.people.viewer.jwt);
    const refused = await readEvents(await say(ws.people.viewer.jwt, sessionId, "Tell me secrets."));
    expect(refused.at(-1)!.event).toBe("done");
    const [m] = await sql`select content from public.chat_messages where session_id = ${sessionId} and role = 'assistant'`;
    expect(m.content).toBe("I can't share that.");

    openai.chat.script(name, { status: 400, message: "context too long" });
    const failed = await readEvents(await say(ws.people.viewer.jwt, sessionId, "Again"));
    expect(failed.at(-1)).toMatchObject({ event: "error", data: { code: "agent_failed" } });
    expect(String(failed.at(-1)!.data.message)).toContain("context too long");
  });

  it("answers 404 for someone else's session, 409 without an agent, 401 without a token, 400 for a bad body", async () => {
    const mine = await session(ws.people.member.jwt);
    const theirs = await say(ws.people.admin.jwt, mine, "Hello");
    expect([theirs.status, (await theirs.json()).error.code]).toEqual([404, "not_found"]);
    const noAgent = await session(ws.people.member.jwt, null);
    const r409 = await say(ws.people.member.jwt, noAgent, "Hello");
    expect([r409.status, (await r409.json()).error.code]).toEqual([409, "conflict"]);
    const anon = await fetch(`${api}/functions/v1/agent-chat`, { method: "POST", headers: { apikey: await anonKey() }, body: "{}" });
    expect(anon.status).toBe(401);
    const bad = await say(ws.people.member.jwt, "not-a-uuid", "");
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, "invalid_request"]);
  });
});
