// Meta (Facebook Login for ads): authorization code grant; the token endpoint is a GET.
import { chosenAccount, type OAuthProvider, tokenRequest, tokensFrom } from "./types.ts";

export const meta: OAuthProvider = {
  pkce: false,
  authorizeUrl(s, { state, redirectUri }) {
    const url = new URL(s.META_AUTH_URL);
    url.search = new URLSearchParams({
      client_id: s.META_APP_ID,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: s.META_SCOPES,
      state,
    }).toString();
    return url;
  },
  verifyCallback: () => Promise.resolve(null),
  accountId: chosenAccount,
  async exchange(s, http, { code, redirectUri }) {
    const url = new URL(s.META_TOKEN_URL);
    url.search = new URLSearchParams({
      client_id: s.META_APP_ID,
      client_secret: s.META_APP_SECRET,
      redirect_uri: redirectUri,
      code,
    }).toString();
    return tokensFrom(await tokenRequest(http, url.toString(), { method: "GET" }), http.now(), ",");
  },
};
