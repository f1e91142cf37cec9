// npm run catalog:diff -- [<git ref>] : the catalog built from the migrations at <ref> (default
// HEAD) beside the catalog built from the working tree's migrations, each in a scratch cluster of
// its own (pg_cron runs in one database per cluster), with the local platform and no seed.
// Compares a normalised `pg_dump --schema-only` (objects as a set, columns as a set per table,
// column order reported apart), the rows the migrations insert, and the pg_cron jobs. Prints
// "identical" or each difference; the normalised dumps stay in the scratch directory for `diff`.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type StackConfig, stackConfig } from "./lib/config.ts";
import { LOCAL_PLATFORM, pushMigrations } from "./lib/database.ts";
import { initCluster, psql, startPostgres, stopPostgres } from "./lib/postgres.ts";
import { run } from "./lib/proc.ts";

const main = stackConfig();
const ref = process.argv[2] ?? "HEAD";
const scratch = join(main.dataDir, "catalog-diff");

/** A scratch cluster whose repoRoot is a directory holding supabase/{local,migrations}. */
function scratchConfig(name: string, port: number): StackConfig {
  const dataDir = join(scratch, name);
  return { ...main, repoRoot: join(dataDir, "tree"), dataDir, pgData: join(dataDir, "pg"), socketDir: join(dataDir, "run"), dbPort: port };
}

function layTree(c: StackConfig, fromRef: string | null): void {
  rmSync(c.repoRoot, { recursive: true, force: true });
  mkdirSync(c.repoRoot, { recursive: true });
  const paths = ["supabase/local", "supabase/migrations", "supabase/config.toml"];
  if (fromRef) {
    run("sh", ["-c", `git -C "$0" archive --format=tar "$1" ${paths.join(" ")} | tar -x -C "$2"`, main.repoRoot, fromRef, c.repoRoot]);
  } else {
    run("cp", ["-r", "--parents", ...paths, c.repoRoot], { cwd: main.repoRoot });
  }
}

function build(c: StackConfig, fromRef: string | null): void {
  stopPostgres(c);
  rmSync(c.dataDir, { recursive: true, force: true });
  mkdirSync(c.dataDir, { recursive: true });
  layTree(c, fromRef);
  initCluster(c, () => {});
  startPostgres(c);
  for (const f of LOCAL_PLATFORM) psql(c, ["-f", join(c.repoRoot, f)]);
  pushMigrations(c, (s) => console.log(`  ${fromRef ?? "working tree"}: ${s}`));
}

/** Splits pg_dump output into its "-- Name: ...; Type: ..." blocks, each normalised. */
function blocks(dump: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = dump.split(/\n(?=--\n-- (?:Name|Data for Name): )/);
  for (const p of parts) {
    const head = p.match(/-- (?:Name|Data for Name): (.*?); Type: (.*?); Schema: (.*?);/);
    if (!head) continue;
    let body = p.split("\n").filter((l) => l && !l.startsWith("--") && !/^\\(un)?restrict /.test(l)).join("\n")
      // when a migration ran is not part of the catalog
      .replace(/'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00'/g, "'<timestamp>'");
    // a table's columns as a set: column order is reported on its own
    body = body.replace(/(CREATE TABLE [^\n]+\(\n)([\s\S]*?)(\n\)[^\n]*;)/g, (_m, a, cols: string, z) =>
      a + cols.split(",\n").map((s) => s.trim()).sort().join(",\n") + z);
    const key = `${head[2]} ${head[3]}.${head[1]}`;
    out.set(out.has(key) ? `${key} #${out.size}` : key, body);
  }
  return out;
}

function dump(c: StackConfig): { schema: Map<string, string>; data: Map<string, string>; columns: Map<string, string>; cron: string } {
  const pgDump = join(c.pgBin, "pg_dump");
  const base = ["-h", c.socketDir, "-p", String(c.dbPort), "-U", "postgres", "-d", "postgres", "--exclude-schema=supabase_migrations"];
  const schema = run(pgDump, ["--schema-only", ...base]).stdout;
  const data = run(pgDump, ["--data-only", "--inserts", "--exclude-table-data=cron.job", "--exclude-table-data=cron.job_run_details", ...base]).stdout;
  const cols = psql(c, ["-tAc", `select n.nspname || '.' || c.relname, string_agg(a.attname, ', ' order by a.attnum)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
    where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'c')
      and n.nspname not in ('pg_catalog', 'information_schema', 'supabase_migrations') group by 1`]).stdout;
  const cron = psql(c, ["-tAc", "select jobname || ' | ' || schedule || ' | ' || command from cron.job order by jobname"]).stdout;
  const columns = new Map(cols.trim().split("\n").map((l) => l.split("|") as [string, string]));
  // rows in a data block: order of insertion is not part of the catalog
  const sortedData = new Map([...blocks(data)].map(([k, v]) => [k, v.split("\n").sort().join("\n")]));
  // random by design (a salt made when the migration ran): only that a row exists is compared
  for (const k of sortedData.keys()) {
    if (RANDOM_ROWS.some((t) => k.endsWith(t))) sortedData.set(k, `${sortedData.get(k)!.split("\n").length} row(s)`);
  }
  return { schema: blocks(schema), data: sortedData, columns, cron };
}

function compare(label: string, a: Map<string, string>, b: Map<string, string>): number {
  let n = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k);
    const y = b.get(k);
    if (x === y) continue;
    n++;
    if (x === undefined) console.log(`+ ${label} only in the working tree: ${k}\n${indent(y!)}`);
    else if (y === undefined) console.log(`- ${label} only in ${ref}: ${k}\n${indent(x)}`);
    else console.log(`~ ${label} differs: ${k}\n  ${ref}:\n${indent(x, 4)}\n  working tree:\n${indent(y, 4)}`);
  }
  return n;
}

const RANDOM_ROWS = ["private.rate_limit_salt", "private.visitor_identity_key", "cron.runid_seq", "cron.jobid_seq"];
const indent = (s: string, n = 2) => s.split("\n").map((l) => " ".repeat(n) + l).join("\n");

// + 100 is test:pg17's port
const oldC = scratchConfig("at-ref", main.dbPort + 110);
const newC = scratchConfig("working-tree", main.dbPort + 111);
try {
  console.log(`building the catalog from ${ref} and from the working tree`);
  build(oldC, ref);
  build(newC, null);
  const a = dump(oldC);
  const b = dump(newC);
  writeFileSync(join(scratch, "at-ref.sql"), [...a.schema].map(([k, v]) => `-- ${k}\n${v}`).sort().join("\n\n"));
  writeFileSync(join(scratch, "working-tree.sql"), [...b.schema].map(([k, v]) => `-- ${k}\n${v}`).sort().join("\n\n"));
  let n = compare("object", a.schema, b.schema);
  n += compare("rows", a.data, b.data);
  n += compare("column order", a.columns, b.columns);
  if (a.cron !== b.cron) {
    n++;
    console.log(`~ pg_cron jobs differ\n  ${ref}:\n${indent(a.cron, 4)}\n  working tree:\n${indent(b.cron, 4)}`);
  }
  console.log(n ? `${n} difference(s); normalised dumps in ${scratch}` : "identical");
  process.exitCode = n ? 1 : 0;
} finally {
  stopPostgres(oldC);
  stopPostgres(newC);
}
