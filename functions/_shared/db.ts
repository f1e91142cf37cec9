// One connection pool per function instance; asUser runs SQL exactly as PostgREST would.
import postgres from "postgres";
import type { UserClaims } from "./auth.ts";

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

let pool: Sql | undefined;

/** Pooled connection; prepared statements off so it works behind Supavisor's transaction mode. */
export function db(url: string): Sql {
  return (pool ??= postgres(url, { max: 5, prepare: false, idle_timeout: 20, onnotice: () => {} }));
}

/** Runs fn in one transaction as role `authenticated` with the caller's claims, so RLS applies. */
export function asUser<T>(sql: Sql, claims: UserClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true),
                    set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    return await fn(tx);
  }) as Promise<T>;
}

/** Runs fn in one transaction as service_role (RLS bypassed): for verified provider callbacks. */
export function asService<T>(sql: Sql, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select set_config('role', 'service_role', true),
                    set_config('request.jwt.claims', '{"role":"service_role"}', true)`;
    return await fn(tx);
  }) as Promise<T>;
}
