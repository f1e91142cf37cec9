// Debian chroots made by debootstrap: a fresh machine (npm run fresh-machine) and PostgreSQL 17
// (npm run test:pg17). Made once and kept; mounted only while used; removed only once nothing is
// mounted under them (a bind mount left under a tree `rm -rf` walks would delete what it shows).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, type RunOptions } from "./proc.ts";

export const DEBIAN_MIRROR = "http://deb.debian.org/debian";

/** Mount points at or under dir (/proc/self/mounts writes space, tab, newline, \\ as octal escapes). */
export function mountsUnder(mountsText: string, dir: string): string[] {
  return mountsText.split("\n").map((l) => l.split(" ")[1])
    .filter(Boolean)
    .map((m) => m.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((m) => m === dir || m.startsWith(`${dir}/`));
}

/** Mount points at or under dir, which must be absolute and without symlinks, as the kernel names them. */
export const mounted = (dir: string): string[] => mountsUnder(readFileSync("/proc/self/mounts", "utf8"), dir);

/** Unmounts everything under dir, deepest first; throws if anything is still mounted. */
export function unmountAll(dir: string): void {
  for (const m of mounted(dir).sort((a, b) => b.length - a.length)) run("umount", ["-l", m], { allowFail: true });
  if (mounted(dir).length) throw new Error(`still mounted under ${dir}: ${mounted(dir).join(", ")}`);
}

/**
 * /proc, /sys and /dev, this machine's resolver and local CA certificates; and each of `binds`
 * (host directories) read-only at the same path inside, so a path means the same on both sides.
 */
export function mountAll(dir: string, binds: string[] = []): void {
  run("mount", ["-t", "proc", "proc", join(dir, "proc")]);
  run("mount", ["-t", "sysfs", "sys", join(dir, "sys")]);
  run("mount", ["--rbind", "/dev", join(dir, "dev")]);
  run("mount", ["--make-rslave", join(dir, "dev")]);
  writeFileSync(join(dir, "etc/resolv.conf"), readFileSync("/etc/resolv.conf"));
  // This machine's network trusts local CAs (an egress proxy's, here); a fresh machine on the same
  // network has them too. ca-certificates, once installed in the chroot, adds them to its bundle.
  const localCas = "/usr/local/share/ca-certificates";
  if (existsSync(localCas)) run("cp", ["-a", `${localCas}/.`, join(dir, localCas)]);
  for (const b of binds) {
    run("mkdir", ["-p", join(dir, b)]);
    run("mount", ["--bind", "-o", "ro", b, join(dir, b)]);
  }
}

/** Removes a chroot tree, refusing while anything is mounted under it. */
export function removeTree(dir: string): void {
  unmountAll(dir);
  run("rm", ["-rf", "--one-file-system", dir]);
}

/** The environment a new root login would have, plus extraEnv. */
export function loginEnv(extraEnv: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: "/root",
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    LANG: "C.UTF-8",
    TERM: "dumb",
    // Where this machine points Node.js at that CA bundle, the chroot's Node.js is pointed too.
    ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
    ...extraEnv,
  };
}

/** `chroot` arguments that run argv inside dir with a clean login environment. */
export function chrootArgs(dir: string, argv: string[], extraEnv: Record<string, string> = {}): string[] {
  return [dir, "/usr/bin/env", "-i", ...Object.entries(loginEnv(extraEnv)).map(([k, v]) => `${k}=${v}`), ...argv];
}

/** A command inside the chroot, captured (or streamed with `inherit`), failing as `run` does. */
export function runInChroot(dir: string, argv: string[], opts: RunOptions & { extraEnv?: Record<string, string> } = {}) {
  const { extraEnv, ...rest } = opts;
  return run("chroot", chrootArgs(dir, argv, extraEnv), rest);
}

/** A shell script inside the chroot, its output streamed; the exit status and the wall time. */
export function inChroot(dir: string, script: string, extraEnv: Record<string, string> = {}): { status: number | null; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync("chroot", chrootArgs(dir, ["/bin/sh", "-c", script], extraEnv), { stdio: "inherit" });
  return { status: r.status, seconds: (performance.now() - t0) / 1000 };
}

/** dir holds a complete `debootstrap --variant=minbase <suite>` (made here unless it already does). */
export function ensureDebootstrap(dir: string, suite: string, log: (s: string) => void): void {
  const marker = join(dir, ".growthbase-complete");
  if (existsSync(marker)) return;
  if (!existsSync("/usr/sbin/debootstrap")) {
    run("apt-get", ["install", "-y", "-qq", "debootstrap"], { inherit: true, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  // A run cut short leaves no marker: start again from nothing.
  removeTree(dir);
  log(`debootstrap --variant=minbase ${suite} ${dir}`);
  run("debootstrap", ["--variant=minbase", suite, dir, DEBIAN_MIRROR], { inherit: true });
  writeFileSync(marker, "");
}
