// A fake Klaviyo at /klaviyo, speaking its JSON:API: Klaviyo-API-Key authentication (401
// not_authenticated / authentication_failed documents), the revision header required, accounts,
// profile-import (upsert by email) and events (one per unique_id, 202 Accepted), 429 with
// Retry-After and a throttled error document.
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

const jsonApi = { "content-type": "application/vnd.api+json" };
const error = (status: number, code: string, title: string, detail: string): FakeResponse => ({
  status,
  headers: jsonApi,
  json: { errors: [{ id: crypto.randomUUID(), status, code, title, detail, source: { pointer: "/data/" } }] },
});

export class KlaviyoFake extends FakeProvider {
  readonly prefix = "/klaviyo";
  validKeys = new Set<string>();
  profiles = new Map<string, Record<string, unknown>>();
  /** Events by unique_id: Klaviyo keeps one per id. */
  events = new Map<string, Record<string, unknown>>();
  /** Every revision header seen. */
  revisions: string[] = [];

  constructor() {
    super();
    this.on("GET", /^\/api\/accounts\/$/, () => ({
      headers: jsonApi,
      json: { data: [{ type: "account", id: "KlAcct1", attributes: { contact_information: { organization_name: "Demo Brand" } } }] },
    }));
    this.on("POST", /^\/api\/profile-import\/$/, (r) => {
      const a = (r.json as { data?: { attributes?: Record<string, unknown> } })?.data?.attributes;
      if (!a?.email && !a?.phone_number && !a?.external_id) {
        return error(400, "invalid", "Invalid input.", "One of email, phone_number or external_id is required");
      }
      const k = String(a.email ?? a.phone_number ?? a.external_id);
      const created = !this.profiles.has(k);
      this.profiles.set(k, a);
      return { status: created ? 201 : 200, headers: jsonApi, json: { data: { type: "profile", id: `P${this.profiles.size}`, attributes: a } } };
    });
    this.on("POST", /^\/api\/events\/$/, (r) => {
      const a = (r.json as { data?: { attributes?: Record<string, unknown> } })?.data?.attributes;
      if (!a?.metric || !a?.profile) return error(400, "invalid", "Invalid input.", "metric and profile are required");
      const id = String(a.unique_id ?? crypto.randomUUID());
      if (!this.events.has(id)) this.events.set(id, a);
      return { status: 202, text: "" };
    });
  }

  override async answer(r: FakeRequest) {
    const auth = String(r.headers.authorization ?? "");
    const key = auth.startsWith("Klaviyo-API-Key ") ? auth.slice(16) : "";
    if (!r.headers.revision) {
      this.requests.push(r);
      return error(400, "invalid", "Invalid input.", "The revision header is required");
    }
    this.revisions.push(String(r.headers.revision));
    if (!this.validKeys.has(key)) {
      this.requests.push(r);
      return key
        ? error(401, "authentication_failed", "Incorrect authentication credentials.", "The private API key is not valid")
        : error(401, "not_authenticated", "Authentication credentials were not provided.", "Missing or invalid private key.");
    }
    return await super.answer(r);
  }

  expiredToken(): FakeResponse {
    return error(401, "authentication_failed", "Incorrect authentication credentials.", "The private API key is not valid");
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    return {
      status: 429,
      headers: { ...jsonApi, "retry-after": String(seconds) },
      json: { errors: [{ id: crypto.randomUUID(), status: 429, code: "throttled", title: "Request was throttled.", detail: `Request was throttled. Expected available in ${seconds} seconds.` }] },
    };
  }
}
