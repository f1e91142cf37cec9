// System packages the embedded stack needs, installed only when missing (Debian bookworm).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isRoot, run } from "./proc.ts";

const PG = "/usr/lib/postgresql/15";
const EXT = "/usr/share/postgresql/15/extension";
export const PGVECTOR_VERSION = "0.8.0";
const TRIXIE_SRC = "/etc/apt/sources.list.d/growthbase-trixie-src.sources";

interface Need {
  what: string;
  present: () => boolean;
  apt: string[];
}

const needs: Need[] = [
  { what: "PostgreSQL 15 server", present: () => existsSync(`${PG}/bin/postgres`), apt: ["postgresql-15"] },
  { what: "psql", present: () => existsSync("/usr/bin/psql"), apt: ["postgresql-client-15"] },
  { what: "pg_cron", present: () => existsSync(`${EXT}/pg_cron.control`), apt: ["postgresql-15-cron"] },
  { what: "pgTAP", present: () => existsSync(`${EXT}/pgtap.control`), apt: ["postgresql-15-pgtap"] },
  {
    what: "plpgsql_check",
    present: () => existsSync(`${EXT}/plpgsql_check.control`),
    apt: ["postgresql-15-plpgsql-check"],
  },
  { what: "pg_prove", present: () => existsSync("/usr/bin/pg_prove"), apt: ["libtap-parser-sourcehandler-pgtap-perl"] },
  { what: "runuser", present: () => existsSync("/usr/sbin/runuser") || existsSync("/sbin/runuser"), apt: ["util-linux"] },
];

export function pgvectorInstalled(): boolean {
  const control = `${EXT}/vector.control`;
  if (!existsSync(control)) return false;
  const m = readFileSync(control, "utf8").match(/default_version\s*=\s*'([^']+)'/);
  return m?.[1] === PGVECTOR_VERSION && existsSync(`${PG}/lib/vector.so`);
}

function aptInstall(pkgs: string[], log: (s: string) => void) {
  if (!pkgs.length) return;
  if (!isRoot()) {
    throw new Error(`missing system packages; run as root: apt-get install -y ${pkgs.join(" ")}`);
  }
  log(`installing with apt-get: ${pkgs.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], { env });
}

/** pgvector 0.8 has no bookworm binary: build Debian's own source package from trixie. */
function buildPgvector(log: (s: string) => void) {
  if (!isRoot()) throw new Error(`pgvector ${PGVECTOR_VERSION} is missing and building it needs root`);
  log(`building pgvector ${PGVECTOR_VERSION} from Debian's source package (trixie deb-src)`);
  const tools = ["postgresql-server-dev-15", "dpkg-dev", "make", "gcc"];
  const haveTools = existsSync(`${PG}/bin/pg_config`) && existsSync("/usr/bin/dpkg-source");
  if (!existsSync(TRIXIE_SRC)) {
    writeFileSync(
      TRIXIE_SRC,
      [
        "# growthbase: source packages only, for building pgvector 0.8 on bookworm",
        "Types: deb-src",
        "URIs: http://deb.debian.org/debian",
        "Suites: trixie",
        "Components: main",
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg",
        "",
      ].join("\n"),
    );
  }
  aptInstall(haveTools ? [] : tools, log);
  const dir = mkdtempSync(join(tmpdir(), "pgvector-"));
  try {
    run("apt-get", ["source", "-qq", `pgvector=${PGVECTOR_VERSION}-1`], { cwd: dir });
    const src = readdirSync(dir).find((f) => f.startsWith(`pgvector-${PGVECTOR_VERSION}`));
    if (!src) throw new Error("apt-get source pgvector produced no source tree");
    // OPTFLAGS="" keeps the build portable (no -march=native).
    const make = ["PG_CONFIG=" + `${PG}/bin/pg_config`, "OPTFLAGS="];
    run("make", ["-s", ...make], { cwd: join(dir, src) });
    run("make", ["-s", "install", ...make], { cwd: join(dir, src) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!pgvectorInstalled()) throw new Error(`pgvector ${PGVECTOR_VERSION} did not install`);
}

/** Installs what is missing and says what it installs; silent when everything is there. */
export function ensureSystemDeps(log: (s: string) => void = console.log): void {
  const missing = needs.filter((n) => !n.present());
  if (missing.length) {
    log(`missing: ${missing.map((n) => n.what).join(", ")}`);
    aptInstall([...new Set(missing.flatMap((n) => n.apt))], log);
    const still = needs.filter((n) => !n.present());
    if (still.length) throw new Error(`still missing after apt-get: ${still.map((n) => n.what).join(", ")}`);
  }
  if (!pgvectorInstalled()) buildPgvector(log);
}
