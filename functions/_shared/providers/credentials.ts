// A connection's access token for provider calls: read through the audited path
// (private.read_integration_tokens, with the caller's reason), decrypted with the key ring, kept
// for the rest of the worker call. When the provider says the token is invalid, the token is
// refreshed once (where the provider issues refresh tokens), stored encrypted
// (private.record_refresh) and the call runs again; a second refusal, or a refresh that fails,
// stays token_invalid, which the connector records as reauth_required.
import { decryptToken, encryptToken, type KeyRing } from "../crypto.ts";
import { asService, type Sql } from "../db.ts";
import { type Call, type Client, ProviderError } from "./http.ts";

export interface RefreshedTokens {
  access: string;
  refresh: string | null;
  expiresAt: Date | null;
}

/** How a provider renews an access token from a refresh token (the oauth providers' `refresh`). */
export type Refresher = (refreshToken: string) => Promise<RefreshedTokens>;

export interface CredentialOptions {
  sql: Sql;
  ring: KeyRing;
  /** Why the tokens are read, recorded with every read in audit_log ("ads sync" ...). */
  reason: string;
  /** The refresher for a connection's provider, if it has one. */
  refresher?: (provider: string) => Refresher | undefined;
}

export interface Credentials {
  /** Runs fn with the connection's access token; refreshes once on token_invalid and runs it again. */
  withToken<T>(connectionId: string, fn: (token: string) => Promise<T>): Promise<T>;
  /** Forgets what was read (tests; a worker call starts with nothing cached). */
  clear(): void;
}

interface Held {
  provider: string;
  access: string;
  refreshCiphertext: string | null;
}

export function credentials(o: CredentialOptions): Credentials {
  const cache = new Map<string, Promise<Held>>();
  const refreshing = new Map<string, Promise<Held>>();

  const read = (connectionId: string) => {
    let p = cache.get(connectionId);
    if (!p) {
      p = (async () => {
        const [row] = await asService(
          o.sql,
          (tx) => tx`select * from private.read_integration_tokens(${connectionId}, ${o.reason})`,
        );
        if (!row) throw new ProviderError("token_invalid", "the connection has no tokens (it was disconnected)");
        return {
          provider: row.provider as string,
          access: await decryptToken(o.ring, row.access_token_ciphertext),
          refreshCiphertext: row.refresh_token_ciphertext as string | null,
        };
      })();
      p.catch(() => cache.delete(connectionId));
      cache.set(connectionId, p);
    }
    return p;
  };

  const refresh = async (connectionId: string, held: Held, cause: ProviderError): Promise<Held> => {
    const refresher = o.refresher?.(held.provider);
    if (!refresher || !held.refreshCiphertext) throw cause;
    let fresh: RefreshedTokens;
    try {
      fresh = await refresher(await decryptToken(o.ring, held.refreshCiphertext));
    } catch (e) {
      throw new ProviderError(
        "token_invalid",
        `${cause.message}; refreshing the token failed: ${(e as Error).message}`,
        cause.details,
      );
    }
    const access = await encryptToken(o.ring, fresh.access);
    const refreshCt = fresh.refresh ? await encryptToken(o.ring, fresh.refresh) : null;
    await asService(
      o.sql,
      (tx) =>
        tx`select private.record_refresh(${connectionId}, ${access}, ${refreshCt}, ${o.ring.currentId}, ${fresh.expiresAt}, null)`,
    );
    const next = {
      provider: held.provider,
      access: fresh.access,
      refreshCiphertext: refreshCt ?? held.refreshCiphertext,
    };
    cache.set(connectionId, Promise.resolve(next));
    return next;
  };

  return {
    async withToken(connectionId, fn) {
      const held = await read(connectionId);
      try {
        return await fn(held.access);
      } catch (e) {
        if (!(e instanceof ProviderError) || e.kind !== "token_invalid") throw e;
        const current = await read(connectionId);
        // another call of this worker refreshed it meanwhile: use that token
        let next = current;
        if (current.access === held.access) {
          let r = refreshing.get(connectionId);
          if (!r) {
            r = refresh(connectionId, current, e).finally(() => refreshing.delete(connectionId));
            refreshing.set(connectionId, r);
          }
          next = await r;
        }
        return await fn(next.access);
      }
    },
    clear: () => {
      cache.clear();
      refreshing.clear();
    },
  };
}

/** A provider client whose every call carries the connection's token, refreshed once when refused. */
export function authorizedClient(
  client: Client,
  creds: Credentials,
  connectionId: string,
  authHeaders: (token: string) => Record<string, string>,
): Client {
  return {
    name: client.name,
    call<T>(c: Call) {
      return creds.withToken(
        connectionId,
        (token) => client.call<T>({ ...c, headers: { ...c.headers, ...authHeaders(token) } }),
      );
    },
  };
}
