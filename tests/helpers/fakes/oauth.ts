// The providers' OAuth token endpoints (Shopify, Google, Meta, TikTok) and a webhook sink, mounted
// at the root of the fake server, as the local functions are configured to call them.
import { createHash } from "node:crypto";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export class OAuthFake extends FakeProvider {
  readonly prefix = "";
  /** When set, the token endpoints answer with this status and no token. */
  failStatus: number | null = null;
  /** The PKCE challenge the Google token endpoint must see the verifier for. */
  googleChallenge: string | null = null;
  sinkStatus = 200;
  /** Every access and refresh token issued, in order. */
  issued: string[] = [];

  constructor() {
    super();
    this.on("POST", /^\/shopify\/[^/]+\/admin\/oauth\/access_token$/, () => this.ok({ access_token: this.token("shpat"), scope: "read_orders,read_products" }));
    this.on("POST", /^\/google\/token$/, (r) => this.google(r));
    this.on("POST", /^\/google\/revoke$/, () => ({ json: {} }));
    this.on("GET", /^\/meta\/token$/, () => this.ok({ access_token: this.token("EAAB"), token_type: "bearer", expires_in: 5183944 }));
    this.on("POST", /^\/tiktok\/oauth2\/access_token\/$/, (r) => {
      const b = r.json as { app_id?: string; secret?: string; auth_code?: string };
      if (!b?.auth_code) return { json: { code: 40110, message: "auth_code is invalid", request_id: "r", data: {} } };
      if (this.failStatus) return { status: this.failStatus, json: { code: 50000, message: "internal error" } };
      return { json: { code: 0, message: "OK", request_id: "r", data: { access_token: this.token("tt"), advertiser_ids: ["7001"], scope: [4, 6] } } };
    });
  }

  expiredToken(): FakeResponse {
    return { status: 400, json: { error: "invalid_grant" } };
  }

  token(prefix: string): string {
    const t = `${prefix}_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    this.issued.push(t);
    return t;
  }

  private ok(json: unknown): FakeResponse {
    return this.failStatus ? { status: this.failStatus, json: { error: "server_error" } } : { json };
  }

  private google(r: FakeRequest): FakeResponse {
    if (this.failStatus) return { status: this.failStatus, json: { error: "server_error" } };
    const form = new URLSearchParams(r.body);
    if (form.get("grant_type") === "authorization_code") {
      const challenge = createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url");
      if (!this.googleChallenge || challenge !== this.googleChallenge) return { status: 400, json: { error: "invalid_grant" } };
      return { json: { access_token: this.token("ya29"), refresh_token: this.token("1//rt"), expires_in: 3599, scope: "https://www.googleapis.com/auth/adwords" } };
    }
    if (form.get("grant_type") === "refresh_token") return { json: { access_token: this.token("ya29"), expires_in: 3599 } };
    return { status: 400, json: { error: "unsupported_grant_type" } };
  }

  override async answer(r: FakeRequest) {
    if (r.path.startsWith("/sink")) {
      this.requests.push(r);
      return { status: this.sinkStatus, json: { ok: this.sinkStatus < 300 } };
    }
    // a redirect to the sink: the dispatcher must not follow it, the URL fetcher must re-check it
    if (r.path === "/redirect") {
      this.requests.push(r);
      return { status: 307, headers: { location: `http://${r.headers.host}/sink/after-redirect` }, json: {} };
    }
    return await super.answer(r);
  }
}
