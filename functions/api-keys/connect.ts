// An admin connects a provider that has no OAuth with its API key (Fairing): the key is tried
// once against the provider (a refused key is the admin's mistake: 400 invalid_api_key, and
// nothing is stored), encrypted here with the key ring, and stored by SQL as the admin
// (private.connect_api_key checks the role), which activates the connection and queues its first
// pull. The key never reaches the database in the clear and is never answered back.
import { z } from "zod";
import { type AuthConfig, requireUser } from "../_shared/auth.ts";
import { encryptToken, type KeyRing } from "../_shared/crypto.ts";
import { asUser, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { fairingClient } from "../_shared/providers/fairing.ts";
import { ProviderError, type ProviderHttp } from "../_shared/providers/http.ts";

export interface Deps {
  sql: Sql;
  auth: AuthConfig;
  settings: Settings;
  ring: KeyRing;
  http: ProviderHttp;
}

const Body = z.object({
  workspaceId: z.string().uuid(),
  provider: z.literal("fairing"),
  apiKey: z.string().min(8).max(500),
  /** A name for the account (Fairing has no account id): the shop, a brand ... */
  accountId: z.string().trim().min(1).max(255).default("default"),
});

/** Tries the key with the cheapest read the provider has. */
async function tryKey(d: Deps, key: string): Promise<void> {
  try {
    await fairingClient(d.settings, d.http).call({
      path: "responses",
      query: { limit: 1 },
      headers: { authorization: key },
    });
  } catch (e) {
    if (e instanceof ProviderError && e.kind === "token_invalid") {
      throw new HttpError(400, "invalid_api_key", "Fairing refused this API key");
    }
    if (e instanceof ProviderError) {
      throw new HttpError(502, "provider_unavailable", `Fairing could not be asked: ${e.message}`);
    }
    throw e;
  }
}

export async function connect(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const user = await requireUser(req, d.auth);
  const body = Body.parse(await readJson(req, 10_000));
  // the role first, so a viewer learns nothing about the key from the provider's answer
  await asUser(d.sql, user, (tx) => tx`select private.require_workspace_role(${body.workspaceId}, 'admin')`);
  await tryKey(d, body.apiKey);
  const ciphertext = await encryptToken(d.ring, body.apiKey);
  const [row] = await asUser(
    d.sql,
    user,
    (tx) =>
      tx`select private.connect_api_key(${body.workspaceId}, ${body.provider}, ${body.accountId}, ${ciphertext},
        ${d.ring.currentId}) as id`,
  );
  return { status: 200, body: { connectionId: row.id } };
}
