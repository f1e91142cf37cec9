// The stack's Mux signing key for signed playback (LOCAL ONLY): an RSA key pair made on first
// use in the data directory, like keys.json. The functions get the private key as Mux hands it
// out (base64 of the PEM, MUX_SIGNING_KEY_PRIVATE); the tests' fake Mux verifies tokens with the
// public key, as Mux's stream servers do.
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackConfig } from "./config.ts";

export const LOCAL_MUX_SIGNING_KEY_ID = "local-mux-signing-key";

export interface MuxSigningKey {
  id: string;
  privatePem: string;
  publicPem: string;
}

export function muxSigningKey(c: StackConfig): MuxSigningKey {
  const file = join(c.dataDir, "mux-signing-key.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as MuxSigningKey;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const k = { id: LOCAL_MUX_SIGNING_KEY_ID, privatePem: privateKey, publicPem: publicKey };
  mkdirSync(c.dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(k), { mode: 0o600 });
  return k;
}
