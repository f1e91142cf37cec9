// Saving an API key: the caller is authenticated and allowed first (an admin of the workspace
// for a workspace connection; anyone signed in for their own key), then the key is verified
// against the provider (a refused key is never stored: 422 key_rejected), encrypted like OAuth
// tokens, and stored as the caller in one SQL call, which audits the write. The key is never
// returned or logged; the answer names the connection and the key's last four characters.
import { z } from "zod";
import type { AuthConfig, UserClaims } from "../_shared/auth.ts";
import { requireUser } from "../_shared/auth.ts";
import { encryptToken, type KeyRing } from "../_shared/crypto.ts";
import { asUser, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { type Client, providerClient, ProviderError, type ProviderHttp } from "../_shared/providers/http.ts";
import { klaviyoAccount, klaviyoClient } from "../_shared/providers/klaviyo.ts";
import { yotpoClient, yotpoToken } from "../_shared/providers/yotpo.ts";
import { fairingClient } from "../_shared/providers/fairing.ts";

export interface Deps {
  settings: Settings;
  auth: AuthConfig;
  sql: Sql;
  ring: KeyRing;
  http: ProviderHttp;
}

const key = z.string().trim().min(8).max(300);
export const Body = z.discriminatedUnion("provider", [
  z.object({
    scope: z.literal("workspace"),
    workspaceId: z.string().uuid(),
    provider: z.literal("klaviyo"),
    privateKey: key,
  }),
  z.object({
    scope: z.literal("workspace"),
    workspaceId: z.string().uuid(),
    provider: z.literal("yotpo"),
    appKey: z.string().trim().regex(/^[A-Za-z0-9_-]{4,100}$/),
    secret: key,
  }),
  z.object({
    scope: z.literal("workspace"),
    workspaceId: z.string().uuid(),
    provider: z.literal("fairing"),
    apiKey: key,
    /** A name for the account (Fairing has no account id): the shop, a brand ... */
    accountId: z.string().trim().min(1).max(255).default("default"),
  }),
  z.object({
    scope: z.literal("user"),
    provider: z.literal("openai"),
    name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/).default("openai"),
    key,
  }),
]);
export type Body = z.infer<typeof Body>;

const hint = (secret: string) => secret.slice(-4);

/** What the provider says of the key: the account it opens, or an HttpError the caller can act on. */
async function verified<T>(what: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    if (e.kind === "token_invalid" || e.kind === "bad_request") {
      throw new HttpError(422, "key_rejected", `${what} refused this key; nothing was saved`, {
        provider: e.message.slice(0, 300),
      });
    }
    throw new HttpError(
      502,
      "provider_unavailable",
      `${what} could not be asked whether the key works; nothing was saved, try again`,
    );
  }
}

function openAiClient(d: Deps): Client {
  return providerClient({ name: "OpenAI", baseUrl: d.settings.OPENAI_BASE_URL, timeoutMs: 15_000, http: d.http });
}

async function requireAdmin(d: Deps, user: UserClaims, workspaceId: string) {
  await asUser(d.sql, user, (tx) => tx`select private.require_workspace_role(${workspaceId}, 'admin')`);
}

export async function save(req: Request, d: Deps): Promise<Reply> {
  const user = await requireUser(req, d.auth);
  const body = Body.parse(await readJson(req, 10_000));
  if (body.provider === "openai") {
    await verified(
      "OpenAI",
      () => openAiClient(d).call({ path: "models", headers: { authorization: `Bearer ${body.key}` } }),
    );
    const ct = await encryptToken(d.ring, body.key);
    const [row] = await asUser(
      d.sql,
      user,
      (tx) =>
        tx`select private.store_own_api_key(${body.name}, 'openai', ${ct}, ${d.ring.currentId}, ${
          hint(body.key)
        }) as id`,
    );
    return { status: 201, body: { secretId: row.id, name: body.name, provider: "openai", hint: hint(body.key) } };
  }
  await requireAdmin(d, user, body.workspaceId);
  if (body.provider === "fairing") {
    // one page of responses: the cheapest read Fairing has
    await verified(
      "Fairing",
      () =>
        fairingClient(d.settings, d.http).call({
          path: "responses",
          query: { limit: 1 },
          headers: { authorization: body.apiKey },
        }),
    );
    const ct = await encryptToken(d.ring, body.apiKey);
    const [row] = await asUser(
      d.sql,
      user,
      (tx) =>
        tx`select private.connect_api_key(${body.workspaceId}, 'fairing', ${body.accountId}, ${ct}, ${d.ring.currentId}) as id`,
    );
    return {
      status: 201,
      body: { connectionId: row.id, provider: "fairing", externalAccountId: body.accountId, hint: hint(body.apiKey) },
    };
  }
  let account: string;
  let secret: string;
  let metadata: Record<string, unknown> = {};
  if (body.provider === "klaviyo") {
    const a = await verified(
      "Klaviyo",
      () => klaviyoAccount(klaviyoClient(d.settings.KLAVIYO_API_URL, d.http), body.privateKey),
    );
    account = a.id;
    secret = body.privateKey;
    metadata = { account_name: a.name };
  } else {
    await verified("Yotpo", () => yotpoToken(yotpoClient(d.settings.YOTPO_API_URL, d.http), body.appKey, body.secret));
    account = body.appKey;
    secret = body.secret;
  }
  const ct = await encryptToken(d.ring, secret);
  const [row] = await asUser(
    d.sql,
    user,
    (tx) =>
      tx`select private.store_api_key_connection(${body.workspaceId}, ${body.provider}, ${account}, ${ct},
      ${d.ring.currentId}, ${hint(secret)}, ${tx.json(metadata as never)}) as id`,
  );
  return {
    status: 201,
    body: { connectionId: row.id, provider: body.provider, externalAccountId: account, hint: hint(secret) },
  };
}
