// types/database.ts comes from the live schema via `supabase gen types typescript --db-url`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { binPath, dbUrl, type StackConfig } from "./config.ts";
import { run } from "./proc.ts";

export const typesFile = (c: StackConfig) => join(c.repoRoot, "types/database.ts");

export function generateTypes(c: StackConfig): string {
  const r = run(
    binPath("supabase"),
    ["gen", "types", "typescript", "--db-url", dbUrl(c), "--schema", "public"],
    { cwd: c.repoRoot, env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" } },
  );
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
