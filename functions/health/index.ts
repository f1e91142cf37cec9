// GET /functions/v1/health: is the database reachable, and which migration is it at?
// No JWT needed (uptime checks call it); it reveals nothing but a migration version.
import { serve } from "../_shared/http.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { healthReport } from "./report.ts";

serve((req) => healthReport(req, () => db(env().dbUrl)));
