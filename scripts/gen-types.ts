// npm run gen:types : regenerate types/database.ts from the running local database.
import { stackConfig } from "./lib/config.ts";
import { writeTypes } from "./lib/types.ts";

writeTypes(stackConfig());
console.log("wrote types/database.ts");
