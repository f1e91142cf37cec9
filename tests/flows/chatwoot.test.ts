// Chatwoot in step with support tickets through the gateway and a fake Chatwoot: a workspace's
// own webhook URL opens and moves tickets, a member's reply (a curated one counted) and status
// reach the conversation through Chatwoot's API, and nothing Chatwoot told us is sent back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKeyRing } from "../../functions/_shared/crypto.ts";
import { runChatwootSync } from "../../functions/chatwoot-sync/round.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { team, type Team } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { ChatwootFake } from "../helpers/fakes/chatwoot.ts";
import { api, config, dropWorkspace, superuser } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fake = new FakeProviders();
const chatwoot = fake.mount(new ChatwootFake());
const local = localIntegrationEnv(config);
let t: Team;
let hook: string;
const conversation = String(Math.floor(Math.random() * 1e9));

const worker = async () =>
  runChatwootSync({
    sql,
    ring: await loadKeyRing(local.GROWTHBASE_TOKEN_KEYS, local.GROWTHBASE_TOKEN_KEY_ID),
    http: { fetch, now: () => Date.now() },
  });

const event = (body: Record<string, unknown>) =>
  fetch(hook, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function ticket() {
  const { data } = await t.viewer.from("support_tickets").select("id, status, source, requester_email, body")
    .eq("chatwoot_conversation_id", conversation).maybeSingle();
  return data;
}

/** Runs the worker until check() holds, with the flows' one waitFor. */
const until = <T>(check: () => Promise<T | false | null | undefined>, ms = 15_000) =>
  waitFor("the state", async () => (await worker(), await check()), Boolean, ms) as Promise<T>;

beforeAll(async () => {
  await fake.start();
  t = await team(sql);
});

afterAll(async () => {
  await dropWorkspace(sql, t.ws.tag);
  await fake.stop();
  await sql.end();
});

describe("Chatwoot", () => {
  it("connects with an admin's API token and gives a webhook URL for this workspace alone", async () => {
    const connect = (jwt: string) =>
      fetch(`${api}/functions/v1/chatwoot-connect`, {
        method: "POST",
        headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
        body: JSON.stringify({ workspaceId: t.ws.id, baseUrl: `${fake.url}/chatwoot`, accountId: "7", apiToken: chatwoot.token }),
      });
    expect((await connect(t.ws.people.member.jwt)).status).toBe(403);
    const r = await connect(t.ws.people.admin.jwt);
    expect(r.status).toBe(201);
    hook = (await r.json()).webhookUrl;
    expect(hook).toMatch(/\/functions\/v1\/webhooks\/chatwoot\?token=[0-9a-f]{64}$/);
    const [c] = await sql`select t.access_token_ciphertext from public.integration_connections c
      join private.integration_tokens t on t.connection_id = c.id where c.workspace_id = ${t.ws.id} and c.provider = 'chatwoot'`;
    expect(c.access_token_ciphertext).not.toContain(chatwoot.token);
    const wrong = await fetch(hook.replace(/token=.*/, `token=${"0".repeat(64)}`), { method: "POST", body: "{}" });
    expect(wrong.status).toBe(401);
  });

  it("opens a ticket for a new conversation, once", async () => {
    const created = {
      event: "conversation_created", id: Number(conversation), status: "open",
      meta: { sender: { email: "Carla@Shop.test", name: "Carla" } }, messages: [{ content: "Where is my order?" }],
    };
    expect((await event(created)).status).toBe(200);
    expect((await event(created)).status).toBe(200);
    expect(await ticket()).toMatchObject({ status: "open", source: "chatwoot", requester_email: "carla@shop.test", body: "Where is my order?" });
    const [{ n }] = await sql`select count(*)::int as n from public.support_tickets where workspace_id = ${t.ws.id}`;
    expect(n).toBe(1);
  });

  it("an agent's message in Chatwoot moves the ticket, and nothing is sent back", async () => {
    await event({ event: "message_created", id: 501, message_type: "outgoing", content: "Checking", conversation: { id: Number(conversation) } });
    expect((await ticket())!.status).toBe("waiting_on_customer");
    await event({ event: "message_created", id: 502, message_type: "incoming", content: "Thanks", conversation: { id: Number(conversation) } });
    expect((await ticket())!.status).toBe("open");
    await worker();
    expect(chatwoot.statuses).toEqual([]);
    const [{ n }] = await sql`select count(*)::int as n from private.connector_jobs where workspace_id = ${t.ws.id} and queue = 'chatwoot'`;
    expect(n).toBe(0);
  });

  it("sends a member's reply, a curated one counted, to the conversation; viewers cannot", async () => {
    const tk = (await ticket())!;
    const viewer = await t.viewer.rpc("send_support_reply", { p_ticket_id: tk.id, p_body: "hi" });
    expect(viewer.error?.code).toBe("42501");
    const { data: cr } = await t.member.from("support_curated_replies")
      .insert({ workspace_id: t.ws.id, title: "Shipping", short_code: "ship", body: "It ships tomorrow." }).select("id").single();
    const sent = await t.member.rpc("send_support_reply", { p_ticket_id: tk.id, p_curated_reply_id: cr!.id, p_idempotency_key: "k1" });
    expect(sent.error).toBeNull();
    const again = await t.member.rpc("send_support_reply", { p_ticket_id: tk.id, p_curated_reply_id: cr!.id, p_idempotency_key: "k1" });
    expect(again.data).toBe(sent.data);
    await until(async () => chatwoot.replies.length > 0);
    expect(chatwoot.replies).toEqual([{ account: "7", conversation, content: "It ships tomorrow." }]);
    const { data: used } = await t.viewer.from("support_curated_replies").select("usage_count").eq("id", cr!.id).single();
    expect(used!.usage_count).toBeGreaterThanOrEqual(1);
  });

  it("sets a status changed in the app in Chatwoot; Chatwoot's echo changes nothing", async () => {
    const tk = (await ticket())!;
    expect((await t.member.from("support_tickets").update({ status: "resolved" }).eq("id", tk.id)).error).toBeNull();
    await until(async () => chatwoot.statuses.length > 0);
    expect(chatwoot.statuses).toEqual([{ conversation, status: "resolved" }]);
    await event({ event: "conversation_status_changed", id: Number(conversation), status: "resolved" });
    await worker();
    expect((await ticket())!.status).toBe("resolved");
    expect(chatwoot.statuses).toHaveLength(1);
    // Chatwoot reopening it moves the ticket without an echo back
    await event({ event: "conversation_status_changed", id: Number(conversation), status: "open" });
    expect((await ticket())!.status).toBe("open");
    await worker();
    expect(chatwoot.statuses).toHaveLength(1);
  });
});
