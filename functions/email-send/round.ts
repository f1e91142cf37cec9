// The email sender: rounds of the shared queue loop over private.email_messages. A claim hands
// whole batches (private.claim_email_batches: suppression, consent and each call's key decided
// once, before any call); each batch is one Resend call with that key as its Idempotency-Key
// (the batch endpoint for campaigns), paced to the account's request rate; the answer goes back
// in one SQL call (private.finish_email_batch). A 429 stops the claims of every worker until the
// time Resend gave; a short wait is slept through here, a long one ends the run (the minute
// sweeper wakes it again).
import { asService, type Sql } from "../_shared/db.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import type { EmailProvider, OutgoingEmail } from "../_shared/providers/resend.ts";
import { drain, perRow, type Totals } from "../_shared/queue_worker.ts";

export interface Deps {
  sql: Sql;
  provider: EmailProvider;
  defaultFrom: string;
  /** Requests per second this worker allows itself. */
  maxRps: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Batches per claim, calls in flight, time budget. */
  roundSize?: number;
  concurrency?: number;
  budgetMs?: number;
  once?: boolean;
  /** Only this workspace's emails (and the account emails): tests, draining one workspace. */
  workspaceId?: string;
  /** Tests: runs after the provider answered and before the answer is committed (a crash there). */
  afterCall?: (batchKey: string) => Promise<void> | void;
}

interface Message {
  id: number;
  workspace_id: string | null;
  to: string;
  from: string | null;
  reply_to: string | null;
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  kind: string;
}

interface Batch {
  batch_key: string;
  kind: string;
  messages: Message[];
}

type Result =
  | { outcome: "sent"; ids: string[] }
  | { outcome: "retry" | "throttled" | "dead"; error: string; retryAt?: Date };

/** The email Resend gets for one message: our message id as a tag, which delivery events carry back. */
export function outgoing(m: Message, defaultFrom: string): OutgoingEmail {
  return {
    from: m.from ?? defaultFrom,
    to: m.to,
    subject: m.subject,
    html: m.html,
    text: m.text,
    replyTo: m.reply_to,
    headers: m.headers,
    tags: [{ name: "message_id", value: String(m.id) }, { name: "kind", value: m.kind }],
  };
}

/** Spaces calls at least 1000 / rps ms apart, across the lanes of one worker. */
function pacer(rps: number, now: () => number, sleep: (ms: number) => Promise<void>) {
  let next = 0;
  return async () => {
    const gap = 1000 / rps;
    const t = now();
    const at = Math.max(t, next);
    next = at + gap;
    if (at > t) await sleep(at - t);
  };
}

export async function runSender(d: Deps): Promise<Totals> {
  const now = d.now ?? Date.now;
  const sleep = d.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const pace = pacer(d.maxRps, now, sleep);
  let throttledUntil = 0;
  let throttledBy = "";
  const round = perRow<Batch, Result>({
    claim: (limit) =>
      asService(
        d.sql,
        (tx) => tx`select * from private.claim_email_batches(${limit}, 120, ${d.workspaceId ?? null})`,
      ) as unknown as Promise<Batch[]>,
    concurrency: d.concurrency ?? 4,
    work: async (b) => {
      if (throttledUntil > now()) {
        return { outcome: "throttled", error: throttledBy, retryAt: new Date(throttledUntil) };
      }
      await pace();
      try {
        const ids = await d.provider.send(b.messages.map((m) => outgoing(m, d.defaultFrom)), {
          idempotencyKey: b.batch_key,
          batch: b.kind === "campaign",
        });
        return { outcome: "sent", ids };
      } catch (e) {
        if (!(e instanceof ProviderError)) return { outcome: "retry", error: String((e as Error)?.message ?? e) };
        if (e.kind === "throttled") {
          throttledUntil = Math.max(throttledUntil, e.details.retryAt?.getTime() ?? now() + 60_000);
          throttledBy = e.message;
          return { outcome: "throttled", error: e.message, retryAt: new Date(throttledUntil) };
        }
        if (e.kind === "bad_request") return { outcome: "dead", error: e.message };
        return { outcome: "retry", error: e.message, retryAt: e.details.retryAt };
      }
    },
    finish: async (b, r) => {
      if (r.outcome === "sent") await d.afterCall?.(b.batch_key);
      await asService(
        d.sql,
        (tx) =>
          r.outcome === "sent"
            ? tx`select private.finish_email_batch(${b.batch_key}, 'sent', ${r.ids})`
            : tx`select private.finish_email_batch(${b.batch_key}, ${r.outcome}, null, ${r.error}, ${
              r.retryAt ?? null
            })`,
      );
      return r.outcome;
    },
  });
  const budgetMs = d.budgetMs ?? 50_000;
  const started = now();
  const totals: Totals = { rounds: 0, claimed: 0 };
  for (;;) {
    const t = await drain(
      {
        sql: d.sql,
        name: "email-send",
        roundSize: d.roundSize ?? 20,
        budgetMs: budgetMs - (now() - started),
        once: d.once,
      },
      round,
    );
    for (const [k, n] of Object.entries(t)) totals[k] = (totals[k] ?? 0) + n;
    // a short throttle is waited out here; a long one is left to the sweeper
    const wait = throttledUntil - now();
    if (d.once || wait <= 0 || wait > 10_000 || now() - started + wait >= budgetMs) return totals;
    await sleep(wait);
  }
}
