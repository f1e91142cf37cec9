// The stack's keys live in its data directory (keys.json, mode 600): made on the first start,
// kept across resets, gone with the data directory. LOCAL ONLY.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateStackKeys, legacyApiKeys, publicJwks, type StackKeys } from "../../functions/_local/keys.ts";
import type { StackConfig } from "./config.ts";

const keysFile = (c: StackConfig) => join(c.dataDir, "keys.json");

/** The stack's keys, created on first use. The legacy secret follows GROWTHBASE_JWT_SECRET. */
export async function stackKeys(c: StackConfig): Promise<StackKeys> {
  const file = keysFile(c);
  if (existsSync(file)) {
    const k = JSON.parse(readFileSync(file, "utf8")) as StackKeys;
    if (k.legacySecret === c.jwtSecret) return k;
    k.legacySecret = c.jwtSecret;
    writeFileSync(file, JSON.stringify(k, null, 2), { mode: 0o600 });
    return k;
  }
  mkdirSync(c.dataDir, { recursive: true });
  const k = await generateStackKeys(c.jwtSecret);
  writeFileSync(file, JSON.stringify(k, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return k;
}

/** What `status` prints and clients use. */
export async function publicKeys(c: StackConfig) {
  const k = await stackKeys(c);
  const legacy = await legacyApiKeys(k.legacySecret);
  return {
    publishableKey: k.publishableKey,
    secretKey: k.secretKey,
    anonKey: legacy.anonKey,
    serviceRoleKey: legacy.serviceRoleKey,
    jwks: publicJwks(k),
  };
}
