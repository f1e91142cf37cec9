// The Storage half of the seed, as `supabase seed buckets` does it: every file under a bucket's
// objects_path in supabase/config.toml, uploaded (upsert) through the stack's Storage API with
// the secret key, its path below the directory as the object name. Run after the SQL seed, once
// the gateway answers; storage.objects, the usage counters and the bytes come out as any upload's.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { apiUrl, type StackConfig } from "./config.ts";
import { publicKeys } from "./keys.ts";
import { readSupabaseConfig } from "./supabase-config.ts";

const TYPES: Record<string, string> = {
  ".md": "text/markdown", ".txt": "text/plain", ".csv": "text/csv", ".html": "text/html", ".json": "application/json",
  ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".mp4": "video/mp4",
};

export async function seedStorage(c: StackConfig, log: (s: string) => void): Promise<void> {
  const key = (await publicKeys(c)).secretKey;
  let n = 0;
  for (const { bucket, dir } of readSupabaseConfig(c.repoRoot).bucketSeeds) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const f of files) {
      const path = join(f.parentPath, f.name);
      const name = relative(dir, path).split("/").map(encodeURIComponent).join("/");
      const r = await fetch(`${apiUrl(c)}/storage/v1/object/${bucket}/${name}`, {
        method: "POST",
        headers: { apikey: key, authorization: `Bearer ${key}`, "x-upsert": "true",
          "content-type": TYPES[extname(f.name)] ?? "application/octet-stream" },
        body: readFileSync(path),
      });
      if (!r.ok) throw new Error(`seeding ${bucket}/${relative(dir, path)} failed: ${r.status} ${await r.text()}`);
      n++;
    }
  }
  if (n) log(`seeded ${n} storage object(s)`);
}
