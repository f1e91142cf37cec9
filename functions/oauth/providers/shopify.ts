// Shopify: authorization code grant for a shop; the callback query is signed by Shopify.
import type { Settings } from "../../_shared/env.ts";
import { shopAdminUrl } from "../../_shared/providers.ts";
import { shopifyQueryCheck } from "./shopify_hmac.ts";
import { type OAuthProvider, tokenRequest, tokensFrom, withQuery } from "./types.ts";

export const shopify: OAuthProvider = {
  pkce: false,
  authorizeUrl(s: Settings, { state, redirectUri, shop }) {
    return withQuery(`${shopAdminUrl(s, shop!)}/admin/oauth/authorize`, {
      client_id: s.SHOPIFY_API_KEY,
      scope: s.SHOPIFY_SCOPES,
      redirect_uri: redirectUri,
      state,
    });
  },
  async verifyCallback(s, params, nowMs) {
    const check = await shopifyQueryCheck(params, s.SHOPIFY_API_SECRET, nowMs);
    return check === "ok" ? null : check;
  },
  accountId: (params) => params.get("shop") ?? "",
  async exchange(s, http, { code, shop }) {
    const j = await tokenRequest(http, `${shopAdminUrl(s, shop!)}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: s.SHOPIFY_API_KEY, client_secret: s.SHOPIFY_API_SECRET, code }),
    });
    return tokensFrom(j, http.now(), ",");
  },
};
