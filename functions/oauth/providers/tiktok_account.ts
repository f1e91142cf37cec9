// A TikTok business account (organic posts and their insights, not ads): the account holder
// authorises the app on TikTok (client_key, scopes, state), which comes back with a code; the code
// is exchanged at the Business API's tt_user/oauth2/token/ for an access token (24 hours), a
// refresh token (a year) and the account's open_id, which is the connection's account. Answers
// are {code, message, request_id, data} with code 0 on success.
import type { Settings } from "../../_shared/env.ts";
import { HttpError } from "../../_shared/errors.ts";
import type { Http, OAuthProvider, Tokens } from "./types.ts";

interface TokenAnswer {
  code?: number;
  message?: string;
  data?: {
    access_token?: string;
    refresh_token?: string;
    expires_in?: number;
    open_id?: string;
    scope?: string;
  };
}

async function tokenCall(s: Settings, http: Http, path: string, body: Record<string, string>): Promise<Tokens> {
  let j: TokenAnswer;
  try {
    const res = await http.fetch(`${s.TIKTOK_API_URL.replace(/\/$/, "")}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: s.TIKTOK_APP_ID, client_secret: s.TIKTOK_APP_SECRET, ...body }),
      signal: AbortSignal.timeout(10_000),
    });
    j = await res.json();
  } catch {
    throw new HttpError(502, "exchange_failed", "the provider could not be reached");
  }
  const d = j.data;
  if (j.code !== 0 || typeof d?.access_token !== "string" || !d.access_token) {
    throw new HttpError(502, "exchange_failed", `the provider answered code ${j.code}: ${j.message ?? ""}`.trim());
  }
  const expiresIn = Number(d.expires_in);
  return {
    access: d.access_token,
    refresh: typeof d.refresh_token === "string" ? d.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(http.now() + expiresIn * 1000) : null,
    scopes: typeof d.scope === "string" ? d.scope.split(",").filter(Boolean) : [],
    account: typeof d.open_id === "string" && d.open_id ? d.open_id : undefined,
  };
}

export const tiktokAccount: OAuthProvider = {
  pkce: false,
  accountFromToken: true,
  authorizeUrl(s, { state, redirectUri }) {
    const url = new URL(s.TIKTOK_ACCOUNT_AUTH_URL);
    url.search = new URLSearchParams({
      client_key: s.TIKTOK_APP_ID,
      scope: s.TIKTOK_ACCOUNT_SCOPES,
      response_type: "code",
      redirect_uri: redirectUri,
      state,
    }).toString();
    return url;
  },
  verifyCallback: () => Promise.resolve(null),
  accountId: () => "",
  exchange: (s, http, { code, redirectUri }) =>
    tokenCall(s, http, "tt_user/oauth2/token/", {
      grant_type: "authorization_code",
      auth_code: code,
      redirect_uri: redirectUri,
    }),
  refresh: (s, http, refreshToken) =>
    tokenCall(s, http, "tt_user/oauth2/refresh_token/", { grant_type: "refresh_token", refresh_token: refreshToken }),
};
