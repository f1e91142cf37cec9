// Which Debian packages the stack installs for which missing files, decided without root.
// The two machines the issue names: a bare debootstrap bookworm, and a bookworm image that has
// PostgreSQL 15 but not its server headers (pg_config present, postgres.h absent).
import { describe, expect, it } from "vitest";
import { planCommands, planSystemDeps, type Probe, TRIXIE_SRC } from "../../scripts/lib/deps.ts";

const PG = "/usr/lib/postgresql/15";
const EXT = "/usr/share/postgresql/15/extension";

/** A machine with these files; controls maps an extension to its control file's default_version. */
function probe(files: string[], controls: Record<string, string> = {}): Probe {
  const set = new Set(files);
  return {
    exists: (p) => set.has(p),
    read: (p) => {
      const m = p.match(/\/([a-z_]+)\.control$/);
      return m && controls[m[1]] ? `default_version = '${controls[m[1]]}'` : null;
    },
  };
}
const BUILT = [`${PG}/lib/vector.so`];

const RUNTIME_FILES = [
  `${PG}/bin/postgres`, "/usr/bin/psql", `${EXT}/pg_cron.control`, `${EXT}/pgtap.control`,
  `${EXT}/plpgsql_check.control`, "/usr/bin/pg_prove", "/usr/sbin/runuser",
];
const BUILD_FILES = [
  "/usr/include/postgresql/15/server/postgres.h", `${PG}/lib/pgxs/src/makefiles/pgxs.mk`, "/usr/bin/dpkg-source",
  "/usr/bin/make", "/usr/bin/gcc", "/usr/share/keyrings/debian-archive-keyring.gpg",
];

describe("planSystemDeps", () => {
  it("on a bare bookworm: every runtime and build package, the source list, then one update", () => {
    const plan = planSystemDeps(probe([]));
    expect(plan.packages).toEqual([
      "postgresql-15", "postgresql-client-15", "postgresql-15-cron", "postgresql-15-pgtap",
      "postgresql-15-plpgsql-check", "libtap-parser-sourcehandler-pgtap-perl", "util-linux",
      "postgresql-server-dev-15", "dpkg-dev", "make", "gcc", "debian-archive-keyring",
    ]);
    expect(plan).toMatchObject({ addSourceList: true, update: true });
    expect(plan.builds.map((b) => b.name)).toEqual(["pgvector 0.8.0"]);
    expect(planCommands(plan).slice(0, 2)).toEqual([`write ${TRIXIE_SRC} (deb-src trixie main)`, "apt-get update"]);
  });

  it("with PostgreSQL 15 and pg_config but no postgres.h: the server headers are installed", () => {
    const plan = planSystemDeps(probe([`${PG}/bin/postgres`, `${PG}/bin/pg_config`, "/usr/bin/psql", "/usr/sbin/runuser",
      "/usr/bin/make", "/usr/bin/gcc", "/usr/share/keyrings/debian-archive-keyring.gpg"]));
    expect(plan.packages).toEqual([
      "postgresql-15-cron", "postgresql-15-pgtap", "postgresql-15-plpgsql-check",
      "libtap-parser-sourcehandler-pgtap-perl", "postgresql-server-dev-15", "dpkg-dev",
    ]);
    expect(plan.missing).toContain("PostgreSQL 15 server headers");
    expect(plan.builds).toHaveLength(1);
  });

  it("with everything but the source builds: no packages, yet an update so apt-get source sees the deb-src list", () => {
    const plan = planSystemDeps(probe([...RUNTIME_FILES, ...BUILD_FILES]));
    expect(plan).toMatchObject({ packages: [], addSourceList: true, update: true });
    expect(plan.builds).toHaveLength(1);
  });

  it("a pgvector of another version is rebuilt; the source list is written only once", () => {
    const plan = planSystemDeps(probe([...RUNTIME_FILES, ...BUILD_FILES, ...BUILT, TRIXIE_SRC], { vector: "0.5.1" }));
    expect(plan).toMatchObject({ packages: [], addSourceList: false, update: true });
    expect(plan.builds.map((b) => b.name)).toEqual(["pgvector 0.8.0"]);
  });

  it("with pgvector 0.8.0 installed the build tools are not needed", () => {
    const plan = planSystemDeps(probe([...RUNTIME_FILES, ...BUILT], { vector: "0.8.0" }));
    expect(plan).toEqual({ missing: [], packages: [], addSourceList: false, update: false, builds: [] });
    expect(planCommands(plan)).toEqual([]);
  });
});
