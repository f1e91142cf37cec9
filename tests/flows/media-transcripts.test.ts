// Transcripts through the running stack: an upload asks Mux for generated subtitles; when the
// fake Mux reports the text track ready (a signed webhook), the database wakes the transcripts
// worker, which fetches the WebVTT with a signed token; the cues are stored with their timings,
// the video has its transcript, and it is searchable in the right knowledge collection: the
// workspace's, or a published demo's for its visitors. A track Mux cannot serve fails the
// transcription after a dead letter.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anonClient, type Client, userClient } from "../helpers/api.ts";
import { callVideos, mediaFakes } from "../helpers/media.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fakes = mediaFakes();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;

beforeAll(async () => {
  await fakes.server.start();
  ws = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
}, 60_000);

beforeEach(() => fakes.mux.clearFaults());

afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await sql.end();
});

async function uploadedVideo(title: string) {
  const up = await callVideos("upload", ws.people.member.jwt, { workspaceId: ws.id, title, sizeBytes: 1000 });
  expect(up.status).toBe(201);
  expect((await fetch(up.body.upload.url, { method: "PUT", body: "bytes" })).status).toBe(200);
  return up.body.video.id as string;
}

const transcription = (id: string) =>
  sql`select transcription_status::text as status, transcription_text as text from public.videos where id = ${id}`.then((r) => r[0]);

describe("transcripts", () => {
  it("stores Mux's generated subtitles with timings and ingests them into the workspace's video knowledge", async () => {
    const id = await uploadedVideo("Glow balm walkthrough");
    await waitFor("the transcript", () => transcription(id), (t) => t?.status === "completed");
    const segs = await member.from("video_transcript_segments").select("segment_index, start_seconds, end_seconds, content")
      .eq("video_id", id).order("segment_index");
    expect(segs.data).toEqual([
      { segment_index: 0, start_seconds: 0, end_seconds: 2.5, content: "Welcome to the Glow balm demo." },
      { segment_index: 1, start_seconds: 2.5, end_seconds: 6.25, content: "It ships in recyclable tins and costs twenty dollars." },
    ]);
    // the track was fetched with a token the stream accepted (the fake answers 403 otherwise)
    expect(fakes.mux.calls(/\/text\//).length).toBeGreaterThan(0);
    const [doc] = await sql`select c.name, d.title from public.knowledge_documents d
      join public.knowledge_collections c on c.id = d.collection_id where d.document_key = ${"video:" + id}`;
    expect(doc).toEqual({ name: "Video transcripts", title: "Glow balm walkthrough" });
  });

  it("a demo's video goes into the demo's knowledge, where a visitor of the published demo finds it", async () => {
    const id = await uploadedVideo("Demo intro");
    await waitFor("the transcript", () => transcription(id), (t) => t?.status === "completed");
    const demo = await member.from("demos").insert({ workspace_id: ws.id, name: "Glow tour" }).select("id").single();
    const dv = await member.from("demo_videos").insert({ workspace_id: ws.id, demo_id: demo.data!.id, title: "Intro", order_index: 0,
      storage_path: `${ws.id}/${demo.data!.id}/intro.mp4`, video_id: id }).select("transcript, processing_status").single();
    expect(dv.data).toEqual({ transcript: expect.stringContaining("recyclable tins"), processing_status: "completed" });
    expect((await member.from("demos").update({ status: "published" }).eq("id", demo.data!.id)).error).toBeNull();
    const anon = await anonClient();
    const found = await waitFor("the demo's knowledge to answer", async () => {
      const r = await anon.rpc("search_public_demo", { p_demo_id: demo.data!.id, p_query: "recyclable tins" });
      expect(r.error).toBeNull();
      return r.data!;
    }, (rows) => rows.length > 0);
    expect(found[0].content).toContain("recyclable tins");
    const stats = await member.rpc("get_demo_stats", { p_demo_id: demo.data!.id });
    expect(stats.data).toMatchObject({ video_count: 1, ready_video_count: 1 });
  });

  it("a track Mux refuses to serve is a dead letter, and the transcription failed", async () => {
    fakes.mux.fail({ kind: "status", status: 404 }, { when: /\/text\//, times: 5 });
    const id = await uploadedVideo("Lost track");
    await waitFor("the transcription to fail", () => transcription(id), (t) => t?.status === "failed");
    const [job] = await sql`select status::text, last_error from private.connector_jobs
      where queue = 'mux_transcripts' and payload ->> 'video_id' = ${id}`;
    expect(job.status).toBe("dead");
    expect(job.last_error).toMatch(/Mux answered 404/);
  });
});
