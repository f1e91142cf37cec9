import { HttpError, type Reply } from "../_shared/http.ts";
import type { Sql } from "../_shared/db.ts";

export async function healthReport(req: Request, sql: () => Sql): Promise<Reply> {
  if (req.method !== "GET") throw new HttpError(405, "method_not_allowed", "use GET");
  const started = performance.now();
  try {
    const [row] = await sql()`
      select max(version) as version from supabase_migrations.schema_migrations`;
    return {
      status: 200,
      body: { status: "ok", migration: row?.version ?? null, dbMs: Math.round(performance.now() - started) },
    };
  } catch {
    return { status: 503, body: { error: { code: "db_unavailable", message: "the database is not reachable" } } };
  }
}
