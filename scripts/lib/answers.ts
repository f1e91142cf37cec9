// Does each URL that `status` prints answer? `npm run dev` ends only when all of them do.
import { apiUrl, type StackConfig } from "./config.ts";

export interface Answer {
  url: string;
  /** HTTP status, or why there was none. */
  answer: number | string;
  ok: boolean;
}

async function ask(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const r = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
    await r.body?.cancel();
    return { url, answer: r.status, ok: r.ok };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { url, answer: cause ?? (e instanceof Error ? e.message : String(e)), ok: false };
  }
}

/** The REST root (as anon, with the publishable key), a function (health) and the JWKS. */
export async function statusAnswers(c: StackConfig, publishableKey: string): Promise<Record<"rest" | "functions" | "jwks", Answer>> {
  const api = apiUrl(c);
  const [rest, functions, jwks] = await Promise.all([
    ask(`${api}/rest/v1/`, { apikey: publishableKey }),
    ask(`${api}/functions/v1/health`),
    ask(`${api}/auth/v1/.well-known/jwks.json`),
  ]);
  return { rest, functions, jwks };
}

export const describeAnswer = (a: Answer) => `${a.url}  (${typeof a.answer === "number" ? `answers ${a.answer}` : `no answer: ${a.answer}`})`;
