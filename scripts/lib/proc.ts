// Running child processes: captured, streamed, or as the postgres OS user when we are root.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";

export class CommandError extends Error {
  constructor(
    message: string,
    readonly output: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface RunOptions extends SpawnSyncOptions {
  /** Print the command's output as it runs instead of capturing it. */
  inherit?: boolean;
  /** Return the result even when the command fails. */
  allowFail?: boolean;
}

export function run(cmd: string, args: string[], opts: RunOptions = {}) {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: opts.inherit ? "inherit" : "pipe",
    ...opts,
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.error) throw new CommandError(`${cmd}: ${r.error.message}`, output, null);
  if (r.status !== 0 && !opts.allowFail) {
    throw new CommandError(`${cmd} ${args.join(" ")} exited ${r.status}\n${output.trim()}`, output, r.status);
  }
  return { status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? ""), output };
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Run a PostgreSQL server binary; PostgreSQL refuses to run as root, so drop to `postgres`. */
/** A command as the postgres user: through runuser when we are root. */
export function postgresCommand(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

export function runAsPostgres(cmd: string, args: string[], opts: RunOptions = {}) {
  return run(...postgresCommand(cmd, args), opts);
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ port, host });
    s.once("connect", () => {
      s.destroy();
      res(true);
    });
    s.once("error", () => res(false));
    s.setTimeout(1000, () => {
      s.destroy();
      res(false);
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid in a pid file when that process is alive, else null. */
export function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8"));
  return pid > 0 && alive(pid) ? pid : null;
}

/** Stops a detached process group started with a pid file: TERM, then KILL after 5 s. */
export async function stopPid(file: string): Promise<void> {
  const pid = readPid(file);
  if (pid) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      process.kill(pid, "SIGTERM");
    }
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    if (alive(pid)) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        process.kill(pid, "SIGKILL");
      }
    }
  }
  rmSync(file, { force: true });
}
