// npm run test:pg17 decides from what exists before it runs anything as root: whether this machine
// can run it, which port, whether the cached trixie chroot is made, completed or used as it is,
// whether a lock is stale, and what pg_prove's closing lines said. Each decision is checked here
// without root, debootstrap or PostgreSQL 17. (The real run is `npm run test:pg17`.)
import { describe, expect, it } from "vitest";
import { mountsUnder } from "../../scripts/lib/chroot.ts";
import { proveSummary } from "../../scripts/lib/checks.ts";
import { stackConfig } from "../../scripts/lib/config.ts";
import {
  cannotRun, type ChrootPlan, type ChrootState, chrootDir, lockHolder, PG17_PACKAGES, packagesLine, pg17Config, pg17Port, pg17StepSkip, planChroot,
} from "../../scripts/lib/pg17.ts";

describe("who can run it", () => {
  it("root on Linux only, saying why not", () => {
    expect(cannotRun("linux", true)).toBeNull();
    expect(cannotRun("linux", false)).toContain("needs root");
    expect(cannotRun("darwin", true)).toContain("needs Linux");
  });

  it("npm test runs its PostgreSQL 17 step as root on Linux, and skips it elsewhere or when asked, saying why", () => {
    expect(pg17StepSkip({}, "linux", true)).toBeNull();
    expect(pg17StepSkip({ GROWTHBASE_SKIP_PG17: "0" }, "linux", true)).toBeNull();
    expect(pg17StepSkip({}, "linux", false)).toBe(
      "the PostgreSQL 17 run needs root (debootstrap, chroot, mount): run `sudo npm run test:pg17`",
    );
    expect(pg17StepSkip({}, "darwin", true)).toContain("needs Linux");
    expect(pg17StepSkip({ GROWTHBASE_SKIP_PG17: "1" }, "linux", true)).toContain("GROWTHBASE_SKIP_PG17=1 is set");
  });
});

describe("pg17Port", () => {
  it("is the stack's database port + 100 unless GROWTHBASE_PG17_PORT says otherwise", () => {
    expect(pg17Port({}, 54322)).toBe(54422);
    expect(pg17Port({}, 58322)).toBe(58422);
    expect(pg17Port({ GROWTHBASE_PG17_PORT: "" }, 58322)).toBe(58422);
    expect(pg17Port({ GROWTHBASE_PG17_PORT: "6017" }, 58322)).toBe(6017);
  });

  it("refuses what is not a port", () => {
    for (const bad of ["abc", "0", "70000", "54.5"]) {
      expect(() => pg17Port({ GROWTHBASE_PG17_PORT: bad }, 54322), bad).toThrow(/GROWTHBASE_PG17_PORT must be a port number/);
    }
  });
});

describe("pg17Config", () => {
  const base = stackConfig({ GROWTHBASE_DATA_DIR: "/var/tmp/gb-x", GROWTHBASE_DB_PORT: "58322", GROWTHBASE_API_PORT: "58321" });
  const c = pg17Config(base, chrootDir(base.dataDir), 58422);

  it("puts the cluster inside the chroot cached in the stack's data directory, on its own port", () => {
    expect(c.chroot).toBe("/var/tmp/gb-x/pg17-trixie");
    expect(c).toMatchObject({ pgBin: "/usr/lib/postgresql/17/bin", dbPort: 58422, apiPort: 58421 });
    // Paths as seen inside the chroot, never the stack's own cluster.
    expect(c.pgData.startsWith("/var/lib/growthbase-pg17/")).toBe(true);
    expect(c.socketDir.startsWith("/var/lib/growthbase-pg17/")).toBe(true);
    expect(c.pgData).not.toBe(base.pgData);
  });

  it("keeps what the Supabase CLI and the seed need: repo, user, password, database", () => {
    expect(c).toMatchObject({ repoRoot: base.repoRoot, dbName: "postgres", dbPassword: base.dbPassword, jwtSecret: base.jwtSecret });
  });
});

describe("planChroot", () => {
  const line = packagesLine();
  const older = packagesLine(PG17_PACKAGES.filter((p) => p !== "postgresql-17-plpgsql-check"));
  const nothing = { remove: false, debootstrap: false, install: false };
  const cases: [string, ChrootState, boolean, Partial<ChrootPlan>][] = [
    ["on a first run: debootstrap, then the packages", { bootstrapped: false, packagesMarker: null }, false, { debootstrap: true, install: true }],
    ["after a run cut short during apt-get: only the packages", { bootstrapped: true, packagesMarker: null }, false, { install: true }],
    ["cached with the same packages: nothing to do", { bootstrapped: true, packagesMarker: `${line}\n` }, false, {}],
    ["when the package list changed: installs again without a new debootstrap", { bootstrapped: true, packagesMarker: older }, false, { install: true }],
    ["--rebuild removes and makes everything anew", { bootstrapped: true, packagesMarker: line }, true, { remove: true, debootstrap: true, install: true }],
  ];

  it.each(cases)("%s", (_name, state, rebuild, plan) => {
    expect(planChroot(state, { rebuild })).toEqual({ ...nothing, ...plan });
  });

  it("installs PostgreSQL 17 with pgvector, pg_cron, pgTAP, plpgsql_check and pg_prove", () => {
    expect(PG17_PACKAGES).toEqual([
      "postgresql-17", "postgresql-17-pgvector", "postgresql-17-cron", "postgresql-17-pgtap",
      "postgresql-17-plpgsql-check", "libtap-parser-sourcehandler-pgtap-perl",
    ]);
  });
});

describe("lockHolder", () => {
  it("a live pid holds the lock; a dead one, garbage or nothing is a stale lock", () => {
    const isAlive = (pid: number) => pid === 4242;
    expect(lockHolder("4242\n", isAlive)).toBe(4242);
    expect(lockHolder("4243", isAlive)).toBeNull();
    expect(lockHolder("", isAlive)).toBeNull();
    expect(lockHolder("not a pid", isAlive)).toBeNull();
    expect(lockHolder(null, isAlive)).toBeNull();
  });
});

describe("mountsUnder", () => {
  const mounts = [
    "proc /var/tmp/gb/pg17-trixie/proc proc rw 0 0",
    "udev /var/tmp/gb/pg17-trixie/dev devtmpfs rw 0 0",
    "/dev/vda /var/tmp/gb/pg17-trixie/work/my\\040repo ext4 ro 0 0",
    "proc /var/tmp/gb/pg17-trixie-old/proc proc rw 0 0",
    "/dev/vda / ext4 rw 0 0",
  ].join("\n");

  it("finds mount points at or under the directory, octal escapes decoded, not its namesakes", () => {
    expect(mountsUnder(mounts, "/var/tmp/gb/pg17-trixie")).toEqual([
      "/var/tmp/gb/pg17-trixie/proc", "/var/tmp/gb/pg17-trixie/dev", "/var/tmp/gb/pg17-trixie/work/my repo",
    ]);
    expect(mountsUnder(mounts, "/var/tmp/elsewhere")).toEqual([]);
  });
});

describe("proveSummary", () => {
  // pg_prove's own output (captured from a run with one passing, one failing and one dying file).
  const failing = `ok.sql ... ok
bad.sql ..
not ok 2 - must fail
# Failed test 2: "must fail"
# Looks like you failed 1 test of 2
Failed 1/2 subtests
die.sql ..
Dubious, test returned 3 (wstat 768, 0x300)
Failed 2/3 subtests

Test Summary Report
-------------------
bad.sql (Wstat: 0 Tests: 2 Failed: 1)
  Failed test:  2
die.sql (Wstat: 768 (exited 3) Tests: 1 Failed: 0)
  Non-zero exit status: 3
  Parse errors: Bad plan.  You planned 3 tests but ran 1.
Files=3, Tests=5,  0 wallclock secs ( 0.02 usr  0.01 sys +  0.07 cusr  0.02 csys =  0.12 CPU)
Result: FAIL`;

  it("a passing run: the file and test counts", () => {
    const out = `ok.sql .. ok
All tests successful.
Files=35, Tests=1720, 46 wallclock secs ( 0.32 usr  0.05 sys +  0.83 cusr  0.35 csys =  1.55 CPU)
Result: PASS`;
    expect(proveSummary(out)).toEqual({ ok: true, line: "PASS: 35 files, 1720 tests" });
  });

  it("a failing run names each failing file, and a file that died", () => {
    expect(proveSummary(failing)).toEqual({
      ok: false,
      line: "FAIL: 3 files, 5 tests; bad.sql (1 failed), die.sql (exited abnormally)",
    });
  });

  it("no summary at all (pg_prove did not run) is a failure", () => {
    expect(proveSummary("sh: 1: pg_prove: not found")).toEqual({ ok: false, line: "FAIL: no summary from pg_prove" });
  });
});
