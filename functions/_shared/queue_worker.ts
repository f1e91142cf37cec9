// The one loop every queue worker runs. A worker function is woken (by the database through
// pg_net when work is queued, by the minute sweeper, or directly with a secret key), marks its
// round started (so the next enqueue wakes it again), then runs rounds: claim up to `roundSize`
// due rows (FOR UPDATE SKIP LOCKED in SQL), work them, hand every result to one SQL function that
// applies it in one transaction. It stops when a round claims fewer than `roundSize` (the queue is
// drained) or the time budget is spent (the sweeper calls again). A queue differs only in its
// round: what it claims, what it does with a row, and how it reports the outcome.
import { type AuthConfig, requireServiceRole } from "./auth.ts";
import { asService, type Sql } from "./db.ts";
import { parseJson, readText } from "./body.ts";
import { HttpError } from "./errors.ts";

/** What one round did: how many rows it claimed, and a count per outcome (`sent`, `retrying` ...). */
export interface RoundResult {
  claimed: number;
  outcomes: Record<string, number>;
}

export type Round = (limit: number) => Promise<RoundResult>;

export interface DrainOptions {
  sql: Sql;
  /** The function's name in private.callable_functions, whose pending wake-up the round clears. */
  name: string;
  roundSize: number;
  /** Start no new round after this many milliseconds. */
  budgetMs: number;
  /** One round only (tests, manual runs). */
  once?: boolean;
  /**
   * Keep going until a round claims nothing, not merely fewer than roundSize: for queues that
   * hand out one job per connection, where a short round does not mean an empty queue.
   */
  untilEmpty?: boolean;
  /**
   * When the budget ends the call with work still due, ask for another call at once (instead of
   * leaving it to the minute sweeper): for long work such as a backfill.
   */
  rewake?: boolean;
  now?: () => number;
}

/** Totals over every round: `rounds`, `claimed`, and each outcome's count. */
export type Totals = { rounds: number; claimed: number } & Record<string, number>;

/** Runs rounds until the queue is drained or the budget is spent; returns the totals. */
export async function drain(o: DrainOptions, round: Round): Promise<Totals> {
  const now = o.now ?? Date.now;
  const started = now();
  await asService(o.sql, (tx) => tx`select private.function_round_started(${o.name})`);
  const totals: Totals = { rounds: 0, claimed: 0 };
  for (;;) {
    const r = await round(o.roundSize);
    totals.rounds++;
    totals.claimed += r.claimed;
    for (const [k, n] of Object.entries(r.outcomes)) totals[k] = (totals[k] ?? 0) + n;
    const drained = o.untilEmpty ? r.claimed === 0 : r.claimed < o.roundSize;
    if (o.once || drained) return totals;
    if (now() - started >= o.budgetMs) {
      if (o.rewake) await asService(o.sql, (tx) => tx`select private.wake_function(${o.name})`);
      return totals;
    }
  }
}

/**
 * A round for queues whose rows are worked one by one: claim, then for each row (up to
 * `concurrency` at a time) do the work and report it; `finish` returns the row's outcome.
 * A failure inside `work` must be turned into a result by the worker (it decides whether it is
 * worth a retry); an exception here means a bug or a lost database, and ends the call.
 */
export function perRow<J, R>(p: {
  claim: (limit: number) => Promise<J[]>;
  work: (row: J) => Promise<R>;
  finish: (row: J, result: R) => Promise<string>;
  concurrency?: number;
}): Round {
  return async (limit) => {
    const rows = await p.claim(limit);
    const outcomes: Record<string, number> = {};
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        const outcome = await p.finish(row, await p.work(row));
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(p.concurrency ?? rows.length, rows.length) }, lane));
    return { claimed: rows.length, outcomes };
  };
}

/**
 * Accepts a worker call: POST, with a secret key (the database's pg_net call carries one).
 * Returns the optional JSON body; empty (pg_net sends `{}` or nothing) means the defaults.
 */
export async function acceptWorkerCall(req: Request, auth: AuthConfig): Promise<unknown> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  await requireServiceRole(req, auth);
  const text = await readText(req, 64_000);
  return text.trim() ? parseJson(text) : {};
}
