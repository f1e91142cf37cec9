// System packages the embedded stack needs, installed only when missing (Debian bookworm).
// The decisions (which packages for which missing files) are a pure function of what exists,
// so they are tested without root; ensureSystemDeps only carries them out.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isRoot, run } from "./proc.ts";

const PG = "/usr/lib/postgresql/15";
const EXT = "/usr/share/postgresql/15/extension";
export const TRIXIE_SRC = "/etc/apt/sources.list.d/growthbase-trixie-src.sources";

/** A file the stack needs and the Debian package that ships it. */
interface Need {
  what: string;
  files: string[];
  apt: string;
}

/** Always needed to run the stack and its tests. */
const RUNTIME: Need[] = [
  { what: "PostgreSQL 15 server", files: [`${PG}/bin/postgres`], apt: "postgresql-15" },
  { what: "psql", files: ["/usr/bin/psql"], apt: "postgresql-client-15" },
  { what: "pg_cron", files: [`${EXT}/pg_cron.control`], apt: "postgresql-15-cron" },
  { what: "pgTAP", files: [`${EXT}/pgtap.control`], apt: "postgresql-15-pgtap" },
  { what: "plpgsql_check", files: [`${EXT}/plpgsql_check.control`], apt: "postgresql-15-plpgsql-check" },
  { what: "pg_prove", files: ["/usr/bin/pg_prove"], apt: "libtap-parser-sourcehandler-pgtap-perl" },
  { what: "runuser", files: ["/usr/sbin/runuser", "/sbin/runuser"], apt: "util-linux" },
];

/**
 * Extensions Supabase runs at versions bookworm does not ship: built from Debian's own source
 * packages in trixie (deb-src), against PostgreSQL 15: pgvector 0.8 (iterative index scans).
 * (pg_cron stays bookworm's 1.4: trixie's 1.6 source is not on the reachable mirror, so nothing
 * relies on second-granularity schedules.)
 */
export interface SourceBuild {
  name: string;
  srcPackage: string;
  debianVersion: string;
  control: string;
  controlVersion: string;
  library: string;
}
export const SOURCE_BUILDS: SourceBuild[] = [
  { name: "pgvector 0.8.0", srcPackage: "pgvector", debianVersion: "0.8.0-1", control: "vector", controlVersion: "0.8.0", library: "vector.so" },
];

/**
 * Only to build from source. The server headers are checked by the header file itself: pg_config
 * alone (shipped by postgresql-15 and libpq-dev) says nothing about them.
 */
const SOURCE_BUILD_TOOLS: Need[] = [
  {
    what: "PostgreSQL 15 server headers",
    files: ["/usr/include/postgresql/15/server/postgres.h"],
    apt: "postgresql-server-dev-15",
  },
  { what: "PGXS makefiles", files: [`${PG}/lib/pgxs/src/makefiles/pgxs.mk`], apt: "postgresql-server-dev-15" },
  { what: "dpkg-source", files: ["/usr/bin/dpkg-source"], apt: "dpkg-dev" },
  { what: "make", files: ["/usr/bin/make"], apt: "make" },
  { what: "gcc", files: ["/usr/bin/gcc"], apt: "gcc" },
  { what: "Debian archive keyring", files: ["/usr/share/keyrings/debian-archive-keyring.gpg"], apt: "debian-archive-keyring" },
];

export interface Probe {
  exists(path: string): boolean;
  read(path: string): string | null;
}

export const realProbe: Probe = {
  exists: existsSync,
  read: (p) => (existsSync(p) ? readFileSync(p, "utf8") : null),
};

export function sourceBuildInstalled(b: SourceBuild, probe: Probe = realProbe): boolean {
  const control = probe.read(`${EXT}/${b.control}.control`);
  const m = control?.match(/default_version\s*=\s*'([^']+)'/);
  return m?.[1] === b.controlVersion && probe.exists(`${PG}/lib/${b.library}`);
}

export interface DepsPlan {
  /** What is missing, in words, for the message. */
  missing: string[];
  /** Debian packages to install, each once, in a stable order. */
  packages: string[];
  /** Write the trixie deb-src list (before the one `apt-get update`). */
  addSourceList: boolean;
  /** Run `apt-get update` (after the source list, before installing or fetching sources). */
  update: boolean;
  /** Extensions to build from trixie's source packages. */
  builds: SourceBuild[];
}

export function planSystemDeps(probe: Probe = realProbe): DepsPlan {
  const absent = (n: Need) => !n.files.some((f) => probe.exists(f));
  const builds = SOURCE_BUILDS.filter((b) => !sourceBuildInstalled(b, probe));
  const missingNeeds = [...RUNTIME.filter(absent), ...(builds.length ? SOURCE_BUILD_TOOLS.filter(absent) : [])];
  const addSourceList = builds.length > 0 && !probe.exists(TRIXIE_SRC);
  const packages = [...new Set(missingNeeds.map((n) => n.apt))];
  return {
    missing: [...missingNeeds.map((n) => n.what), ...builds.map((b) => b.name)],
    packages,
    addSourceList,
    // apt-get source needs fresh deb-src indexes even when nothing is to be installed.
    update: packages.length > 0 || builds.length > 0,
    builds,
  };
}

/** The commands the plan runs, for the message printed to someone without root. */
export function planCommands(plan: DepsPlan): string[] {
  const cmds: string[] = [];
  if (plan.addSourceList) cmds.push(`write ${TRIXIE_SRC} (deb-src trixie main)`);
  if (plan.update) cmds.push("apt-get update");
  if (plan.packages.length) cmds.push(`apt-get install -y --no-install-recommends ${plan.packages.join(" ")}`);
  for (const b of plan.builds) cmds.push(`apt-get source ${b.srcPackage}=${b.debianVersion} && make && make install`);
  return cmds;
}

const TRIXIE_SOURCES = [
  "# growthbase: source packages only, for building pgvector 0.8 on bookworm",
  "Types: deb-src",
  "URIs: http://deb.debian.org/debian",
  "Suites: trixie",
  "Components: main",
  "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg",
  "",
].join("\n");

/** Builds one extension from Debian's source package (trixie deb-src) against PostgreSQL 15. */
function buildFromSource(b: SourceBuild, log: (s: string) => void) {
  log(`building ${b.name} from Debian's source package (trixie deb-src)`);
  const dir = mkdtempSync(join(tmpdir(), `${b.srcPackage}-`));
  try {
    run("apt-get", ["source", "-qq", `${b.srcPackage}=${b.debianVersion}`], { cwd: dir });
    const upstream = b.debianVersion.replace(/-[^-]+$/, "");
    const src = readdirSync(dir).find((f) => f.startsWith(`${b.srcPackage}-${upstream}`));
    if (!src) throw new Error(`apt-get source ${b.srcPackage} produced no source tree`);
    // OPTFLAGS="" keeps the build portable (no -march=native).
    const make = ["PG_CONFIG=" + `${PG}/bin/pg_config`, "OPTFLAGS="];
    run("make", ["-s", ...make], { cwd: join(dir, src) });
    run("make", ["-s", "install", ...make], { cwd: join(dir, src) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!sourceBuildInstalled(b)) throw new Error(`${b.name} did not install`);
}

/** Installs what is missing and says what it installs; silent when everything is there. */
export function ensureSystemDeps(log: (s: string) => void = console.log): void {
  const plan = planSystemDeps();
  if (!plan.missing.length) return;
  log(`missing: ${plan.missing.join(", ")}`);
  if (!isRoot()) {
    throw new Error(`missing system packages; as root run:\n  ${planCommands(plan).join("\n  ")}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (plan.addSourceList) writeFileSync(TRIXIE_SRC, TRIXIE_SOURCES);
  if (plan.update) run("apt-get", ["update", "-qq"], { env });
  if (plan.packages.length) {
    log(`installing with apt-get: ${plan.packages.join(" ")}`);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...plan.packages], { env });
  }
  const still = planSystemDeps();
  if (still.packages.length) throw new Error(`still missing after apt-get: ${still.missing.join(", ")}`);
  for (const b of plan.builds) buildFromSource(b, log);
}
