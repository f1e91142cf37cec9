// The local Storage API's bytes (LOCAL ONLY): one file per object version under the stack's data
// directory, <root>/<bucket>/<sha256 of the object name>/<version>, as Supabase's file backend keeps
// <bucket>/<name>/<version>. A new version is written beside the old one before the row changes,
// and the old one removed after the commit, so a failed upload never damages what was there.
import { dirname, join } from "node:path";

async function hex(s: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function objectFiles(root: string) {
  const pathOf = async (bucket: string, name: string, version: string) =>
    join(root, encodeURIComponent(bucket), await hex(name), encodeURIComponent(version));

  return {
    pathOf,
    async write(bucket: string, name: string, version: string, bytes: Uint8Array): Promise<void> {
      const path = await pathOf(bucket, name, version);
      await Deno.mkdir(dirname(path), { recursive: true });
      await Deno.writeFile(path, bytes);
    },
    async read(bucket: string, name: string, version: string): Promise<Uint8Array | null> {
      try {
        return await Deno.readFile(await pathOf(bucket, name, version));
      } catch (e) {
        if (e instanceof Deno.errors.NotFound) return null;
        throw e;
      }
    },
    async remove(bucket: string, name: string, version: string | null): Promise<void> {
      if (!version) return;
      await Deno.remove(await pathOf(bucket, name, version)).catch(() => {});
    },
  };
}

export type ObjectFiles = ReturnType<typeof objectFiles>;
