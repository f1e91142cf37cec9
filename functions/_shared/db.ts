// One connection pool per function instance; asUser runs SQL exactly as PostgREST would.
import postgres from "postgres";
import type { UserClaims } from "./auth.ts";

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

let pool: Sql | undefined;

/**
 * Pooled connection; prepared statements off so it works behind Supavisor's transaction mode.
 * Connecting gives up after 2 s, so a database that is down answers as 503 quickly. Idle
 * connections are kept 2 minutes: webhooks come in bursts, and reopening the pool (10 backends,
 * SCRAM, cold caches) when a burst follows 20 s of quiet made its first 50 deliveries wait 75-105 ms.
 */
export function db(url: string): Sql {
  return (pool ??= postgres(url, {
    max: 10,
    prepare: false,
    idle_timeout: 120,
    connect_timeout: 2,
    connection: { statement_timeout: 8000 },
    onnotice: () => {},
  }));
}

/**
 * A string as an SQL literal, written as libpq's PQescapeLiteral writes it: quotes doubled, and
 * backslashes doubled in an E'' string when there are any, so it is read back exactly whatever
 * standard_conforming_strings says. For a statement sent whole (sql.unsafe without parameters:
 * the simple query protocol, one round trip). A PostgreSQL string cannot hold NUL: refused.
 */
export function literal(s: string): string {
  if (s.includes("\0")) throw new TypeError("an SQL string cannot hold NUL");
  const quoted = s.replaceAll("'", "''");
  return s.includes("\\") ? `E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

/**
 * A transaction must have started (a connection from the pool, its first statement answered)
 * within this many milliseconds, or the call gives up with DB_DEADLINE (answered as 503): with
 * the database down, a pool's queue can hold queries for far longer than connect_timeout.
 */
export const START_DEADLINE_MS = 3000;

/**
 * sql.begin, given up (DB_DEADLINE) unless its first statement (`setup`) has been answered
 * within startMs. A transaction that starts after being given up rolls back without running fn,
 * so nothing happens behind a 503 the caller already has.
 */
function begin<T>(
  sql: Sql,
  setup: (tx: Tx) => Promise<unknown>,
  fn: (tx: Tx) => Promise<T>,
  startMs: number,
): Promise<T> {
  let started = false;
  let abandoned = false;
  const work = sql.begin(async (tx) => {
    await setup(tx);
    if (abandoned) throw Object.assign(new Error("given up before it started"), { code: "DB_DEADLINE" });
    started = true;
    return await fn(tx);
  }) as Promise<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (started) return;
      abandoned = true;
      reject(deadlineError(startMs));
    }, startMs);
  });
  work.catch(() => {}); // a transaction given up may still fail later; nobody waits for it
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Runs fn in one transaction as role `authenticated` with the caller's claims, so RLS applies. */
export function asUser<T>(
  sql: Sql,
  claims: UserClaims,
  fn: (tx: Tx) => Promise<T>,
  startMs = START_DEADLINE_MS,
): Promise<T> {
  return begin(
    sql,
    (tx) =>
      tx`select set_config('role', 'authenticated', true),
              set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`,
    fn,
    startMs,
  );
}

/**
 * Statements sent whole (values written with literal()) as the signed-in user: one round trip and
 * one transaction, since the simple query protocol runs a multi-statement string as one implicit
 * transaction. Sets the role and claims as asUser does, then runs `statements`; answers the rows
 * of the first of them (the caller's statements may end by switching to the service). Unanswered
 * within startMs it gives up with DB_DEADLINE (503), as asUser does, and cancels the statements
 * (still queued in the pool: they never run; running: rolled back), so nothing happens behind the 503.
 */
export async function asUserOnce(
  sql: Sql,
  claims: UserClaims,
  statements: string,
  startMs = START_DEADLINE_MS,
): Promise<postgres.Row[]> {
  const query = sql.unsafe(`select set_config('role', 'authenticated', true),
    set_config('request.jwt.claims', ${literal(JSON.stringify(claims))}, true);
    ${statements}`);
  try {
    const results = await withDeadline(query as unknown as Promise<postgres.Row[][]>, startMs);
    return results[1];
  } catch (e) {
    if ((e as { code?: string }).code === "DB_DEADLINE") Promise.resolve(query.cancel() as unknown).catch(() => {});
    throw e;
  }
}

/** Runs fn in one transaction as service_role (RLS bypassed): for verified provider callbacks. */
export function asService<T>(sql: Sql, fn: (tx: Tx) => Promise<T>, startMs = START_DEADLINE_MS): Promise<T> {
  return begin(
    sql,
    (tx) =>
      tx`select set_config('role', 'service_role', true),
              set_config('request.jwt.claims', '{"role":"service_role"}', true)`,
    fn,
    startMs,
  );
}

const deadlineError = (ms: number) =>
  Object.assign(new Error(`the database did not answer within ${ms} ms`), { code: "DB_DEADLINE" });

/** Rejects with code DB_DEADLINE (answered as 503) when the database takes longer than ms. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(deadlineError(ms)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
