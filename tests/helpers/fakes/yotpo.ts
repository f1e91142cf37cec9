// A fake Yotpo at /yotpo: the client_credentials token exchange (POST /oauth/token, 401 for a bad
// secret) and GET /v1/apps/{app_key}/reviews?utoken=&page=&count= ({reviews: [...]}, pages of
// `count`, an empty or short page last; 401 for an unknown utoken).
import { FakeProvider, type FakeResponse } from "./server.ts";

export interface YotpoReview {
  id: number;
  sku: string;
  score: number;
  title: string;
  content: string;
  name: string;
  email: string;
  reviewer_type: "verified_buyer" | "anonymous_user";
  created_at: string;
  deleted?: boolean;
  images_data?: { id: number; thumb_url: string; original_url: string }[];
}

export class YotpoFake extends FakeProvider {
  readonly prefix = "/yotpo";
  /** app key -> secret */
  apps = new Map<string, string>();
  reviews = new Map<string, YotpoReview[]>();
  private utokens = new Map<string, string>();

  constructor() {
    super();
    this.on("POST", /^\/oauth\/token$/, (r) => {
      const b = r.json as { client_id?: string; client_secret?: string; grant_type?: string };
      if (b?.grant_type !== "client_credentials" || !b.client_id || this.apps.get(b.client_id) !== b.client_secret) {
        return { status: 401, json: { status: { message: "Unauthorized", code: 401, error_type: "Unauthorized" } } };
      }
      const t = `utok_${Math.random().toString(36).slice(2)}`;
      this.utokens.set(t, b.client_id);
      return { json: { access_token: t, token_type: "bearer" } };
    });
    this.on("GET", /^\/v1\/apps\/([^/]+)\/reviews$/, (r, m) => {
      if (this.utokens.get(r.query.get("utoken") ?? "") !== m[1]) return this.expiredToken();
      const page = Number(r.query.get("page") ?? 1);
      const count = Math.min(Number(r.query.get("count") ?? 10), 100);
      const all = this.reviews.get(m[1]) ?? [];
      return { json: { reviews: all.slice((page - 1) * count, page * count) } };
    });
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { status: { message: "Invalid token", code: 401, error_type: "Unauthorized" } } };
  }
}
