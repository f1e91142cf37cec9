// Support tickets and post-purchase surveys through the gateway: the storefront's contact form
// (anon), the team working tickets and reading survey results (user tokens), the survey sync
// (secret key).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, serviceClient, userClient } from "../helpers/api.ts";
import { visitorClient } from "../helpers/storefront.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;
let viewer: Client;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
  viewer = await userClient(ws.people.viewer.jwt);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await sql.end();
});

describe("support tickets", () => {
  it("the storefront opens tickets through the narrow RPC only, rate limited per address", async () => {
    const visitor = await visitorClient();
    const open = (body: string) =>
      visitor.rpc("create_support_ticket", { p_workspace_id: ws.id, p_email: "Ann@Example.test", p_subject: "Where is my order?", p_body: body,
        p_category: "shipping" });
    const first = await open("It has been a week.");
    expect(first.error).toBeNull();
    expect(first.data).toEqual([{ ticket_id: expect.any(String), status: "open", created_at: expect.any(String) }]);
    const read = await visitor.from("support_tickets").select("*");
    expect(read.status).toBe(401);
    expect(read.error?.code).toBe("42501");
    const bad = await visitor.rpc("create_support_ticket", { p_workspace_id: ws.id, p_email: "nope", p_subject: "x", p_body: "y" });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ code: "22023", message: "a valid email address is required" });
    for (let i = 0; i < 4; i++) expect((await open(`follow-up ${i}`)).status).toBe(200);
    const limited = await open("one too many");
    expect(limited.status).toBe(429);
    expect(limited.error?.code).toBe("PT429");
  });

  it("the team works a ticket through its workflow; a closed ticket stays closed", async () => {
    const tickets = await viewer.from("support_tickets").select("*").eq("workspace_id", ws.id).order("created_at");
    expect(tickets.error).toBeNull();
    expect(tickets.data).toHaveLength(5);
    expect(tickets.data![0]).toMatchObject({ source: "storefront", requester_email: "ann@example.test", status: "open" });
    const id = tickets.data![0].id;
    const denied = await viewer.from("support_tickets").update({ status: "closed" }).eq("id", id).select();
    expect(denied.data).toEqual([]);
    for (const status of ["in_progress", "resolved", "closed"] as const) {
      const r = await member.from("support_tickets").update({ status, assigned_to: ws.people.member.id }).eq("id", id).select().single();
      expect(r.error, status).toBeNull();
      expect(r.data?.status).toBe(status);
    }
    const reopen = await member.from("support_tickets").update({ status: "open" }).eq("id", id).select();
    expect(reopen.status).toBe(409);
    expect(reopen.error).toMatchObject({ code: "PT409", message: "a closed ticket cannot be reopened; open a new ticket" });
    const outsider = await member.from("support_tickets").update({ assigned_to: crypto.randomUUID() }).eq("id", id).select();
    expect(outsider.status).toBe(400);
    expect(outsider.error?.code).toBe("22023");
  });

  it("curated replies: members write them, uses are counted, the count is not writable", async () => {
    const created = await member.from("support_curated_replies").insert({ workspace_id: ws.id, title: "Shipping times",
      short_code: "shipping", body: "We ship within 2 days." }).select("*").single();
    expect(created.error).toBeNull();
    expect((await member.rpc("record_curated_reply_use", { p_reply_id: created.data!.id })).data).toBe(1);
    const dup = await member.from("support_curated_replies").insert({ workspace_id: ws.id, title: "Again", short_code: "shipping",
      body: "x" });
    expect(dup.status).toBe(409);
    expect(dup.error?.code).toBe("23505");
    const rows = await viewer.from("support_curated_replies").select("*").eq("workspace_id", ws.id);
    expect(rows.data).toEqual([expect.objectContaining({ short_code: "shipping", usage_count: 1 })]);
  });
});

describe("post-purchase surveys", () => {
  it("the sync stores answers once; the team reads counts and a newest-first feed", async () => {
    const service = await serviceClient();
    const payload = {
      p_workspace_id: ws.id,
      p_questions: [{ id: "hdyhau", prompt: "How did you hear about us?", options: ["Instagram", "Podcast", "Friend"] }],
      p_responses: [
        { id: "1", question_id: "hdyhau", answers: ["Instagram"], responded_at: "2026-11-20T10:00:00Z" },
        { id: "2", question_id: "hdyhau", answers: ["Podcast"], responded_at: "2026-11-21T10:00:00Z" },
        { id: "3", question_id: "hdyhau", answers: ["Instagram"], other_text: "a reel", responded_at: "2026-11-22T10:00:00Z" },
      ],
      p_cursor: "page-2",
    };
    expect((await service.rpc("import_survey", payload)).data)
      .toEqual([{ questions_upserted: 1, responses_inserted: 3, responses_updated: 0, responses_unchanged: 0 }]);
    expect((await service.rpc("import_survey", payload)).data)
      .toEqual([{ questions_upserted: 0, responses_inserted: 0, responses_updated: 0, responses_unchanged: 3 }]);

    const counts = await viewer.from("survey_answer_counts").select("answer, responses").eq("workspace_id", ws.id)
      .order("responses", { ascending: false });
    expect(counts.data).toEqual([{ answer: "Instagram", responses: 2 }, { answer: "Podcast", responses: 1 }]);
    const feed = await viewer.from("survey_feed").select("*").eq("workspace_id", ws.id)
      .order("responded_at", { ascending: false }).order("id", { ascending: false }).limit(2);
    expect(feed.data!.map((r) => [r.answers, r.other_text, r.question_prompt])).toEqual([
      [["Instagram"], "a reel", "How did you hear about us?"],
      [["Podcast"], null, "How did you hear about us?"],
    ]);
    const state = await viewer.from("survey_sync_state").select("*").eq("workspace_id", ws.id).single();
    expect(state.data).toMatchObject({ source: "fairing", cursor: "page-2", responses_synced: 3 });

    const denied = await viewer.rpc("import_survey", payload);
    expect(denied.status).toBe(403);
    expect(denied.error?.code).toBe("42501");
    const unknown = await member.rpc("import_survey", { p_workspace_id: ws.id,
      p_responses: [{ id: "9", question_id: "nope", responded_at: "2026-11-22T10:00:00Z" }] });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toBe("responses: question nope is unknown; send it in p_questions");
    const anon = await (await visitorClient()).from("survey_responses").select("*");
    expect(anon.status).toBe(401);
  });
});
