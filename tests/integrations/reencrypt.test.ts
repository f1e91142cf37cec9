// Key rotation: tokens encrypted under an old key move to the new one without changing.
import { afterAll, expect, it } from "vitest";
import { decryptToken, encryptToken, keyIdOf, loadKeyRing, toBase64 } from "../../functions/_shared/crypto.ts";
import { reencrypt } from "../../scripts/reencrypt-tokens.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { config, dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
afterAll(() => sql.end());

it("re-encrypts every token and secret under the current key and leaves the plaintext unchanged", async () => {
  const ws = await workspaceWithRoles(sql);
  const oldKey = toBase64(crypto.getRandomValues(new Uint8Array(32)));
  // Rotate onto the stack's own key (local1), so rows other tests and the demo seed hold under
  // it stay readable by the running functions; the rows made here start under a fresh old key.
  const local = localIntegrationEnv(config);
  const before = await loadKeyRing(`old${ws.tag}:${oldKey}`, `old${ws.tag}`);
  // a provider nothing syncs from, so no worker reads (or holds) these tokens meanwhile
  const [c] = await sql`insert into public.integration_connections (workspace_id, provider, external_account_id)
    values (${ws.id}, 'klaviyo', 'rot-account') returning id`;
  await sql`insert into private.integration_tokens (connection_id, access_token_ciphertext, refresh_token_ciphertext, key_id)
    values (${c.id}, ${await encryptToken(before, "access-1")}, ${await encryptToken(before, "refresh-1")}, ${"old" + ws.tag})`;
  await sql`select private.store_user_secret(${ws.people.member.id}, 'gemini', 'gemini',
    ${await encryptToken(before, "gm-key")}, ${"old" + ws.tag}, null)`;
  try {
    const after = await loadKeyRing(`${local.GROWTHBASE_TOKEN_KEYS},old${ws.tag}:${oldKey}`, local.GROWTHBASE_TOKEN_KEY_ID);
    const r = await reencrypt(sql, after);
    expect(r.tokens).toBeGreaterThanOrEqual(1);
    expect(r.secrets).toBeGreaterThanOrEqual(1);
    const [t] = await sql`select * from private.integration_tokens where connection_id = ${c.id}`;
    expect([t.key_id, keyIdOf(t.access_token_ciphertext), keyIdOf(t.refresh_token_ciphertext)]).toEqual(["local1", "local1", "local1"]);
    const onlyNew = await loadKeyRing(local.GROWTHBASE_TOKEN_KEYS, local.GROWTHBASE_TOKEN_KEY_ID);
    expect(await decryptToken(onlyNew, t.access_token_ciphertext)).toBe("access-1");
    expect(await decryptToken(onlyNew, t.refresh_token_ciphertext)).toBe("refresh-1");
    const [s] = await sql`select v.ciphertext from private.user_secret_values v
      join public.user_secrets u on u.id = v.secret_id where u.user_id = ${ws.people.member.id}`;
    expect(await decryptToken(onlyNew, s.ciphertext)).toBe("gm-key");
    const audit = await sql`select action from public.secret_audit_logs where user_id = ${ws.people.member.id} order by id`;
    expect(audit.map((a) => a.action)).toEqual(["create", "rotate"]);
  } finally {
    await dropWorkspace(sql, ws.tag);
  }
});
