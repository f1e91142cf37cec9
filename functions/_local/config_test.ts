import { assertEquals } from "../_shared/assert.ts";
import { functionSettings } from "./config.ts";

Deno.test("functionSettings reads verify_jwt per function, defaulting to true", () => {
  const s = functionSettings(`
[api]
verify_jwt = false   # not a function section
[functions.webhooks]
verify_jwt = false
entrypoint = "../functions/webhooks/index.ts"
[functions."oauth"]
enabled = true
[functions.search]
verify_jwt = true # comment
`);
  assertEquals([...s.entries()], [
    ["webhooks", { verifyJwt: false }],
    ["oauth", { verifyJwt: true }],
    ["search", { verifyJwt: true }],
  ]);
});

Deno.test("the repo's config.toml declares health without JWT verification", async () => {
  const s = functionSettings(await Deno.readTextFile(new URL("../../supabase/config.toml", import.meta.url)));
  assertEquals(s.get("health"), { verifyJwt: false });
});
