// One transaction in the database as a caller of the gateway's own servers (LOCAL ONLY): their
// role and JWT claims set for the transaction, exactly as PostgREST and Supabase's Storage and
// Realtime servers set them, so RLS and grants decide what the statements see and change.
import type postgres from "postgres";
import type { Caller } from "./caller.ts";

export function asCaller<T>(
  sql: postgres.Sql,
  caller: Caller,
  fn: (tx: postgres.TransactionSql) => Promise<T>,
  opts: { allowStorageDelete?: boolean } = {},
): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select set_config('role', ${caller.role}, true),
                    set_config('request.jwt.claims', ${JSON.stringify(caller.claims)}, true),
                    set_config('storage.allow_delete_query', ${opts.allowStorageDelete ? "true" : "false"}, true)`;
    return await fn(tx);
  }) as Promise<T>;
}
