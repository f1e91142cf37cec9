// Fairing's API: post-purchase survey responses (GET /responses, newest first, `limit` up to 100,
// filtered by `since`, paged by following the absolute `next` URL of {data, next, prev}), with the
// workspace's API key sent as the Authorization header itself (no "Bearer"). Each response names
// its question (id, text, type and the answers offered), the Shopify order and customer ids and
// the customer's email; they become import_survey's questions and responses, idempotent by
// Fairing's ids. 401 and 403 are a key that was revoked; 429 (100 requests a minute per store)
// waits as Retry-After says.
import type { Settings } from "../env.ts";
import type { Pull, Pulled } from "./analytics.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

export interface FairingResponse {
  id?: string | number;
  question_id?: string | number;
  question?: string;
  question_type?: string;
  available_responses?: unknown[];
  response?: string | null;
  other_response?: string | null;
  order_id?: string | number | null;
  customer_id?: string | number | null;
  email?: string | null;
  inserted_at?: string;
  response_provided_at?: string | null;
}

export interface SurveyPage {
  questions: { id: string; prompt: string; kind: string; options: string[] }[];
  responses: {
    id: string;
    question_id: string;
    answers: string[];
    other_text: string | null;
    shopify_order_id: string | null;
    shopify_customer_id: string | null;
    email: string | null;
    responded_at: string;
  }[];
}

function classifyFairing(a: Answer): ProviderError | null {
  if (a.status === 401 || a.status === 403) {
    const msg = (a.body as { message?: string } | null)?.message ?? `HTTP ${a.status}`;
    return new ProviderError("token_invalid", `Fairing refused the API key: ${msg}`, { status: a.status });
  }
  return null;
}

export function fairingClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "Fairing",
    baseUrl: s.FAIRING_API_URL,
    timeoutMs: s.ANALYTICS_API_TIMEOUT_MS,
    http,
    classify: classifyFairing,
    onCall,
  });
}

const KINDS: Record<string, string> = {
  single_response: "single_choice",
  multi_response: "multiple_choice",
  open_ended: "free_text",
};
const text = (
  v: unknown,
  max: number,
) => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).slice(0, max));

/** A page of Fairing responses as import_survey's questions and responses (each id once). */
export function surveyPage(data: FairingResponse[]): SurveyPage {
  const questions = new Map<string, SurveyPage["questions"][number]>();
  const responses = new Map<string, SurveyPage["responses"][number]>();
  for (const r of data) {
    const id = text(r.id, 128);
    const qid = text(r.question_id, 128);
    const at = r.response_provided_at ?? r.inserted_at;
    if (!id || !qid || !at) continue;
    if (!questions.has(qid)) {
      const type = String(r.question_type ?? "");
      questions.set(qid, {
        id: qid,
        prompt: text(r.question, 1000) ?? `Question ${qid}`,
        kind: KINDS[type] ?? (/rating|nps|scale/i.test(type) ? "rating" : "single_choice"),
        options: [...new Set((r.available_responses ?? []).map((o) => text(o, 500)).filter((o): o is string => !!o))]
          .sort().slice(0, 100),
      });
    }
    const answer = text(r.response, 500);
    if (responses.has(id)) continue; // newest first: the first seen is the latest version
    responses.set(id, {
      id,
      question_id: qid,
      answers: answer ? [answer] : [],
      other_text: text(r.other_response, 5000),
      shopify_order_id: text(r.order_id, 64),
      shopify_customer_id: text(r.customer_id, 64),
      email: text(r.email, 320),
      responded_at: new Date(at).toISOString(),
    });
  }
  return { questions: [...questions.values()], responses: [...responses.values()] };
}

interface Progress {
  next?: string;
}

/** The next page of a pull: the responses since the window's first day (progress: {next, cursor}). */
export async function nextFairingPage(client: Client, pull: Pull, progress: Progress): Promise<Pulled<SurveyPage>> {
  const { body } = progress.next
    ? await client.call<{ data?: FairingResponse[]; next?: string | null }>({ path: progress.next })
    : await client.call<{ data?: FairingResponse[]; next?: string | null }>({
      path: "responses",
      query: { since: `${pull.from}T00:00:00Z`, limit: 100 },
    });
  const data = Array.isArray(body?.data) ? body.data : [];
  const page = surveyPage(data);
  const next = typeof body?.next === "string" && body.next && data.length ? body.next : undefined;
  return {
    page: page.responses.length ? page : null,
    // the cursor import_survey keeps in survey_sync_state: where the next page starts
    progress: { next, cursor: next ? new URL(next).searchParams.get("after") ?? next.slice(0, 1000) : null },
    done: !next,
  };
}
