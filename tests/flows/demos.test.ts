// Demos through the API: members build and publish, anon sees a published demo by its link and
// never a draft or the table, stats are fresh, errors carry the codes a form branches on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, userClient } from "../helpers/api.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await sql.end();
});

describe("demos", () => {
  it("are built by members, published with a video, and public by id only", async () => {
    const member = await userClient(ws.people.member.jwt);
    const bad = await member.from("demos").insert({ workspace_id: ws.id, name: "" });
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("23514");
    expect(bad.error?.message).toContain("demo name must be 1-255 characters");

    const created = await member.from("demos").insert({ workspace_id: ws.id, name: "Balm tour", agent_name: "Bea" })
      .select("id, status").single();
    expect(created.data?.status).toBe("draft");
    const demoId = created.data!.id;
    const early = await member.from("demos").update({ status: "published" }).eq("id", demoId);
    expect(early.status).toBe(409);
    expect(early.error?.message).toBe("add at least one video before publishing the demo");

    const videos = await member.from("demo_videos").insert([
      { workspace_id: ws.id, demo_id: demoId, title: "Intro", storage_path: `${ws.id}/${demoId}/intro.mp4`, order_index: 0, duration_seconds: 30 },
      { workspace_id: ws.id, demo_id: demoId, title: "Price", storage_path: `${ws.id}/${demoId}/price.mp4`, order_index: 1, duration_seconds: 12 },
    ]).select("id");
    expect(videos.error).toBeNull();
    const wrongPath = await member.from("demo_videos").insert(
      { workspace_id: ws.id, demo_id: demoId, title: "x", storage_path: "elsewhere/x.mp4", order_index: 2 });
    expect(wrongPath.error?.code).toBe("23514");

    const reordered = await member.rpc("reorder_demo_videos", { p_demo_id: demoId, p_video_ids: [videos.data![1].id, videos.data![0].id] });
    expect(reordered.error).toBeNull();
    expect(reordered.data!.map((v) => [v.title, v.order_index]).sort()).toEqual([["Intro", 1], ["Price", 0]]);

    expect((await member.from("demos").update({ status: "published" }).eq("id", demoId)).error).toBeNull();

    const anon = await anonClient();
    const pub = await anon.rpc("get_public_demo", { p_demo_id: demoId });
    expect(pub.error).toBeNull();
    expect(pub.data).toMatchObject({ name: "Balm tour", agent_name: "Bea" });
    expect((pub.data!.videos as { title: string }[]).map((v) => v.title)).toEqual(["Price", "Intro"]);
    expect(pub.data).not.toHaveProperty("tavus_persona_id");

    const listing = await anon.from("demos").select("*");
    expect(listing.status).toBe(401);
    expect(listing.error?.code).toBe("42501");

    const draft = await member.from("demos").insert({ workspace_id: ws.id, name: "Secret" }).select("id").single();
    const hidden = await anon.rpc("get_public_demo", { p_demo_id: draft.data!.id });
    expect(hidden.status).toBe(404);
    expect(hidden.error?.code).toBe("PT404");

    const stats = await member.rpc("get_demo_stats", { p_demo_id: demoId });
    // 2 videos, 30 + 12 = 42 seconds, no conversations yet.
    expect(stats.data).toMatchObject({ video_count: 2, total_video_duration: 42, conversation_count: 0, last_conversation_at: null });
    const viewer = await userClient(ws.people.viewer.jwt);
    const denied = await viewer.from("demos").insert({ workspace_id: ws.id, name: "nope" });
    expect(denied.error?.code).toBe("42501");
    const outsider = await workspaceWithRoles(sql);
    const other = await userClient(outsider.people.owner.jwt);
    const none = await other.rpc("get_demo_stats", { p_demo_id: demoId });
    expect(none.status).toBe(404);
    await sql`delete from public.workspaces where id = ${outsider.id}`;
  });
});

describe("a published demo's knowledge", () => {
  it("answers visitors with the publishable key, and rate-limits them with 429", async () => {
    const anon = await anonClient();
    // The seed's published demo: its knowledge is the knowledge seed's Q&A.
    const seeded = await anon.rpc("search_public_demo", {
      p_demo_id: "40000000-0000-4000-8000-000000000001", p_query: "can I use it with retinol?" });
    expect(seeded.error).toBeNull();
    expect(seeded.data![0].question).toBe("Can I use the serum with retinol?");

    const member = await userClient(ws.people.member.jwt);
    const demo = await member.from("demos").insert({ workspace_id: ws.id, name: "Rate-limited" }).select("id").single();
    const draft = await anon.rpc("search_public_demo", { p_demo_id: demo.data!.id, p_query: "hello" });
    expect(draft.status).toBe(404);
    await member.from("demo_videos").insert({ workspace_id: ws.id, demo_id: demo.data!.id, title: "v", order_index: 0,
      storage_path: `${ws.id}/${demo.data!.id}/v.mp4` });
    await member.from("demos").update({ status: "published" }).eq("id", demo.data!.id);
    const [rule] = await sql`select max_hits from private.rate_limit_rules where bucket = 'demo_knowledge_search'`;
    await sql`update private.rate_limit_rules set max_hits = 2 where bucket = 'demo_knowledge_search'`;
    try {
      for (let i = 0; i < 2; i++) {
        const ok = await anon.rpc("search_public_demo", { p_demo_id: demo.data!.id, p_query: "hello" });
        expect(ok.error).toBeNull();
        expect(ok.data).toEqual([]); // an empty collection answers nothing, not an error
      }
      const limited = await anon.rpc("search_public_demo", { p_demo_id: demo.data!.id, p_query: "hello" });
      expect(limited.status).toBe(429);
      expect(limited.error?.code).toBe("PT429");
    } finally {
      await sql`update private.rate_limit_rules set max_hits = ${rule.max_hits} where bucket = 'demo_knowledge_search'`;
    }
  });
});

describe("video folders", () => {
  it("refuse a move that would make a cycle with a 400", async () => {
    const member = await userClient(ws.people.member.jwt);
    const root = await member.from("video_folders").insert({ workspace_id: ws.id, name: "Root" }).select("id").single();
    const child = await member.from("video_folders").insert({ workspace_id: ws.id, name: "Child", parent_id: root.data!.id })
      .select("id").single();
    const cycle = await member.from("video_folders").update({ parent_id: child.data!.id }).eq("id", root.data!.id);
    expect(cycle.status).toBe(400);
    expect(cycle.error?.code).toBe("22023");
    expect(cycle.error?.message).toBe("a folder cannot be moved into itself or one of its own subfolders");
  });
});

describe("slack cache", () => {
  it("is written by the sync worker and read by viewers; members keep threads", async () => {
    await sql`select public.ingest_slack_channels(${ws.id}, ${sql.json([{ team_id: "T9", slack_channel_id: "C9", name: "growth" }])})`;
    const now = Math.floor(Date.now() / 1000);
    await sql`select public.ingest_slack_messages(${ws.id}, ${sql.json([
      { slack_channel_id: "C9", ts: `${now - 60}.000100`, thread_ts: `${now - 60}.000100`, slack_user_id: "U1", text: "plan?" },
      { slack_channel_id: "C9", ts: `${now - 30}.000100`, thread_ts: `${now - 60}.000100`, slack_user_id: "U2", text: "friday" },
    ])})`;
    const viewer = await userClient(ws.people.viewer.jwt);
    const threads = await viewer.from("slack_threads").select("id, reply_count, participant_ids").single();
    expect(threads.data).toMatchObject({ reply_count: 1, participant_ids: ["U2"] });
    const ingest = await viewer.rpc("ingest_slack_messages", { p_workspace_id: ws.id, p_messages: [] });
    expect(ingest.error?.code).toBe("42501");
    const refused = await viewer.rpc("preserve_slack_thread", { p_thread_id: threads.data!.id });
    expect(refused.status).toBe(403);
    const member = await userClient(ws.people.member.jwt);
    const kept = await member.rpc("preserve_slack_thread", { p_thread_id: threads.data!.id });
    expect(kept.data).toMatchObject({ preserved: true, preserved_by: ws.people.member.id });
  });
});
