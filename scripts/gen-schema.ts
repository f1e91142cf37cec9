// npm run gen:schema : rewrite supabase/schema/ (the current state) from the running local database.
import { stackConfig } from "./lib/config.ts";
import { writeSnapshot } from "./lib/schema-snapshot.ts";

const n = writeSnapshot(stackConfig());
console.log(`wrote ${n} files to supabase/schema/`);
