// TikTok for Business (Marketing API): the advertiser authorises on TikTok's portal, which comes
// back with an auth_code; the code is exchanged with the app id and secret for a long-lived
// access token (no refresh token; it lasts until revoked). Answers are {code, message, data}.
import { HttpError } from "../../_shared/errors.ts";
import { chosenAccount, type OAuthProvider } from "./types.ts";

export const tiktok: OAuthProvider = {
  pkce: false,
  authorizeUrl(s, { state, redirectUri }) {
    const url = new URL(s.TIKTOK_AUTH_URL);
    url.search = new URLSearchParams({ app_id: s.TIKTOK_APP_ID, state, redirect_uri: redirectUri }).toString();
    return url;
  },
  verifyCallback: () => Promise.resolve(null),
  accountId: chosenAccount,
  async exchange(s, http, { code }) {
    let j: { code?: number; message?: string; data?: { access_token?: string; scope?: unknown[] } };
    try {
      const res = await http.fetch(s.TIKTOK_TOKEN_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ app_id: s.TIKTOK_APP_ID, secret: s.TIKTOK_APP_SECRET, auth_code: code }),
        signal: AbortSignal.timeout(10_000),
      });
      j = await res.json();
    } catch {
      throw new HttpError(502, "exchange_failed", "the provider could not be reached");
    }
    if (j.code !== 0 || typeof j.data?.access_token !== "string" || !j.data.access_token) {
      throw new HttpError(502, "exchange_failed", `the provider answered code ${j.code}`);
    }
    return {
      access: j.data.access_token,
      refresh: null,
      expiresAt: null,
      scopes: (j.data.scope ?? []).map(String),
    };
  },
};
