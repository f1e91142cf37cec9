// Slack as our functions meet it, mounted at /slack: OAuth v2 (oauth.v2.access), the Web API
// (chat.postMessage, chat.update, users.list and conversations.list with cursor paging) answering
// { ok, error } with HTTP 200 and 429 with Retry-After per method when throttled, response_url
// hooks, and signed requests to our endpoints (interactivity and Events API) with the documented
// v0 signature.
import { createHmac } from "node:crypto";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface Posted {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  edits: number;
}

export class SlackFake extends FakeProvider {
  readonly prefix = "/slack";
  team = { id: "T0TEAM1", name: "Brand team" };
  botToken = "xoxb-local-bot-token";
  /** Messages by "channel|ts". */
  messages = new Map<string, Posted>();
  /** What response_url received, in order. */
  hooks: { text: string }[] = [];
  users: Record<string, unknown>[] = [];
  channels: Record<string, unknown>[] = [];
  pageSize = 2;
  private clock = 1_700_000_000;

  constructor() {
    super();
    this.on("POST", /^\/api\/oauth\.v2\.access$/, (r) => {
      const f = r.json as Record<string, string>;
      if (f?.client_id !== "local-slack-client" || f?.client_secret !== "local-slack-secret" || !f?.code) {
        return { json: { ok: false, error: "invalid_code" } };
      }
      return {
        json: {
          ok: true, access_token: this.botToken, token_type: "bot", scope: "chat:write,users:read,users:read.email,channels:read",
          bot_user_id: "U0BOT", app_id: "A0APP", team: this.team, enterprise: null, is_enterprise_install: false,
        },
      };
    });
    this.on("POST", /^\/api\/chat\.postMessage$/, (r) => {
      const b = r.json as { channel: string; text: string; blocks: unknown[] };
      const ts = `${++this.clock}.000100`;
      this.messages.set(`${b.channel}|${ts}`, { channel: b.channel, ts, text: b.text, blocks: b.blocks ?? [], edits: 0 });
      return { json: { ok: true, channel: b.channel, ts, message: { text: b.text } } };
    });
    this.on("POST", /^\/api\/chat\.update$/, (r) => {
      const b = r.json as { channel: string; ts: string; text: string; blocks: unknown[] };
      const m = this.messages.get(`${b.channel}|${b.ts}`);
      if (!m) return { json: { ok: false, error: "message_not_found" } };
      Object.assign(m, { text: b.text, blocks: b.blocks ?? [], edits: m.edits + 1 });
      return { json: { ok: true, channel: b.channel, ts: b.ts, text: b.text } };
    });
    this.on("POST", /^\/api\/users\.list$/, (r) => this.page(r, "members", this.users));
    this.on("POST", /^\/api\/conversations\.list$/, (r) => this.page(r, "channels", this.channels));
    this.on("POST", /^\/hooks\/\w+$/, (r) => {
      this.hooks.push(r.json as { text: string });
      return { text: "ok" };
    });
  }

  expiredToken(): FakeResponse {
    return { json: { ok: false, error: "token_revoked" } };
  }

  override async answer(r: FakeRequest) {
    if (r.path.startsWith("/api/") && !r.path.startsWith("/api/oauth") && r.headers.authorization !== `Bearer ${this.botToken}`) {
      this.requests.push(r);
      return { json: { ok: false, error: "invalid_auth" } };
    }
    return await super.answer(r);
  }

  /** Messages posted to a channel, in order. */
  inChannel(channel: string): Posted[] {
    return [...this.messages.values()].filter((m) => m.channel === channel);
  }

  private page(r: FakeRequest, key: string, all: Record<string, unknown>[]): FakeResponse {
    const f = r.json as Record<string, string> | undefined;
    const start = f?.cursor ? Number(Buffer.from(f.cursor, "base64").toString().replace("next:", "")) : 0;
    const items = all.slice(start, start + this.pageSize);
    const next = start + this.pageSize < all.length ? Buffer.from(`next:${start + this.pageSize}`).toString("base64") : "";
    return { json: { ok: true, [key]: items, response_metadata: { next_cursor: next } } };
  }
}

/** Slack's v0 request signature of a body at a time (seconds). */
export function slackSign(secret: string, body: string, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  const sig = "v0=" + createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": sig };
}
