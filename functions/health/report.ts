import { unavailableResponse } from "../_shared/errors.ts";
import { HttpError, type Reply } from "../_shared/http.ts";
import { type Sql, START_DEADLINE_MS, withDeadline } from "../_shared/db.ts";

export async function healthReport(req: Request, sql: () => Sql): Promise<Reply> {
  if (req.method !== "GET") throw new HttpError(405, "method_not_allowed", "use GET");
  const started = performance.now();
  try {
    const [row] = await withDeadline(
      sql()`select max(version) as version from supabase_migrations.schema_migrations`,
      START_DEADLINE_MS,
    );
    return {
      status: 200,
      body: { status: "ok", migration: row?.version ?? null, dbMs: Math.round(performance.now() - started) },
    };
  } catch {
    return unavailableResponse();
  }
}
