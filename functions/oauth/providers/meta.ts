// Meta (Facebook Login for ads): authorization code grant; the token endpoint is a GET.
import { chosenAccount, type OAuthProvider, tokenRequest, tokensFrom, withQuery } from "./types.ts";

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
    return tokensFrom(await tokenRequest(http, url.toString(), { method: "GET" }), http.now(), ",");
  },
};
