// npm run fresh-machine -- bare|pg15 [--keep] : a fresh clone's first start, timed, on a fresh
// Debian bookworm made by debootstrap (minbase) in a chroot. As root; Linux only.
//   bare: nothing but the minimal base system (no Node.js, no PostgreSQL, no compiler, no curl).
//   pg15: PostgreSQL 15 from bookworm without its server headers, and Node.js 20, already there:
//         a bookworm image made for PostgreSQL (this is prepared untimed, as the image would be).
// Times `sh scripts/bootstrap.sh`, `npm run dev` and `npm test` in that clone, checks that every
// URL `status` prints answers, stops the stack and unmounts. The chroot shares this machine's
// network, so its stack runs on its own ports (57322/57321 unless GROWTHBASE_*_PORT are set; npm
// test's PostgreSQL 17 step on the DB port + 100 unless GROWTHBASE_PG17_PORT is set).
import { mkdirSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureDebootstrap, inChroot as inChrootAs, mountAll, mounted, removeTree, unmountAll } from "./lib/chroot.ts";
import { repoRoot } from "./lib/config.ts";
import { isRoot, run } from "./lib/proc.ts";

const KINDS = ["bare", "pg15"] as const;
type Kind = (typeof KINDS)[number];
// Absolute and without symlinks, as /proc/self/mounts names mount points.
const rootDir = resolve(process.env.GROWTHBASE_CHROOTS ?? "/var/tmp/growthbase-chroots");
const ports: Record<string, string> = {
  GROWTHBASE_DB_PORT: process.env.GROWTHBASE_DB_PORT ?? "57322",
  GROWTHBASE_API_PORT: process.env.GROWTHBASE_API_PORT ?? "57321",
  // npm test's PostgreSQL 17 step (in a trixie chroot inside this one): the DB port + 100 unless set.
  ...(process.env.GROWTHBASE_PG17_PORT ? { GROWTHBASE_PG17_PORT: process.env.GROWTHBASE_PG17_PORT } : {}),
};
const log = (s: string) => console.log(`[fresh-machine] ${s}`);

/** A command inside the chroot with a clean environment and this run's ports. */
const inChroot = (dir: string, script: string) => inChrootAs(dir, script, ports);

function main() {
  const kind = process.argv[2] as Kind;
  if (!KINDS.includes(kind)) {
    console.error(`usage: npm run fresh-machine -- ${KINDS.join("|")} [--keep]`);
    process.exit(2);
  }
  if (!isRoot()) throw new Error("needs root (debootstrap, chroot, mount)");
  const dirty = run("git", ["status", "--porcelain"], { cwd: repoRoot }).stdout.trim();
  if (dirty) log("note: uncommitted changes are not in the clone; it is made from HEAD");
  mkdirSync(rootDir, { recursive: true });
  const root = realpathSync(rootDir);
  const base = join(root, "base");
  ensureDebootstrap(base, "bookworm", log);
  const dir = join(root, kind);
  removeTree(dir);
  run("cp", ["-a", base, dir]);
  const times: [string, number][] = [];
  let failed = "";
  try {
    mountAll(dir);
    if (kind === "pg15") {
      log("preparing the image (untimed): PostgreSQL 15 from bookworm without server headers, Node.js 20");
      const prep = inChroot(dir, "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " +
        "--no-install-recommends postgresql-15 postgresql-client-15 >/dev/null");
      if (prep.status !== 0) throw new Error("preparing the pg15 image failed");
    }
    run("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, join(dir, "root/growthbase")]);
    if (kind === "pg15") {
      const node = inChroot(dir, "cd /root/growthbase && sh scripts/bootstrap.sh");
      if (node.status !== 0) throw new Error("installing Node.js into the pg15 image failed");
    }
    const steps: [string, string][] = [
      ["sh scripts/bootstrap.sh", "cd /root/growthbase && sh scripts/bootstrap.sh"],
      ["npm run dev", "cd /root/growthbase && npm run dev"],
      ["npm test", "cd /root/growthbase && npm test"],
    ];
    for (const [name, script] of steps) {
      log(`${kind}: ${name}`);
      const r = inChroot(dir, script);
      times.push([name, r.seconds]);
      if (r.status !== 0) {
        failed = `${name} exited ${r.status}`;
        break;
      }
    }
  } finally {
    if (mounted(dir).length) {
      inChroot(dir, "cd /root/growthbase 2>/dev/null && test -x node_modules/.bin/tsx && npm run -s stack -- stop || true");
    }
    try {
      // Only once nothing is mounted under it (both throw otherwise).
      if (process.argv.includes("--keep")) unmountAll(dir);
      else removeTree(dir);
    } catch (e) {
      // Said after the step that failed, not instead of it.
      failed = [failed, `cleaning up ${dir}: ${e instanceof Error ? e.message : String(e)}`].filter(Boolean).join("; ");
    }
  }
  console.log(`\nfresh clone on a debootstrap bookworm (${kind}), seconds of wall time:`);
  for (const [name, s] of times) console.log(`  ${name.padEnd(24)} ${s.toFixed(1)}`);
  if (failed) throw new Error(failed);
}

try {
  main();
} catch (e) {
  console.error(`[fresh-machine] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
