// The AI video pipeline through the running stack: a member starts a project; with nobody
// calling it, the ai-video worker writes the script (the fake model), the voice-over (text to
// speech), a clip per scene and the assembly (the fake video provider, which fetches our clips
// and voice through Storage's signed URLs); the results are Storage objects under the
// workspace's path, every step has its cost in micros, and the project completes with its
// video. A provider that refuses fails the project with the reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, userClient } from "../helpers/api.ts";
import { FakeOpenAi } from "../helpers/fake-openai.ts";
import { mediaFakes } from "../helpers/media.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fakes = mediaFakes();
const openai = new FakeOpenAi();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;
const started: string[] = [];

beforeAll(async () => {
  await fakes.server.start();
  await openai.start();
  ws = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
}, 60_000);

afterAll(async () => {
  for (const id of started) {
    const files = await member.storage.from("ai-videos").list(`${ws.id}/${id}`);
    if (files.data?.length) await member.storage.from("ai-videos").remove(files.data.map((f) => `${ws.id}/${id}/${f.name}`));
  }
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await openai.stop();
  await sql.end();
});

async function startProject(goal: string) {
  const p = await member.from("ai_video_projects").insert({ workspace_id: ws.id, title: "Launch", goal, platform: "tiktok", duration_s: 8 })
    .select("id").single();
  expect(p.error).toBeNull();
  expect((await member.from("ai_video_projects").update({ status: "planning" }).eq("id", p.data!.id)).error).toBeNull();
  started.push(p.data!.id);
  return p.data!.id as string;
}

const project = (id: string) =>
  sql`select status::text, error, result_path, scene_plan from public.ai_video_projects where id = ${id}`.then((r) => r[0]);

describe("the AI video pipeline", () => {
  it("runs a started project through script, voice, clips and assembly to completed, results in Storage", async () => {
    const id = await startProject("Announce the new balm");
    const done = await waitFor("the project to finish", () => project(id), (p) => ["completed", "failed"].includes(p?.status), 60_000);
    expect(done).toMatchObject({ status: "completed", error: null, result_path: `${ws.id}/${id}/final.mp4` });
    expect(done.scene_plan.map((s: { index: number; seconds: number }) => [s.index, s.seconds])).toEqual([[0, 4], [1, 4]]);

    const jobs = await member.from("ai_video_jobs").select("job_type, scene_index, status, cost_micros, result_path, attempts")
      .eq("project_id", id).order("created_at").order("scene_index");
    expect(jobs.data!.map((j) => [j.job_type, j.scene_index, j.status, j.attempts])).toEqual([
      ["script", null, "completed", 1], ["voice", null, "completed", 1],
      ["video_generation", 0, "completed", 1], ["video_generation", 1, "completed", 1], ["assembly", null, "completed", 1],
    ]);
    const cost = Object.fromEntries(jobs.data!.map((j) => [`${j.job_type}${j.scene_index ?? ""}`, j.cost_micros]));
    const narration = "Line 1 about Announce the new balm. Line 2 about Announce the new balm.";
    expect(cost).toMatchObject({ voice: narration.length * 15, video_generation0: 1_600_000, video_generation1: 1_600_000, assembly: 50_000 });
    expect(cost.script).toBeGreaterThan(0);
    expect(openai.speechCalls.at(-1)!.input).toBe(narration);

    // the assembly fetched our clips and the voice through signed URLs
    expect(fakes.videoGen.fetched.filter((f) => f.url.includes(id)).map((f) => [f.url.split("?")[0].split("/").pop(), f.status]))
      .toEqual([["clip-0.mp4", 200], ["clip-1.mp4", 200], ["voice.mp3", 200]]);
    const files = await member.storage.from("ai-videos").list(`${ws.id}/${id}`);
    expect(files.data!.map((f) => f.name).sort()).toEqual(["clip-0.mp4", "clip-1.mp4", "final.mp4", "voice.mp3"]);
    const final = await member.storage.from("ai-videos").download(`${ws.id}/${id}/final.mp4`);
    expect(await final.data!.text()).toMatch(/^fake mp4 op_/);
    const stats = await member.from("ai_video_stats").select("completed, total_cost_micros").eq("workspace_id", ws.id).single();
    expect(stats.data!.completed).toBe(1);
    expect(stats.data!.total_cost_micros).toBe(Object.values(cost).reduce((a, b) => a + b, 0));
  });

  it("fails the project with the provider's reason when a step is refused", async () => {
    fakes.videoGen.refuse = /forbidden/;
    try {
      const id = await startProject("Show the forbidden formula");
      const done = await waitFor("the project to fail", () => project(id), (p) => ["completed", "failed"].includes(p?.status), 60_000);
      expect(done.status).toBe("failed");
      expect(done.error).toMatch(/^video generation: .*content policy/);
      const [{ n }] = await sql`select count(*)::int as n from private.connector_jobs
        where queue = 'ai_video' and status = 'dead' and workspace_id = ${ws.id}`;
      expect(n).toBeGreaterThan(0);
    } finally {
      fakes.videoGen.refuse = null;
    }
  });
});
