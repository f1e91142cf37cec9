// Resend's API as the sender meets it, mounted at /resend: POST /emails and POST /emails/batch
// (up to 100) with a Bearer API key; Idempotency-Key: the same key with the same body answers the
// first call's ids without sending again (24 hours), with another body 409
// invalid_idempotent_request; a request rate (the team's limit) beyond which it answers 429
// rate_limit_exceeded with retry-after and ratelimit-* headers. Delivery events go to the
// webhooks function signed by Svix (the official svix library signs them).
import { createHash, randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface SentEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string;
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
  idempotencyKey: string | null;
}

export class ResendFake extends FakeProvider {
  readonly prefix = "/resend";
  /** Every email it accepted (sent), in order: a replayed idempotent call adds nothing. */
  sent: SentEmail[] = [];
  /** Calls per second it accepts (the team's rate limit); beyond it, 429. */
  ceilingRps = 1000;
  apiKey = "re_local_key";
  /** How many 429s it answered. */
  throttledAnswers = 0;
  private keys = new Map<string, { hash: string; response: FakeResponse }>();
  private window = { second: 0, calls: 0 };

  constructor() {
    super();
    this.on("POST", /^\/emails$/, (r) => this.idempotent(r, () => ({ json: { id: this.accept(r.json as never, r) } })));
    this.on("POST", /^\/emails\/batch$/, (r) =>
      this.idempotent(r, () => {
        const emails = r.json as SentEmail[];
        if (!Array.isArray(emails) || emails.length < 1 || emails.length > 100) {
          return { status: 422, json: { statusCode: 422, name: "validation_error", message: "a batch holds 1 to 100 emails" } };
        }
        return { json: { data: emails.map((e) => ({ id: this.accept(e, r) })) } };
      }));
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header" } };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    this.throttledAnswers++;
    return {
      status: 429,
      headers: {
        "retry-after": String(seconds),
        "ratelimit-limit": String(this.ceilingRps),
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(seconds),
      },
      json: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." },
    };
  }

  /** Emails sent to an address. */
  to(address: string): SentEmail[] {
    return this.sent.filter((e) => e.to.includes(address));
  }

  override async answer(r: FakeRequest) {
    if (r.headers.authorization !== `Bearer ${this.apiKey}`) {
      this.requests.push(r);
      return this.expiredToken();
    }
    // the team's request rate: a 1-second window
    const second = Math.floor(Date.now() / 1000);
    if (this.window.second !== second) this.window = { second, calls: 0 };
    if (++this.window.calls > this.ceilingRps) {
      this.requests.push(r);
      return this.throttled(r, 1);
    }
    return await super.answer(r);
  }

  private idempotent(r: FakeRequest, send: () => FakeResponse): FakeResponse {
    const key = (r.headers["idempotency-key"] as string | undefined) ?? null;
    if (!key) return send();
    const hash = createHash("sha256").update(r.body).digest("hex");
    const seen = this.keys.get(`${r.path}|${key}`);
    if (seen) {
      if (seen.hash !== hash) {
        return {
          status: 409,
          json: { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload" },
        };
      }
      return seen.response;
    }
    const response = send();
    if ((response.status ?? 200) < 300) this.keys.set(`${r.path}|${key}`, { hash, response });
    return response;
  }

  private accept(e: SentEmail, r: FakeRequest): string {
    const id = randomUUID();
    this.sent.push({ ...e, to: Array.isArray(e.to) ? e.to : [e.to as unknown as string], id,
      idempotencyKey: (r.headers["idempotency-key"] as string | undefined) ?? null });
    return id;
  }
}

/** A Resend delivery event as its webhook sends it, signed by Svix with the endpoint's secret. */
export function resendEvent(
  secret: string,
  type: string,
  data: Record<string, unknown>,
  o: { id?: string; at?: Date } = {},
): { body: string; headers: Record<string, string> } {
  const at = o.at ?? new Date();
  const id = o.id ?? `msg_${randomUUID().replaceAll("-", "")}`;
  const body = JSON.stringify({ type, created_at: at.toISOString(), data });
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  };
}
