// Google Search Console: Google's OAuth (the same client, PKCE S256, offline access, refresh and
// revocation as Google Ads) asking for the read-only webmasters scope. The admin names the
// property at start (sc-domain:example.com or https://www.example.com/): it is the connection's account.
import { googleAds } from "./google_ads.ts";
import type { OAuthProvider } from "./types.ts";

export const googleSearchConsole: OAuthProvider = {
  ...googleAds,
  authorizeUrl(s, input) {
    const url = googleAds.authorizeUrl(s, input);
    url.searchParams.set("scope", s.GOOGLE_SEARCH_CONSOLE_SCOPES);
    return url;
  },
};
