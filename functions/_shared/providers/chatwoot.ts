// Chatwoot's Application API on the shared provider client: the instance's base URL comes from
// the connection (each workspace runs or rents its own), the account id from the connection's
// external account, and the agent's API access token in the api_access_token header.
// POST /api/v1/accounts/{account}/conversations/{id}/messages posts a reply; .../toggle_status
// sets the conversation's status. Failures are classified by status (providers/http.ts).
import { type Client, providerClient, type ProviderHttp } from "./http.ts";

export function chatwootClient(o: { baseUrl: string; http: ProviderHttp; timeoutMs?: number }): Client {
  return providerClient({ name: "Chatwoot", baseUrl: o.baseUrl, timeoutMs: o.timeoutMs ?? 10_000, http: o.http });
}

export const chatwootAuth = (token: string) => ({ api_access_token: token });

export type ChatwootWork =
  | { kind: "reply"; conversation_id: string; content: string }
  | { kind: "status"; conversation_id: string; status: "open" | "pending" | "resolved" };

/** One reply or status change; Chatwoot's id for what it made (the message id, or the status). */
export async function sendToChatwoot(c: Client, account: string, w: ChatwootWork): Promise<string> {
  const base = `api/v1/accounts/${encodeURIComponent(account)}/conversations/${encodeURIComponent(w.conversation_id)}`;
  if (w.kind === "reply") {
    const r = await c.call<{ id?: number }>({
      method: "POST",
      path: `${base}/messages`,
      json: { content: w.content, message_type: "outgoing", private: false },
    });
    return String(r.body?.id ?? "");
  }
  await c.call({ method: "POST", path: `${base}/toggle_status`, json: { status: w.status } });
  return w.status;
}
