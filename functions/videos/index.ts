// /functions/v1/videos/{upload,playback} with a user's JWT: see handler.ts.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, videos } from "./handler.ts";

let deps: Deps | undefined;
const getDeps = () =>
  deps ??= { sql: db(env().dbUrl), auth: env().auth, settings: env().settings, fetch, now: () => Date.now() };

serve((req) => videos(req, getDeps()));
