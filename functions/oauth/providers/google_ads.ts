// Google Ads: authorization code grant with PKCE S256, offline access (a refresh token), revocation.
import { chosenAccount, type OAuthProvider, tokenRequest, tokensFrom, withQuery } from "./types.ts";

export const googleAds: OAuthProvider = {
  pkce: true,
  authorizeUrl(s, { state, redirectUri, codeChallenge }) {
    return withQuery(s.GOOGLE_AUTH_URL, {
      client_id: s.GOOGLE_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: s.GOOGLE_SCOPES,
      access_type: "offline",
      prompt: "consent",
      state,
      code_challenge: codeChallenge!,
      code_challenge_method: "S256",
    });
  },
  verifyCallback: () => Promise.resolve(null),
  accountId: chosenAccount,
  async exchange(s, http, { code, redirectUri, verifier }) {
    const j = await tokenRequest(http, s.GOOGLE_TOKEN_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        client_id: s.GOOGLE_CLIENT_ID,
        client_secret: s.GOOGLE_CLIENT_SECRET,
        code_verifier: verifier ?? "",
      }),
    });
    return tokensFrom(j, http.now());
  },
  async refresh(s, http, refreshToken) {
    const j = await tokenRequest(http, s.GOOGLE_TOKEN_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: s.GOOGLE_CLIENT_ID,
        client_secret: s.GOOGLE_CLIENT_SECRET,
      }),
    });
    return tokensFrom(j, http.now());
  },
  async revoke(s, http, accessToken) {
    try {
      const res = await http.fetch(s.GOOGLE_REVOKE_URL, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: accessToken }),
        signal: AbortSignal.timeout(10_000),
      });
      await res.body?.cancel();
      return res.ok;
    } catch {
      return false;
    }
  },
};
