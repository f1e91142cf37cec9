// Tavus' Conversational Video Interface: conversations created and ended with the deployment's
// API key (x-api-key). Base URL from configuration (tests point it at a fake on 127.0.0.1);
// failures classified as every provider's are (providers/http.ts). Tavus reports to the
// callback URL we give (webhooks/tavus?token=...&workspace=...).
import type { Settings } from "../env.ts";
import { type Client, providerClient, type ProviderHttp } from "./http.ts";

export function tavusClient(s: Settings, http: ProviderHttp): Client {
  return providerClient({
    name: "Tavus",
    baseUrl: s.TAVUS_API_URL,
    timeoutMs: s.TAVUS_API_TIMEOUT_MS,
    http,
    headers: { "x-api-key": s.TAVUS_API_KEY },
  });
}

export interface NewConversation {
  persona_id: string | null;
  replica_id: string | null;
  conversation_name: string;
  conversational_context: string | null;
  custom_greeting: string;
  callback_url: string;
  properties: { max_call_duration: number; participant_left_timeout: number };
}

export interface Conversation {
  conversation_id: string;
  conversation_url: string;
  status: string;
}

export async function createConversation(c: Client, body: NewConversation): Promise<Conversation> {
  const r = await c.call<Conversation>({ method: "POST", path: "conversations", json: body });
  return r.body;
}

export async function endConversation(c: Client, conversationId: string): Promise<void> {
  await c.call({ method: "POST", path: `conversations/${encodeURIComponent(conversationId)}/end` });
}
