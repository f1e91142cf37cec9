// npm run reencrypt-tokens : after adding a new key to GROWTHBASE_TOKEN_KEYS and making it
// GROWTHBASE_TOKEN_KEY_ID, re-encrypt every integration token and user secret under it. Old
// ciphertexts keep decrypting meanwhile (the key id travels with them), so there is no downtime;
// drop the old key once this reports 0 left. Uses SUPABASE_DB_URL, else the local stack.
import postgres from "postgres";
import { decryptToken, encryptToken, type KeyRing, keyIdOf, loadKeyRing } from "../functions/_shared/crypto.ts";
import { dbUrl, stackConfig } from "./lib/config.ts";
import { localIntegrationEnv } from "./lib/gateway.ts";

export async function reencrypt(sql: postgres.Sql, ring: KeyRing): Promise<{ tokens: number; secrets: number; skipped: number }> {
  let tokens = 0, secrets = 0, skipped = 0;
  const rows = await sql`select * from private.token_ciphertexts(${ring.currentId})`;
  for (const r of rows) {
    const access = await encryptToken(ring, await decryptToken(ring, r.access_token_ciphertext));
    const refresh = r.refresh_token_ciphertext
      ? await encryptToken(ring, await decryptToken(ring, r.refresh_token_ciphertext))
      : null;
    const [{ ok }] = await sql`select private.replace_token_ciphertexts(${r.connection_id}, ${r.access_token_ciphertext},
      ${access}, ${refresh}, ${ring.currentId}) as ok`;
    if (ok) tokens++;
    else skipped++; // refreshed meanwhile: already under the current key
  }
  const secretRows = await sql`select secret_id, ciphertext from private.user_secret_values where key_id <> ${ring.currentId}`;
  for (const s of secretRows) {
    const ct = await encryptToken(ring, await decryptToken(ring, s.ciphertext));
    const done = await sql`update private.user_secret_values set ciphertext = ${ct}, key_id = ${keyIdOf(ct)}
      where secret_id = ${s.secret_id} and ciphertext = ${s.ciphertext} returning secret_id`;
    if (done.length) secrets++;
    else skipped++;
  }
  return { tokens, secrets, skipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const c = stackConfig();
  const local = localIntegrationEnv(c);
  const ring = await loadKeyRing(
    process.env.GROWTHBASE_TOKEN_KEYS ?? local.GROWTHBASE_TOKEN_KEYS,
    process.env.GROWTHBASE_TOKEN_KEY_ID ?? local.GROWTHBASE_TOKEN_KEY_ID,
  );
  const sql = postgres(process.env.SUPABASE_DB_URL ?? dbUrl(c), { max: 1, onnotice: () => {} });
  try {
    const r = await reencrypt(sql, ring);
    const [left] = await sql`select count(*)::int as n from private.token_ciphertexts(${ring.currentId})`;
    console.log(`re-encrypted ${r.tokens} connection(s) and ${r.secrets} secret(s) under ${ring.currentId}; ` +
      `${r.skipped} changed meanwhile; ${left.n} token row(s) left under other keys`);
  } finally {
    await sql.end();
  }
}
