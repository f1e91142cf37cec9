// npm run bench -- <name> : runs scripts/bench/<name>.ts against the running local stack.
// Benchmarks print figures measured side by side in one run and their ratios; they are not tests.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/config.ts";

const available = readdirSync(join(repoRoot, "scripts/bench")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join("|") || "none yet"}> [options]`);
  process.exit(2);
}
const mod = await import(`./bench/${name}.ts`);
await mod.main(process.argv.slice(3));
