// Storage through the gateway's /storage/v1 with supabase-js's own storage client, as a frontend
// uses it: a member uploads into their workspace's folder, lists, downloads, replaces and removes;
// a viewer reads but cannot write; another workspace's member and anon are refused; signed URLs
// work until they expire; public URLs serve public buckets only. Rows are written as the caller,
// so the migrations' storage policies decide; bytes live in the stack's data directory.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Team, team } from "../helpers/api.ts";
import { config, superuser } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
let t: Team;
const bucket = "knowledge-uploads";
const code = (e: unknown) => (e as { statusCode?: string } | null)?.statusCode;
const storageRoot = join(config.dataDir, "storage");
/** How many stored versions (files) the bucket holds on disk. */
const filesOnDisk = (b: string) => {
  const dir = join(storageRoot, encodeURIComponent(b));
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
};
const publicBucket = `pub-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  t = await team(sql);
});
afterAll(async () => {
  await t.service.storage.emptyBucket(publicBucket);
  await t.service.storage.deleteBucket(publicBucket);
  await sql.begin(async (tx) => {
    await tx`select set_config('storage.allow_delete_query', 'true', true)`;
    await tx`delete from storage.objects where name like ${t.ws.id + "/%"}`;
  });
  await sql`delete from public.workspaces where id = ${t.ws.id}`;
  await sql.end();
});

describe("buckets", () => {
  it("lists what the caller may see: every bucket for the service, none for a user (no bucket policies)", async () => {
    const all = await t.service.storage.listBuckets();
    expect(all.error).toBeNull();
    expect(all.data!.map((b) => b.id)).toEqual(expect.arrayContaining(["ai-videos", "data-exports", "demo-videos",
      "knowledge-uploads", "review-media"]));
    expect(all.data!.find((b) => b.id === "data-exports")).toMatchObject({ public: false, allowed_mime_types: ["application/json"] });
    expect(await t.member.storage.listBuckets()).toEqual({ data: [], error: null });
    const one = await t.member.storage.getBucket("data-exports");
    expect(code(one.error)).toBe("404");
    expect(code((await t.member.storage.createBucket("mine")).error)).toBe("403");
  });
});

describe("objects", () => {
  const path = () => `${t.ws.id}/notes/brief.txt`;

  it("a member uploads into their workspace, lists and downloads it; the bytes are in the data directory", async () => {
    const before = filesOnDisk(bucket);
    const up = await t.member.storage.from(bucket).upload(path(), new Blob(["first draft"], { type: "text/plain" }));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: path(), fullPath: `${bucket}/${path()}` });
    expect(filesOnDisk(bucket)).toBe(before + 1);
    const top = await t.member.storage.from(bucket).list(t.ws.id);
    expect(top.data).toEqual([expect.objectContaining({ name: "notes", id: null })]);
    const inner = await t.member.storage.from(bucket).list(`${t.ws.id}/notes`);
    expect(inner.data).toEqual([expect.objectContaining({ name: "brief.txt", metadata: expect.objectContaining({ size: 11, mimetype: "text/plain" }) })]);
    const got = await t.viewer.storage.from(bucket).download(path());
    expect(got.error).toBeNull();
    expect(await got.data!.text()).toBe("first draft");
    expect(await t.member.storage.from(bucket).exists(path())).toMatchObject({ data: true });
    // Usage is counted per workspace and bucket (the trigger on storage.objects).
    const usage = await t.viewer.from("workspace_storage_usage").select("bytes, objects").eq("workspace_id", t.ws.id)
      .eq("bucket_id", bucket).single();
    expect(usage.data).toEqual({ bytes: 11, objects: 1 });
  });

  it("refuses a second upload to the same path unless it upserts, which replaces the bytes", async () => {
    const again = await t.member.storage.from(bucket).upload(path(), new Blob(["other"], { type: "text/plain" }));
    expect(code(again.error)).toBe("409");
    const files = filesOnDisk(bucket);
    const up = await t.member.storage.from(bucket).upload(path(), "second draft", { upsert: true, contentType: "text/plain" });
    expect(up.error).toBeNull();
    expect(await (await t.member.storage.from(bucket).download(path())).data!.text()).toBe("second draft");
    expect(filesOnDisk(bucket)).toBe(files); // the old version's file is gone
  });

  it("refuses writes the policies refuse: a viewer, another workspace's member, anon", async () => {
    for (const who of [t.viewer, t.outsider, t.anon]) {
      const r = await who.storage.from(bucket).upload(`${t.ws.id}/notes/x.txt`, "x", { contentType: "text/plain" });
      expect(code(r.error)).toBe("403");
      expect(r.error!.message).toBe("new row violates row-level security policy");
    }
    const overwrite = await t.outsider.storage.from(bucket).upload(path(), "mine now", { upsert: true, contentType: "text/plain" });
    expect(code(overwrite.error)).toBe("403");
    expect(await (await t.member.storage.from(bucket).download(path())).data!.text()).toBe("second draft");
  });

  it("hides the object from another workspace's member and anon: download 404, list empty, no signed URL", async () => {
    for (const who of [t.outsider, t.anon]) {
      expect(code((await who.storage.from(bucket).download(path())).error)).toBe("404");
      expect((await who.storage.from(bucket).list(`${t.ws.id}/notes`)).data).toEqual([]);
      expect(code((await who.storage.from(bucket).createSignedUrl(path(), 60)).error)).toBe("404");
    }
  });

  it("refuses a type the bucket does not take (415) and an unknown bucket (404)", async () => {
    const r = await t.member.storage.from("demo-videos").upload(`${t.ws.id}/x/clip.txt`, "x", { contentType: "text/plain" });
    expect(code(r.error)).toBe("415");
    expect(code((await t.member.storage.from("no-such-bucket").upload(`${t.ws.id}/a.txt`, "x")).error)).toBe("404");
  });

  it("signs a URL anyone can fetch until it expires", async () => {
    const signed = await t.member.storage.from(bucket).createSignedUrl(path(), 2);
    expect(signed.error).toBeNull();
    const ok = await fetch(signed.data!.signedUrl);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("second draft");
    const expired = await waitFor("the signed URL to expire", async () => {
      const r = await fetch(signed.data!.signedUrl);
      return r.status === 200 ? (await r.body?.cancel(), undefined) : r;
    }, 10_000);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ statusCode: "400", error: "InvalidJWT", message: "jwt expired" });
    const many = await t.member.storage.from(bucket).createSignedUrls([path(), `${t.ws.id}/missing.txt`], 60);
    expect(many.data!.map((d) => d.error === null)).toEqual([true, false]);
    expect(await (await fetch(many.data![0].signedUrl!)).text()).toBe("second draft");
  });

  it("removes only what the caller may delete", async () => {
    expect((await t.outsider.storage.from(bucket).remove([path()])).data).toEqual([]);
    expect((await t.viewer.storage.from(bucket).remove([path()])).data).toEqual([]);
    const files = filesOnDisk(bucket);
    const gone = await t.member.storage.from(bucket).remove([path()]);
    expect(gone.data!.map((o) => o.name)).toEqual([path()]);
    expect(filesOnDisk(bucket)).toBe(files - 1);
    expect(code((await t.member.storage.from(bucket).download(path())).error)).toBe("404");
  });
});

describe("public URLs", () => {
  it("serve a public bucket's objects to anyone, never a private bucket's", async () => {
    expect((await t.service.storage.createBucket(publicBucket, { public: true })).error).toBeNull();
    expect((await t.service.storage.from(publicBucket).upload("logo.txt", "hello", { contentType: "text/plain" })).error).toBeNull();
    const url = t.anon.storage.from(publicBucket).getPublicUrl("logo.txt").data.publicUrl;
    const r = await fetch(url);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("hello");
    await t.member.storage.from(bucket).upload(`${t.ws.id}/p.txt`, "private", { contentType: "text/plain" });
    const hidden = await fetch(t.anon.storage.from(bucket).getPublicUrl(`${t.ws.id}/p.txt`).data.publicUrl);
    expect(hidden.status).toBe(400);
  });
});
