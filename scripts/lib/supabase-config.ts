// supabase/config.toml, read with a real TOML parser: the settings the embedded stack shares
// with `supabase start` (API schemas and row cap, seed files and bucket seeds, per-function verify_jwt).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { parse } from "smol-toml";

export interface SupabaseConfig {
  api: { schemas: string[]; extraSearchPath: string[]; maxRows: number };
  /** Seed files, relative to the repo root, in the order they are applied. */
  seedFiles: string[];
  /** Function name -> verify_jwt (default true, as in the CLI). */
  functions: Record<string, { verifyJwt: boolean }>;
  /** Buckets whose objects_path seeds files (absolute directory), as `supabase seed buckets` uploads them. */
  bucketSeeds: { bucket: string; dir: string }[];
}

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (v && typeof v === "object" && !Array.isArray(v) ? (v as Table) : {});
const strings = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : fallback;

/** Expands a seed path as the CLI does for the simple forms we use: a file, or `dir/*.sql`. */
function expandSeedPath(repoRoot: string, supabaseDir: string, pattern: string): string[] {
  const full = join(supabaseDir, pattern);
  const name = basename(full);
  if (!name.includes("*")) return existsSync(full) ? [relative(repoRoot, full)] : [];
  if (name.indexOf("*") !== name.lastIndexOf("*") || dirname(full).includes("*")) {
    throw new Error(`seed path ${pattern}: only one * in the file name is supported`);
  }
  const [pre, post] = name.split("*");
  const dir = dirname(full);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(pre) && f.endsWith(post))
    .sort()
    .map((f) => relative(repoRoot, join(dir, f)));
}

export function readSupabaseConfig(repoRoot: string): SupabaseConfig {
  const supabaseDir = join(repoRoot, "supabase");
  const doc = parse(readFileSync(join(supabaseDir, "config.toml"), "utf8")) as Table;
  const api = table(doc.api);
  const seed = table(table(doc.db).seed);
  const functions: SupabaseConfig["functions"] = {};
  for (const [name, v] of Object.entries(table(doc.functions))) {
    functions[name] = { verifyJwt: table(v).verify_jwt !== false };
  }
  const seedPaths = seed.enabled === false ? [] : strings(seed.sql_paths, ["./seed.sql"]);
  return {
    api: {
      schemas: strings(api.schemas, ["public", "graphql_public"]),
      extraSearchPath: strings(api.extra_search_path, ["public", "extensions"]),
      maxRows: typeof api.max_rows === "number" ? api.max_rows : 1000,
    },
    seedFiles: [...new Set(seedPaths.flatMap((p) => expandSeedPath(repoRoot, supabaseDir, p)))],
    functions,
    bucketSeeds: Object.entries(table(table(doc.storage).buckets))
      .filter(([, v]) => typeof table(v).objects_path === "string")
      .map(([bucket, v]) => ({ bucket, dir: join(supabaseDir, table(v).objects_path as string) })),
  };
}
