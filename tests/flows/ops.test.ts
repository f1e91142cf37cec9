// Ops through the gateway and under concurrency: error reports from many connections at once
// count every occurrence on one row; logs are visible by level and role; triage errors.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceClient, userClient } from "../helpers/api.ts";
import { dropWorkspace, superuser, superuserUrl, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
type Ws = Awaited<ReturnType<typeof workspaceWithRoles>>;
let ws: Ws;

beforeAll(async () => {
  ws = await workspaceWithRoles(sql);
});

afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await sql.end();
});

describe("report_error under concurrency", () => {
  it("200 reports of one error over 20 parallel connections: one row, count 200, exactly one 'new'", async () => {
    const pool = postgres(superuserUrl, { max: 20, onnotice: () => {} });
    try {
      // Each report runs on whichever of the 20 connections is free, as the service would call it.
      const reports = Array.from({ length: 200 }, (_, i) =>
        pool`select occurrence_count, is_new from public.report_error(${ws.id}, 'TimeoutError', 'webhooks',
              ${`shopify call ${i} timed out after ${1000 + i} ms`}, 'high')`.then((r) => r[0]));
      const results = await Promise.all(reports);
      expect(results.filter((r) => r.is_new)).toHaveLength(1);
      // every count from 1 to 200 was handed out exactly once: no lost or doubled increment
      expect(results.map((r) => Number(r.occurrence_count)).sort((a, b) => a - b))
        .toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const rows = await sql`select occurrence_count, severity from public.ops_errors where workspace_id = ${ws.id}`;
      expect(rows).toEqual([{ occurrence_count: "200", severity: "high" }]);
    } finally {
      await pool.end();
    }
  });

  it("members reporting in parallel through the API count too", async () => {
    const clients = await Promise.all([ws.people.viewer, ws.people.member, ws.people.admin].map((p) => userClient(p.jwt)));
    const calls = Array.from({ length: 30 }, (_, i) =>
      clients[i % 3].rpc("report_error", { p_workspace_id: ws.id, p_error_type: "TimeoutError", p_source: "webhooks",
        p_message: `shopify call ${i} timed out after ${i} ms` }));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.error === null && r.status === 200)).toBe(true);
    const [row] = await sql`select occurrence_count from public.ops_errors where workspace_id = ${ws.id}`;
    expect(row.occurrence_count).toBe("230");
  });

  it("bad input is 400, anon is 401, another workspace is 403", async () => {
    const viewer = await userClient(ws.people.viewer.jwt);
    const empty = await viewer.rpc("report_error", { p_workspace_id: ws.id, p_error_type: "E", p_source: "web", p_message: "" });
    expect([empty.status, empty.error?.code]).toEqual([400, "22023"]);
    const other = await workspaceWithRoles(sql);
    try {
      const outsider = await userClient(other.people.owner.jwt);
      const o = await outsider.rpc("report_error", { p_workspace_id: ws.id, p_error_type: "E", p_source: "web", p_message: "m" });
      expect([o.status, o.error?.code]).toEqual([403, "42501"]);
    } finally {
      await sql`delete from public.workspaces where id = ${other.id}`;
      await sql`delete from auth.users where email like ${"%-" + other.tag + "@test.local"}`;
    }
  });
});

describe("logs by level and role", () => {
  it("members read info and warn, admins everything, viewers nothing", async () => {
    const service = await serviceClient();
    const w = await service.rpc("ingest_logs", {
      p_workspace_id: ws.id,
      p_entries: ["debug", "info", "warn", "error"].map((level) => ({ level, source: "flow", message: `a ${level} line` })),
    });
    expect(w.data).toBe(4);
    const levels = async (jwt: string) => {
      const { data, error } = await (await userClient(jwt)).from("ops_logs").select("*").eq("workspace_id", ws.id).order("level");
      expect(error).toBeNull();
      return data!.map((r) => r.level);
    };
    expect(await levels(ws.people.member.jwt)).toEqual(["info", "warn"]);
    expect(await levels(ws.people.admin.jwt)).toEqual(["debug", "info", "warn", "error"]);
    expect(await levels(ws.people.viewer.jwt)).toEqual([]);
    const member = await userClient(ws.people.member.jwt);
    const ingest = await member.rpc("ingest_logs", { p_workspace_id: ws.id, p_entries: [] });
    expect([ingest.status, ingest.error?.code]).toEqual([403, "42501"]);
  });

  it("a member resolves an error; resolved_by is the member", async () => {
    const member = await userClient(ws.people.member.jwt);
    const { data, error } = await member.from("ops_errors").update({ status: "resolved" }).eq("workspace_id", ws.id)
      .select("status, resolved_by");
    expect(error).toBeNull();
    expect(data).toEqual([{ status: "resolved", resolved_by: ws.people.member.id }]);
  });
});
