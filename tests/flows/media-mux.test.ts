// Mux end to end through the running stack: a member asks the videos function for an upload
// (quota of the plan checked first), PUTs the file to the URL Mux gave, the fake Mux processes it
// and calls our webhook signed the Mux way; the video becomes ready and is playable (a token our
// signing key made, accepted by the stream) by those who may see it only. Forged, stale and
// replayed deliveries change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Client, userClient } from "../helpers/api.ts";
import { callVideos, mediaFakes } from "../helpers/media.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fakes = mediaFakes();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let other: Awaited<ReturnType<typeof workspaceWithRoles>>;
let member: Client;

beforeAll(async () => {
  await fakes.server.start();
  ws = await workspaceWithRoles(sql);
  other = await workspaceWithRoles(sql);
  member = await userClient(ws.people.member.jwt);
}, 60_000);

beforeEach(() => {
  fakes.mux.clearFaults();
  fakes.mux.outcome = { kind: "ready", duration: 12.5 };
});

afterAll(async () => {
  await sql`delete from public.workspaces where id in (${ws.id}, ${other.id})`;
  await fakes.server.stop();
  await sql.end();
});

const video = (id: string) =>
  sql`select status::text, mux_upload_id, mux_asset_id, mux_playback_id, duration_seconds::float8 as duration, error
      from public.videos where id = ${id}`.then((r) => r[0]);

/** Uploads as the member and waits for Mux's verdict. */
async function uploadAndProcess(visibility: "workspace" | "private", until: string) {
  const up = await callVideos("upload", ws.people.member.jwt, { workspaceId: ws.id, title: "Launch cut", sizeBytes: 1_000_000, visibility });
  expect(up.status).toBe(201);
  const put = await fetch(up.body.upload.url, { method: "PUT", body: "fake video bytes" });
  expect(put.status).toBe(200);
  await waitFor(`video ${up.body.video.id} to be ${until}`, () => video(up.body.video.id), (v) => v?.status === until);
  return up.body.video.id as string;
}

describe("uploads", () => {
  it("creates a Mux direct upload bound to the member's video row: signed playback, the app's origin", async () => {
    const r = await callVideos("upload", ws.people.member.jwt, { workspaceId: ws.id, title: "Teaser", sizeBytes: 2048 });
    expect(r.status).toBe(201);
    expect(r.body.video).toMatchObject({ workspace_id: ws.id, status: "uploading", created_by: ws.people.member.id, size_bytes: 2048 });
    const sent = fakes.mux.uploads.get(r.body.upload.id)!;
    expect(sent.new_asset_settings).toMatchObject({ playback_policies: ["signed"], passthrough: r.body.video.id });
    expect(sent.cors_origin).toBe("http://127.0.0.1:3000");
    expect((await video(r.body.video.id)).mux_upload_id).toBe(r.body.upload.id);
  });

  it("refuses viewers and outsiders before Mux is asked", async () => {
    const before = fakes.mux.uploads.size;
    const viewer = await callVideos("upload", ws.people.viewer.jwt, { workspaceId: ws.id, title: "x", sizeBytes: 1 });
    expect(viewer).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    const outsider = await callVideos("upload", other.people.member.jwt, { workspaceId: ws.id, title: "x", sizeBytes: 1 });
    expect(outsider.status).toBe(403);
    expect(fakes.mux.uploads.size).toBe(before);
  });

  it("enforces the plan's storage quota before an upload starts (413)", async () => {
    const small = await workspaceWithRoles(sql);
    try {
      await sql`select private.set_workspace_plan(${small.id}, 'free')`;
      const ok = await callVideos("upload", small.people.member.jwt, { workspaceId: small.id, title: "a", sizeBytes: 4 * 1024 ** 3 });
      expect(ok.status).toBe(201);
      const over = await callVideos("upload", small.people.member.jwt, { workspaceId: small.id, title: "b", sizeBytes: 2 * 1024 ** 3 });
      expect(over).toMatchObject({ status: 413, body: { error: { code: "too_large" } } });
      expect(over.body.error.message).toMatch(/storage quota is full/);
    } finally {
      await sql`delete from public.workspaces where id = ${small.id}`;
    }
  });

  it("marks the video errored when Mux refuses the upload (502), so it stops counting", async () => {
    fakes.mux.fail({ kind: "status", status: 500 }, { when: "/video/v1/uploads" });
    const r = await callVideos("upload", ws.people.member.jwt, { workspaceId: ws.id, title: "Broken", sizeBytes: 10 });
    expect(r).toMatchObject({ status: 502, body: { error: { code: "provider_unavailable" } } });
    const [row] = await sql`select status::text, error from public.videos where id = ${r.body.error.details.videoId}`;
    expect(row.status).toBe("errored");
    expect(row.error).toMatch(/Mux answered 500/);
  });

  it("members cannot write what Mux decides (status, playback id)", async () => {
    const made = await member.from("videos").insert({ workspace_id: ws.id, title: "forged", status: "ready", mux_playback_id: "pbX" });
    expect(made.error).toMatchObject({ code: "42501" });
    const r = await callVideos("upload", ws.people.member.jwt, { workspaceId: ws.id, title: "mine", sizeBytes: 10 });
    const upd = await member.from("videos").update({ mux_playback_id: "someone-elses" }).eq("id", r.body.video.id);
    expect(upd.error).toMatchObject({ code: "42501" });
  });
});

describe("webhooks and playback", () => {
  it("moves an upload through processing to ready; a permitted user gets a playable signed URL", async () => {
    const id = await uploadAndProcess("private", "ready");
    const v = await video(id);
    expect(v).toMatchObject({ status: "ready", duration: 12.5, error: null });
    expect(v.mux_playback_id).toMatch(/^pb/);
    expect(fakes.mux.deliveries.filter((d) => d.status !== 200)).toEqual([]);

    const mine = await callVideos("playback", ws.people.member.jwt, { videoId: id });
    expect(mine.status).toBe(200);
    expect(mine.body.playbackId).toBe(v.mux_playback_id);
    expect((await fetch(mine.body.streamUrl)).status).toBe(200);
    // a token is bound to its playback id and its kind
    const stream = new URL(mine.body.streamUrl);
    stream.searchParams.set("token", mine.body.tokens.thumbnail);
    expect((await fetch(stream)).status).toBe(403);

    // a private video: not the viewer without a share, never another workspace; the admin and a share may
    expect((await callVideos("playback", ws.people.viewer.jwt, { videoId: id })).status).toBe(404);
    expect((await callVideos("playback", other.people.owner.jwt, { videoId: id })).status).toBe(404);
    expect((await callVideos("playback", ws.people.admin.jwt, { videoId: id })).status).toBe(200);
    const share = await member.from("video_permissions").insert({ workspace_id: ws.id, video_id: id, user_id: ws.people.viewer.id });
    expect(share.error).toBeNull();
    const shared = await callVideos("playback", ws.people.viewer.jwt, { videoId: id });
    expect(shared.status).toBe(200);
    expect((await fetch(shared.body.streamUrl)).status).toBe(200);
  });

  it("an asset Mux cannot process ends errored with Mux's reason", async () => {
    fakes.mux.outcome = { kind: "errored", message: "The file is not a video" };
    const id = await uploadAndProcess("workspace", "errored");
    expect((await video(id)).error).toBe("The file is not a video");
    expect(await callVideos("playback", ws.people.member.jwt, { videoId: id })).toMatchObject({ status: 409 });
  });

  it("refuses forged and stale signatures and deduplicates replays; nothing moves", async () => {
    const r = await callVideos("upload", ws.people.member.jwt, { workspaceId: ws.id, title: "Target", sizeBytes: 10 });
    const data = { id: "asFORGED", upload_id: r.body.upload.id, passthrough: r.body.video.id, duration: 3,
      playback_ids: [{ id: "pbFORGED", policy: "signed" }] };
    const forged = await fakes.mux.deliver("video.asset.ready", data, { secret: "not-the-secret" });
    expect(forged.status).toBe(401);
    const stale = await fakes.mux.deliver("video.asset.ready", data, { t: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const future = await fakes.mux.deliver("video.asset.ready", data, { t: Math.floor(Date.now() / 1000) + 600 });
    expect(future.status).toBe(401);
    expect((await video(r.body.video.id)).status).toBe("uploading");

    const id = crypto.randomUUID();
    const first = await fakes.mux.deliver("video.upload.asset_created", { id: r.body.upload.id, asset_id: "asREAL" }, { id });
    expect(first.json).toEqual({ status: "processed" });
    const again = await fakes.mux.deliver("video.upload.asset_created", { id: r.body.upload.id, asset_id: "asOTHER" }, { id });
    expect(again.json).toEqual({ status: "duplicate" });
    expect(await video(r.body.video.id)).toMatchObject({ status: "processing", mux_asset_id: "asREAL" });
  });
});
