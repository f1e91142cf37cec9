// Klaviyo's JSON:API (https://a.klaviyo.com/api/...): a private key in
// `Authorization: Klaviyo-API-Key <key>`, the API revision pinned in the `revision` header, bodies
// in application/vnd.api+json. Errors are JSON:API documents ({errors: [{status, code, title,
// detail}]}); 429 carries Retry-After (classified by providers/http.ts); 401/403 with
// not_authenticated / authentication_failed / permission_denied mean the key is no good.
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

/** The one place the Klaviyo API revision is pinned. */
export const KLAVIYO_REVISION = "2024-10-15";

interface JsonApiError {
  status?: string | number;
  code?: string;
  title?: string;
  detail?: string;
}

export function classifyKlaviyo(a: Answer): ProviderError | null {
  const errors = (a.body as { errors?: JsonApiError[] } | null)?.errors;
  if (a.status < 400 || !Array.isArray(errors) || !errors.length) return null;
  const e = errors[0];
  const text = `Klaviyo: ${e.code ?? a.status} ${e.detail ?? e.title ?? ""}`.trim();
  if (
    a.status === 401 || a.status === 403 ||
    ["not_authenticated", "authentication_failed", "permission_denied"].includes(e.code ?? "")
  ) {
    return new ProviderError("token_invalid", text, { status: a.status, providerCode: e.code });
  }
  return null; // 429, 5xx and other 4xx by their status
}

export function klaviyoClient(baseUrl: string, http: ProviderHttp, timeoutMs = 20_000): Client {
  return providerClient({
    name: "Klaviyo",
    baseUrl,
    timeoutMs,
    http,
    classify: classifyKlaviyo,
    headers: { revision: KLAVIYO_REVISION, accept: "application/vnd.api+json" },
  });
}

export const klaviyoAuth = (key: string) => ({ authorization: `Klaviyo-API-Key ${key}` });

/** Verifies a private key: the account it belongs to (its id), or a token_invalid ProviderError. */
export async function klaviyoAccount(client: Client, key: string): Promise<{ id: string; name: string | null }> {
  const r = await client.call<
    { data: { id: string; attributes?: { contact_information?: { organization_name?: string } } }[] }
  >({
    path: "api/accounts/",
    headers: klaviyoAuth(key),
  });
  const a = r.body.data?.[0];
  if (!a?.id) throw new ProviderError("bad_request", "Klaviyo answered without an account");
  return { id: a.id, name: a.attributes?.contact_information?.organization_name ?? null };
}
