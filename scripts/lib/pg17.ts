// PostgreSQL 17 (the hosted default for new projects) for `npm run test:pg17`: a Debian trixie
// chroot made by debootstrap and kept in the data directory, holding PostgreSQL 17, pgvector 0.8,
// pg_cron 1.6, pgTAP, plpgsql_check and pg_prove from trixie's own packages. The decisions are
// pure functions of what exists, tested without root; test-pg17.ts carries them out.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInChroot } from "./chroot.ts";
import { type StackConfig } from "./config.ts";
import { alive } from "./proc.ts";

export const SUITE = "trixie";
export const PG17_PACKAGES = [
  "postgresql-17",
  "postgresql-17-pgvector",
  "postgresql-17-cron",
  "postgresql-17-pgtap",
  "postgresql-17-plpgsql-check",
  "libtap-parser-sourcehandler-pgtap-perl",
];
/** Written once the packages are installed: the list it installed, so a changed list installs again. */
export const PACKAGES_MARKER = ".growthbase-pg17-packages";
/** Where the cached chroot lives in a stack's data directory. */
export const chrootDir = (dataDir: string) => join(dataDir, "pg17-trixie");

/**
 * The PostgreSQL 17 port: GROWTHBASE_PG17_PORT, else the stack's database port + 100 (54422 by
 * default; 58422 for a checkout on 58322), so each checkout's run has its own.
 */
export function pg17Port(env: NodeJS.ProcessEnv, dbPort: number): number {
  const raw = env.GROWTHBASE_PG17_PORT;
  const port = raw === undefined || raw === "" ? dbPort + 100 : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`GROWTHBASE_PG17_PORT must be a port number (1-65535), not ${JSON.stringify(raw)}`);
  }
  return port;
}

/** The cluster inside the chroot, on its own port, with the stack's settings, user and database. */
export function pg17Config(base: StackConfig, chroot: string, port: number): StackConfig {
  const dataDir = "/var/lib/growthbase-pg17";
  return {
    ...base,
    chroot,
    dataDir,
    pgData: join(dataDir, "pg"),
    socketDir: join(dataDir, "run"),
    pgBin: "/usr/lib/postgresql/17/bin",
    dbPort: port,
    // Nothing listens here: it only fills the Vault secret project_url, as the stack's gateway would.
    apiPort: base.apiPort + 100,
  };
}

/** Why this machine cannot run it, or null when it can. */
export function cannotRun(platform: NodeJS.Platform, root: boolean): string | null {
  if (platform !== "linux") return `needs Linux (debootstrap, chroot, mount); this is ${platform}`;
  if (!root) return "needs root (debootstrap, chroot, mount): run `sudo npm run test:pg17`";
  return null;
}

/** Why `npm test` skips its PostgreSQL 17 step here (GROWTHBASE_SKIP_PG17=1, or no root), or null. */
export function pg17StepSkip(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, root: boolean): string | null {
  if (env.GROWTHBASE_SKIP_PG17 === "1") return "GROWTHBASE_SKIP_PG17=1 is set; `npm run test:pg17` runs it alone";
  const why = cannotRun(platform, root);
  return why && `the PostgreSQL 17 run ${why}`;
}

export interface ChrootState {
  /** debootstrap finished (its marker is there). */
  bootstrapped: boolean;
  /** The packages marker's content, or null when absent. */
  packagesMarker: string | null;
}

export interface ChrootPlan {
  /** Remove the cached chroot first (--rebuild). */
  remove: boolean;
  debootstrap: boolean;
  /** apt-get update and install PG17_PACKAGES. */
  install: boolean;
}

export const packagesLine = (packages: string[] = PG17_PACKAGES) => packages.join(" ");

export function planChroot(state: ChrootState, opts: { rebuild: boolean }, packages: string[] = PG17_PACKAGES): ChrootPlan {
  if (opts.rebuild) return { remove: true, debootstrap: true, install: true };
  if (!state.bootstrapped) return { remove: false, debootstrap: true, install: true };
  return { remove: false, debootstrap: false, install: state.packagesMarker?.trim() !== packagesLine(packages) };
}

export function chrootState(dir: string): ChrootState {
  const marker = join(dir, PACKAGES_MARKER);
  return {
    bootstrapped: existsSync(join(dir, ".growthbase-complete")),
    packagesMarker: existsSync(marker) ? readFileSync(marker, "utf8") : null,
  };
}

/**
 * Installs the packages into a mounted chroot. Nothing is started by the packages (policy-rc.d
 * answers 101) and no default cluster is made: the run makes its own on its own port.
 */
export function installPackages(dir: string, log: (s: string) => void): void {
  writeFileSync(join(dir, "usr/sbin/policy-rc.d"), "#!/bin/sh\n# growthbase: packages start no services here\nexit 101\n", { mode: 0o755 });
  runInChroot(dir, ["mkdir", "-p", "/etc/postgresql-common"]);
  writeFileSync(join(dir, "etc/postgresql-common/createcluster.conf"), "# growthbase: no default cluster\ncreate_main_cluster = false\n");
  log(`apt-get install ${packagesLine()}`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  runInChroot(dir, ["apt-get", "update", "-qq"], { extraEnv: env });
  // --force-confold keeps the createcluster.conf written above.
  runInChroot(dir, ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "-o", "Dpkg::Options::=--force-confold", ...PG17_PACKAGES], {
    extraEnv: env,
  });
  runInChroot(dir, ["apt-get", "clean"]);
  writeFileSync(join(dir, PACKAGES_MARKER), `${packagesLine()}\n`);
}

/** The pid holding the lock file's text, if that process is still alive; else null (a stale lock). */
export function lockHolder(text: string | null, isAlive: (pid: number) => boolean = alive): number | null {
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}
