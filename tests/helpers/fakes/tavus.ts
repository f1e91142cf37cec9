// Tavus' conversations API as the demo-conversations function meets it: POST /v2/conversations
// (x-api-key) answers {conversation_id, conversation_url, status}; POST
// /v2/conversations/<id>/end ends it. The fake then plays Tavus' part towards our callback URL:
// system.replica_joined, application.transcription_ready (the transcript), system.shutdown.
import { randomUUID } from "node:crypto";
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface TavusConversation {
  id: string;
  body: {
    persona_id: string | null;
    replica_id: string | null;
    conversational_context: string | null;
    custom_greeting: string;
    callback_url: string;
    properties: { max_call_duration: number };
  };
  ended: boolean;
}

export class TavusFake extends FakeProvider {
  readonly prefix = "/tavus";
  conversations = new Map<string, TavusConversation>();

  constructor(private readonly apiKey: string) {
    super();
    this.on("POST", /^\/v2\/conversations$/, (r) => this.create(r));
    this.on("POST", /^\/v2\/conversations\/([^/]+)\/end$/, (r, m) => this.end(r, m[1]));
  }

  expiredToken(): FakeResponse {
    return { status: 401, json: { message: "Invalid access token" } };
  }

  private create(r: FakeRequest): FakeResponse {
    if (r.headers["x-api-key"] !== this.apiKey) return this.expiredToken();
    const body = r.json as TavusConversation["body"];
    if (!body?.persona_id && !body?.replica_id) return { status: 400, json: { message: "replica_id or persona_id is required" } };
    const id = `c${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    this.conversations.set(id, { id, body, ended: false });
    return {
      json: { conversation_id: id, conversation_name: "demo", status: "active", conversation_url: `https://tavus.daily.co/${id}`,
        callback_url: body.callback_url, created_at: new Date().toISOString() },
    };
  }

  private end(r: FakeRequest, id: string): FakeResponse {
    if (r.headers["x-api-key"] !== this.apiKey) return this.expiredToken();
    const c = this.conversations.get(id);
    if (!c) return { status: 404, json: { message: "Conversation not found" } };
    c.ended = true;
    return { json: {} };
  }

  /** One callback to the conversation's callback URL, as Tavus sends it; the answer's status. */
  async callback(id: string, eventType: string, properties: Record<string, unknown>, at = new Date()): Promise<number> {
    const c = this.conversations.get(id)!;
    const res = await fetch(c.body.callback_url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ conversation_id: id, event_type: eventType, message_type: eventType.split(".")[0],
        timestamp: at.toISOString(), properties }),
    });
    await res.text();
    return res.status;
  }

  /** A whole conversation of `minutes` ending now: the replica joins, the transcript, the shutdown. */
  async talk(id: string, transcript: { role: string; content: string }[], minutes: number): Promise<number[]> {
    const end = Date.now();
    return [
      await this.callback(id, "system.replica_joined", {}, new Date(end - minutes * 60_000)),
      await this.callback(id, "application.transcription_ready", { transcript }, new Date(end)),
      await this.callback(id, "system.shutdown", { shutdown_reason: "participant_left_timeout" }, new Date(end)),
    ];
  }
}
