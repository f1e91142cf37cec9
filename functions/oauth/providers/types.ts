// What every OAuth provider implements; flow.ts drives them all the same way.
import type { Settings } from "../../_shared/env.ts";
import { HttpError } from "../../_shared/errors.ts";

export interface Tokens {
  access: string;
  refresh: string | null;
  expiresAt: Date | null;
  scopes: string[];
  /** The account the token is for, where the provider's token answer names it (TikTok's open_id). */
  account?: string;
  /** What the provider said about the installation, kept on the connection (Slack's bot user, team name). */
  metadata?: Record<string, unknown>;
}

export interface Http {
  fetch: typeof fetch;
  now: () => number;
}

export interface StartInput {
  state: string;
  redirectUri: string;
  shop?: string;
  codeChallenge?: string;
}

export interface OAuthProvider {
  /** Uses PKCE S256 (a verifier is kept encrypted with the state). */
  readonly pkce: boolean;
  /** The account is known only after the exchange (Tokens.accountId): start needs none. */
  readonly accountFromExchange?: boolean;
  /** Where the start step sends the browser. */
  authorizeUrl(s: Settings, input: StartInput): URL;
  /** Checks the provider's own proof on the callback query; an error code, or null when it holds. */
  verifyCallback(s: Settings, params: URLSearchParams, nowMs: number): Promise<string | null>;
  /** The account the token answer names (Tokens.account) is the connection's: start needs no accountId. */
  readonly accountFromToken?: boolean;
  /** The account the connection is for: the shop for Shopify, the chosen ad account or property otherwise. */
  accountId(params: URLSearchParams, bound: { shop: string | null; account_id: string | null }): string;
  exchange(
    s: Settings,
    http: Http,
    input: { code: string; redirectUri: string; shop?: string; verifier?: string },
  ): Promise<Tokens>;
  refresh?(s: Settings, http: Http, refreshToken: string): Promise<Tokens>;
  /** Revokes a token at the provider; true when the provider confirmed. */
  revoke?(s: Settings, http: Http, accessToken: string): Promise<boolean>;
}

/** POSTs (or GETs) to a token endpoint and returns its JSON, which must hold an access_token. */
export async function tokenRequest(http: Http, url: string, init: RequestInit): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await http.fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new HttpError(502, "exchange_failed", "the provider could not be reached");
  }
  const text = await res.text();
  if (!res.ok) throw new HttpError(502, "exchange_failed", `the provider answered ${res.status}`);
  try {
    const j = JSON.parse(text);
    if (typeof j.access_token !== "string" || !j.access_token) throw new Error();
    return j;
  } catch {
    throw new HttpError(502, "exchange_failed", "the provider's answer had no access token");
  }
}

export function tokensFrom(j: Record<string, unknown>, now: number, scopeSep = " "): Tokens {
  const expiresIn = Number(j.expires_in);
  return {
    access: String(j.access_token),
    refresh: typeof j.refresh_token === "string" ? j.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now + expiresIn * 1000) : null,
    scopes: typeof j.scope === "string" ? j.scope.split(scopeSep).filter(Boolean) : [],
  };
}

/** The ad account the admin chose at start (Google Ads, Meta). */
export const chosenAccount = (_: URLSearchParams, bound: { account_id: string | null }) => bound.account_id ?? "";

/** A provider URL with its query replaced by params (authorize and token endpoints). */
export function withQuery(base: string, params: Record<string, string>): URL {
  const url = new URL(base);
  url.search = new URLSearchParams(params).toString();
  return url;
}
