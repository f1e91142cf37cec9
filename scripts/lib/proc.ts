// Running child processes: captured, streamed, or as the postgres OS user when we are root.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
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
export function runAsPostgres(cmd: string, args: string[], opts: RunOptions = {}) {
  return isRoot() ? run("runuser", ["-u", "postgres", "--", cmd, ...args], opts) : run(cmd, args, opts);
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
