// types/database.ts comes from the live schema by the generator `supabase gen types` runs.
// The CLI (2.117.0) runs it inside the postgres-meta v0.99.0 Docker image even with --db-url;
// without Docker we run the same release from npm (@supabase/postgres-meta@0.99.0) with the
// environment the CLI gives that container, so the output is the same file.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dbUrl, type StackConfig } from "./config.ts";
import { run } from "./proc.ts";

export const typesFile = (c: StackConfig) => join(c.repoRoot, "types/database.ts");

export function generateTypes(c: StackConfig): string {
  const server = join(c.repoRoot, "node_modules/@supabase/postgres-meta/dist/server/server.js");
  const r = run(process.execPath, [server], {
    cwd: c.repoRoot,
    env: {
      ...process.env,
      PG_META_DB_URL: dbUrl(c),
      PG_META_GENERATE_TYPES: "typescript",
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: "public",
      PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: "true",
    },
  });
  return r.stdout;
}

export function writeTypes(c: StackConfig): void {
  writeFileSync(typesFile(c), generateTypes(c));
}

/** The first differing line between the committed and the live types, or null when equal. */
export function typesDrift(c: StackConfig): string | null {
  const live = generateTypes(c).split("\n");
  let committed: string[] = [];
  try {
    committed = readFileSync(typesFile(c), "utf8").split("\n");
  } catch {
    return "types/database.ts is missing";
  }
  for (let i = 0; i < Math.max(live.length, committed.length); i++) {
    if (live[i] !== committed[i]) {
      return `types/database.ts line ${i + 1}: committed ${JSON.stringify(committed[i] ?? "<end>")}, ` +
        `live schema ${JSON.stringify(live[i] ?? "<end>")}`;
    }
  }
  return null;
}
