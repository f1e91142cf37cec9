// Yotpo: an app key (public, the store id) and a secret exchanged for a utoken
// (POST /oauth/token, client_credentials), then reviews page by page
// (GET /v1/apps/{app_key}/reviews?utoken=&count=&page=, {reviews: [...]}; a short page is the
// last). A refused secret answers 401 (token_invalid).
import { type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

export function yotpoClient(baseUrl: string, http: ProviderHttp, timeoutMs = 20_000): Client {
  return providerClient({ name: "Yotpo", baseUrl, timeoutMs, http });
}

/** Exchanges the app key and secret for a utoken; token_invalid when Yotpo refuses them. */
export async function yotpoToken(client: Client, appKey: string, secret: string): Promise<string> {
  let r;
  try {
    r = await client.call<{ access_token?: string }>({
      path: "oauth/token",
      json: { client_id: appKey, client_secret: secret, grant_type: "client_credentials" },
    });
  } catch (e) {
    if (e instanceof ProviderError && (e.details.status === 400 || e.details.status === 403)) {
      throw new ProviderError("token_invalid", `Yotpo refused the app key and secret (${e.details.status})`, e.details);
    }
    throw e;
  }
  if (!r.body.access_token) throw new ProviderError("token_invalid", "Yotpo answered without an access token");
  return r.body.access_token;
}

export interface YotpoReview {
  id: number | string;
  [k: string]: unknown;
}

export async function yotpoReviews(client: Client, appKey: string, utoken: string, page: number, count: number) {
  const r = await client.call<{ reviews?: YotpoReview[] }>({
    path: `v1/apps/${encodeURIComponent(appKey)}/reviews`,
    query: { utoken, page, count },
  });
  return r.body.reviews ?? [];
}
