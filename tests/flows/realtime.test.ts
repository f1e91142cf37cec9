// Realtime through the gateway's /realtime/v1 with supabase-js's own realtime client (Node 20:
// `ws` as its transport), as the approval queue of a frontend uses it: a member of the workspace
// sees a new approval within a second; a member of another workspace and anon, subscribed to the
// same table, see nothing; a filter narrows; an update arrives with the new row; a channel whose
// token expired is closed instead of receiving more.
import type { RealtimeChannel, RealtimePostgresChangesPayload } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../types/database.ts";
import { anonClient, type Client, userClient } from "../helpers/api.ts";
import { superuser, userJwt, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

type Approval = Database["public"]["Tables"]["agent_approvals"]["Row"];
type Seen = RealtimePostgresChangesPayload<Approval>;

const sql = superuser();
let a: Awaited<ReturnType<typeof workspaceWithRoles>>;
let b: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client, viewer: Client, outsider: Client, anon: Client;
const open: { client: Client; channel: RealtimeChannel }[] = [];

/** Subscribes to agent_approvals changes and resolves once Realtime confirms the subscription. */
async function watch(client: Client, opts: { event?: "*" | "INSERT" | "UPDATE"; filter?: string } = {}) {
  const seen: Seen[] = [];
  const statuses: string[] = [];
  const channel = client.channel(`approvals-${crypto.randomUUID()}`)
    .on("postgres_changes", { event: (opts.event ?? "*") as "*", schema: "public", table: "agent_approvals", filter: opts.filter },
      (p: Seen) => seen.push(p))
    .subscribe((status) => statuses.push(status));
  open.push({ client, channel });
  await waitFor("the subscription", () => statuses.length > 0, 10_000);
  expect(statuses).toEqual(["SUBSCRIBED"]);
  return { seen, statuses, channel };
}

const propose = async (wsId: string, title: string, priority = "normal") => {
  const [{ id }] = await sql`select private.propose_approval(${wsId}, 'other', ${title}, '{}'::jsonb,
    p_priority => ${priority}::public.approval_priority) as id`;
  return id as string;
};

/**
 * Everything Realtime sent this client before now has arrived: a join is answered on the same
 * socket after every message written to it earlier, and changes go out in commit order.
 */
const drained = async (client: Client) => void await watch(client);

beforeAll(async () => {
  a = await workspaceWithRoles(sql);
  b = await workspaceWithRoles(sql);
  member = await userClient(a.people.member.jwt);
  viewer = await userClient(a.people.viewer.jwt);
  outsider = await userClient(b.people.member.jwt);
  anon = await anonClient();
});
afterAll(async () => {
  for (const { client, channel } of open) await client.removeChannel(channel);
  await sql`delete from public.workspaces where id in ${sql([a.id, b.id])}`;
  await sql.end();
});

describe("postgres_changes on agent_approvals", () => {
  it("a member sees their workspace's new approval within a second; another workspace's member and anon see nothing", async () => {
    const m = await watch(member);
    const v = await watch(viewer);
    const o = await watch(outsider);
    const n = await watch(anon);
    const t0 = Date.now();
    const id = await propose(a.id, "raise the budget");
    const got = await waitFor("the member to receive the approval", () => m.seen[0], 5_000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(got).toMatchObject({
      eventType: "INSERT",
      schema: "public",
      table: "agent_approvals",
      new: { id, workspace_id: a.id, title: "raise the budget", status: "pending", payload: {}, proposer: "system" },
      old: {},
      errors: null,
    });
    expect(got.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(typeof (got.new as Approval).expires_at).toBe("string");
    await waitFor("the viewer (a reader of workspace A) too", () => v.seen[0], 5_000);
    // The outsider's own workspace's approval, committed after: once it arrives, A's was decided.
    const theirs = await propose(b.id, "for workspace B");
    const own = await waitFor("the outsider to receive B's approval", () => o.seen[0], 5_000);
    expect(own.new).toMatchObject({ id: theirs, workspace_id: b.id });
    expect(o.seen).toHaveLength(1);
    await drained(anon);
    expect(n.seen).toEqual([]);
    expect(m.seen.map((p) => (p.new as Approval).id)).toEqual([id]);
  });

  it("a filter narrows what arrives, and an update carries the new row", async () => {
    const high = await watch(member, { filter: "priority=eq.high" });
    const updates = await watch(member, { event: "UPDATE" });
    await propose(a.id, "normal one");
    const id = await propose(a.id, "urgent one", "high");
    const got = await waitFor("the high-priority approval", () => high.seen[0], 5_000);
    expect(got.new).toMatchObject({ id, priority: "high" });
    expect(high.seen).toHaveLength(1);
    const decided = await member.rpc("decide_approval", { p_approval_id: id, p_decision: "approved" });
    expect(decided.error).toBeNull();
    const upd = await waitFor("the update", () => updates.seen.find((p) => (p.new as Approval).id === id), 5_000);
    // As hosted: without replica identity full an update carries no old values.
    expect(upd).toMatchObject({ eventType: "UPDATE", new: { id, status: "approved", decided_by: a.people.member.id }, old: {} });
  });

  it("closes a channel whose access token has expired instead of sending it more", async () => {
    const expiresAt = (Math.floor(Date.now() / 1000) + 2) * 1000; // the token's exp, in ms
    const shortLived = await userClient(await userJwt(a.people.member.id, a.people.member.email, 2));
    const w = await watch(shortLived);
    await waitFor("the token to expire", () => Date.now() > expiresAt, 5_000);
    await propose(a.id, "after expiry");
    await waitFor("the channel to close", () => w.statuses.includes("CLOSED"), 5_000);
    expect(w.seen).toEqual([]);
  });

  it("refuses a join with a bad binding or an invalid token", async () => {
    const bad = await userClient("not-a-jwt");
    const statuses: string[] = [];
    const ch = bad.channel("x").on("postgres_changes", { event: "*", schema: "public", table: "agent_approvals" }, () => {})
      .subscribe((s) => statuses.push(s));
    open.push({ client: bad, channel: ch });
    await waitFor("the refusal", () => statuses.length > 0, 10_000);
    expect(statuses[0]).toBe("CHANNEL_ERROR");
  });
});
