// Meta (Facebook Login for ads and Instagram's insights): authorization code grant; the token
// endpoint is a GET and names no scopes, so the permissions the person granted are read from
// /me/permissions (a Meta connection granted Instagram's feeds organic Instagram). A failed read
// leaves them unknown (empty), never the connection.
import type { Settings } from "../../_shared/env.ts";
import { chosenAccount, type Http, type OAuthProvider, tokenRequest, tokensFrom, withQuery } from "./types.ts";

/** The permissions a Meta user token was granted; empty when Meta cannot say. */
export async function grantedPermissions(s: Settings, http: Http, accessToken: string): Promise<string[]> {
  try {
    const url = withQuery(`${s.META_GRAPH_URL.replace(/\/$/, "")}/me/permissions`, { access_token: accessToken });
    const res = await http.fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) {
      await res.body?.cancel();
      return [];
    }
    const j = await res.json() as { data?: { permission?: string; status?: string }[] };
    return (j.data ?? []).filter((p) => p.status === "granted" && typeof p.permission === "string")
      .map((p) => p.permission!);
  } catch {
    return [];
  }
}

export const meta: OAuthProvider = {
  pkce: false,
  authorizeUrl(s, { state, redirectUri }) {
    return withQuery(s.META_AUTH_URL, {
      client_id: s.META_APP_ID,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: s.META_SCOPES,
      state,
    });
  },
  verifyCallback: () => Promise.resolve(null),
  accountId: chosenAccount,
  async exchange(s, http, { code, redirectUri }) {
    const url = withQuery(s.META_TOKEN_URL, {
      client_id: s.META_APP_ID,
      client_secret: s.META_APP_SECRET,
      redirect_uri: redirectUri,
      code,
    });
    const tokens = tokensFrom(await tokenRequest(http, url.toString(), { method: "GET" }), http.now(), ",");
    const granted = await grantedPermissions(s, http, tokens.access);
    return { ...tokens, scopes: granted.length ? granted : tokens.scopes };
  },
};
