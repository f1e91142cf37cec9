// A Chatwoot instance as the chatwoot-sync worker meets it, mounted at /chatwoot: the Application
// API's conversation messages and toggle_status, authenticated by the api_access_token header
// (401 otherwise), answering as Chatwoot does.
import { FakeProvider, type FakeResponse } from "./server.ts";

export class ChatwootFake extends FakeProvider {
  readonly prefix = "/chatwoot";
  token = "cw-agent-token";
  /** Replies posted, in order. */
  replies: { account: string; conversation: string; content: string }[] = [];
  /** Status changes, in order. */
  statuses: { conversation: string; status: string }[] = [];
  private nextId = 1000;

  constructor() {
    super();
    this.on("POST", /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)\/messages$/, (r, m) => {
      if (r.headers.api_access_token !== this.token) return this.expiredToken();
      const b = r.json as { content: string; message_type: string };
      this.replies.push({ account: m[1], conversation: m[2], content: b.content });
      return { json: { id: ++this.nextId, content: b.content, message_type: b.message_type, conversation_id: Number(m[2]) } };
    });
    this.on("POST", /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)\/toggle_status$/, (r, m) => {
      if (r.headers.api_access_token !== this.token) return this.expiredToken();
      const b = r.json as { status: string };
      this.statuses.push({ conversation: m[2], status: b.status });
      return { json: { meta: {}, payload: { success: true, conversation_id: Number(m[2]), current_status: b.status } } };
    });
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { error: "Invalid Access Token" } };
  }
}
