// npm test : every check, on a freshly reset database. Each step prints its own output; the
// run ends with one line "N passed, N failed" (", N skipped" when a step could not run here) and
// exits non-zero on any failure.
import { dbLint, proveArgs } from "./lib/checks.ts";
import { binPath, cliDbUrl, stackConfig } from "./lib/config.ts";
import { functionEnv } from "./lib/gateway.ts";
import { pg17StepSkip } from "./lib/pg17.ts";
import { isRoot, run } from "./lib/proc.ts";
import { snapshotDrift } from "./lib/schema-snapshot.ts";
import { typesDrift } from "./lib/types.ts";
import { reset, start, verify } from "./stack.ts";

const c = stackConfig();
const bin = binPath;
const results: { step: string; ok: boolean; ms: number; detail?: string; skipped?: boolean }[] = [];
const only = process.argv.slice(2);

/** Runs one step unless `only` leaves it out; `skip` (a reason) records it as skipped instead. */
async function step(name: string, fn: () => void | Promise<void>, skip: string | null = null) {
  if (only.length && !only.some((o) => name.startsWith(o))) return;
  const t0 = Date.now();
  console.log(`\n=== ${name}`);
  if (skip) {
    console.log(`skipped: ${skip}`);
    results.push({ step: name, ok: true, ms: 0, detail: skip, skipped: true });
    return;
  }
  try {
    await fn();
    results.push({ step: name, ok: true, ms: Date.now() - t0 });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    console.error(detail);
    results.push({ step: name, ok: false, ms: Date.now() - t0, detail: detail.split("\n")[0] });
  }
}

const sh = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  run(cmd, args, { inherit: true, cwd: c.repoRoot, env: { ...process.env, ...env } });

await step("stack: start and reset the database", async () => {
  await start(c, { quiet: true });
  await reset(c);
  await verify(c);
});
// Every later step talks to the stack: without this checkout's own stack they would test
// nothing, or another checkout's stack on the same ports.
if (results.some((r) => r.step.startsWith("stack") && !r.ok)) {
  console.error("\nthe stack did not start; no check ran. 0 passed, 1 failed");
  process.exit(1);
}
await step("types: types/database.ts matches the live schema", () => {
  const drift = typesDrift(c);
  if (drift) throw new Error(`${drift}\nrun: npm run gen:types`);
});
await step("schema: supabase/schema/ matches the live database", () => {
  const drift = snapshotDrift(c);
  if (drift.length) throw new Error(`${drift.slice(0, 20).join("\n")}${drift.length > 20 ? `\n... ${drift.length - 20} more` : ""}\nrun: npm run gen:schema`);
});
await step("pgTAP: supabase/tests", () => {
  sh("pg_prove", proveArgs(c));
});
await step("lint: supabase db lint (warning level)", () => {
  const lint = dbLint(c);
  console.log(lint.output);
  if (!lint.ok) throw new Error("supabase db lint reported problems");
});
await step("advisor: supabase db advisors (no WARN or ERROR)", () => {
  const r = run(bin("supabase"), ["db", "advisors", "--db-url", cliDbUrl(c), "--level", "warn", "--fail-on", "warn",
    "--workdir", c.repoRoot, "-o", "json"], {
    cwd: c.repoRoot,
    allowFail: true,
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1" },
  });
  const found = (() => {
    try {
      return JSON.parse(r.stdout || "[]") as { level: string; name: string; detail: string }[];
    } catch {
      return null;
    }
  })();
  if (found === null) throw new Error(`supabase db advisors did not answer with JSON:\n${r.output.trim()}`);
  for (const f of found) console.log(`${f.level} ${f.name}: ${f.detail}`);
  if (found.length || r.status !== 0) throw new Error(`the advisor reported ${found.length} WARN/ERROR lint(s)`);
  console.log("no WARN or ERROR lints");
});
await step("deno: lint, fmt --check, check", () => {
  sh(bin("deno"), ["lint", "--quiet"]);
  sh(bin("deno"), ["fmt", "--check", "--quiet"]);
  sh(bin("deno"), ["check", "--quiet", "functions/"]);
});
await step("tsc --noEmit", () => {
  sh(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
});
await step("deno test: functions", async () => {
  sh(bin("deno"), ["test", "--allow-all", "--quiet", "functions/"], await functionEnv(c));
});
await step("vitest: scripts, shared code and flows through the running stack", () => {
  sh(bin("vitest"), ["run"]);
});

// Last: its own PostgreSQL 17 cluster in a chroot, independent of the stack above.
await step("pg17: platform, migrations, seed, pgTAP and db lint on PostgreSQL 17 (npm run test:pg17)", () => {
  sh(bin("tsx"), ["scripts/test-pg17.ts"]);
}, pg17StepSkip(process.env, process.platform, isRoot()));

const failed = results.filter((r) => !r.ok);
const skipped = results.filter((r) => r.skipped);
console.log("\n=== summary");
for (const r of results) {
  const mark = r.skipped ? "skip" : r.ok ? "ok  " : "FAIL";
  console.log(`${mark} ${r.step}${r.skipped ? "" : ` (${(r.ms / 1000).toFixed(1)} s)`}${r.detail ? `: ${r.detail}` : ""}`);
}
console.log(`${results.length - failed.length - skipped.length} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ""}`);
process.exit(failed.length ? 1 : 0);
