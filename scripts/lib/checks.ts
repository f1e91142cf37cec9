// Checks of a built database that `npm test` (PostgreSQL 15) and `npm run test:pg17` both run:
// pg_prove over supabase/tests, and `supabase db lint` (plpgsql_check).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { binPath, cliDbUrl, dbUrl, type StackConfig } from "./config.ts";
import { run } from "./proc.ts";

/** pg_prove's arguments (run from the repo root): every supabase/tests/*.sql in order, failures shown. */
export function proveArgs(c: StackConfig): string[] {
  const files = readdirSync(join(c.repoRoot, "supabase/tests")).filter((f) => f.endsWith(".sql")).sort();
  return ["--dbname", dbUrl(c), "--failures", ...files.map((f) => join("supabase/tests", f))];
}

/** What pg_prove's closing lines say, in one line: "PASS: 35 files, 1234 tests" or what failed. */
export function proveSummary(output: string): { ok: boolean; line: string } {
  const result = output.match(/^Result: (\w+)/m)?.[1];
  const counts = output.match(/^Files=(\d+), Tests=(\d+)/m);
  // Test::Harness's summary report: one line per file that failed a test or exited abnormally.
  const bad = [...output.matchAll(/^(\S+\.sql) +\(Wstat: .*Failed: (\d+)\)$/gm)]
    .map((m) => `${m[1]} (${m[2] === "0" ? "exited abnormally" : `${m[2]} failed`})`);
  const what = counts ? `${counts[1]} files, ${counts[2]} tests` : "no summary from pg_prove";
  return { ok: result === "PASS", line: `${result ?? "FAIL"}: ${what}${bad.length ? `; ${bad.join(", ")}` : ""}` };
}

/** `supabase db lint` at warning level over public and private (plpgsql_check in the database). */
export function dbLint(c: StackConfig): { ok: boolean; output: string } {
  const r = run(binPath("supabase"), ["db", "lint", "--db-url", cliDbUrl(c), "--level", "warning", "--schema", "public,private"], {
    cwd: c.repoRoot,
    allowFail: true,
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1" },
  });
  const output = r.output.trim();
  return { ok: r.status === 0 && /No schema errors found/.test(output), output };
}
