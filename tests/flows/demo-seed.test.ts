// The demo workspace a new frontend developer signs in to (npm run stack -- token member@demo.test),
// read through the gateway as its seeded users: every order has its line items, there is a
// campaign copilot chat with messages, storage holds files (and usage counts them), and a
// customer's privacy request from Shopify was exported by the privacy worker into Storage, where
// the workspace's admin downloads it. What the seed left for the running stack to finish (the
// exports) is finished by the stack's own workers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, userClient } from "../helpers/api.ts";
import { superuser, userJwt } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const DEMO = "10000000-0000-4000-8000-000000000001";
const sql = superuser();
let member: Client, admin: Client;

beforeAll(async () => {
  const person = async (email: string) => {
    const [u] = await sql`select id from auth.users where email = ${email}`;
    return await userClient(await userJwt(u.id, email));
  };
  member = await person("member@demo.test");
  admin = await person("admin@demo.test");
});
afterAll(async () => {
  await sql.end();
});

describe("the demo seed", () => {
  it("gives every order its line items", async () => {
    const { count: orders } = await member.from("orders").select("id", { count: "exact", head: true }).eq("workspace_id", DEMO);
    const { count: bare } = await member.from("orders").select("id, order_line_items!inner(id)", { count: "exact", head: true })
      .eq("workspace_id", DEMO);
    expect(orders).toBeGreaterThan(1000);
    expect(bare).toBe(orders);
  });

  it("holds a campaign copilot chat about a campaign, with messages", async () => {
    const chats = await member.from("chat_sessions").select("title, campaign_id, chat_messages(role, content)")
      .eq("workspace_id", DEMO).eq("purpose", "campaign_copilot").not("campaign_id", "is", null);
    expect(chats.error).toBeNull();
    expect(chats.data!.length).toBeGreaterThan(0);
    expect(chats.data![0].chat_messages.map((m) => m.role)).toEqual(expect.arrayContaining(["user", "assistant"]));
  });

  it("keeps files in Storage, counted in the workspace's usage, readable by its members", async () => {
    const usage = await member.from("workspace_storage_usage").select("bucket_id, bytes, objects").eq("workspace_id", DEMO);
    expect(usage.data!.map((u) => u.bucket_id).sort()).toEqual(["ai-videos", "demo-videos", "knowledge-uploads"]);
    expect(usage.data!.every((u) => u.bytes > 0 && u.objects > 0)).toBe(true);
    const files = await member.storage.from("knowledge-uploads").list(`${DEMO}/briefs`);
    expect(files.data!.map((f) => f.name)).toEqual(["spring-glow-launch.md"]);
    const brief = await member.storage.from("knowledge-uploads").download(`${DEMO}/briefs/spring-glow-launch.md`);
    expect(await brief.data!.text()).toContain("Spring Glow Launch");
    // The rows that name media point at objects that exist.
    const [{ missing }] = await sql`select count(*)::int as missing from public.demo_videos v
      where v.workspace_id = ${DEMO} and not exists (select 1 from storage.objects o
        where o.bucket_id = 'demo-videos' and o.name = v.storage_path)`;
    expect(missing).toBe(0);
  });

  it("has a customer's privacy request from Shopify, exported into Storage for the admins", async () => {
    const req = await waitFor("the seeded customer export to be completed by the worker", async () => {
      const { data } = await admin.from("privacy_requests").select("id, status, export_path")
        .eq("workspace_id", DEMO).eq("source", "shopify").eq("kind", "export").eq("status", "completed");
      return data?.[0];
    }, 30_000);
    const doc = await admin.storage.from("data-exports").download(req.export_path!);
    expect(doc.error).toBeNull();
    expect(JSON.parse(await doc.data!.text())).toMatchObject({ tables: expect.any(Object) });
    expect((await member.storage.from("data-exports").download(req.export_path!)).error).not.toBeNull();
  });
});
