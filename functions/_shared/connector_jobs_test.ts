import { assertEquals } from "./assert.ts";
import { failureReport } from "./connector_jobs.ts";
import { ProviderError } from "./providers/http.ts";

const NOW = Date.UTC(2026, 11, 9);

Deno.test("each failure kind becomes the job's and the connection's outcome", () => {
  const at = new Date(NOW + 300_000);
  const r = (e: unknown) => {
    const x = failureReport(e, NOW);
    return [x.outcome, x.nextAttemptAt?.getTime() ?? null, x.connection?.outcome ?? null];
  };
  assertEquals(r(new ProviderError("throttled", "slow down", { retryAt: at })), [
    "throttled",
    at.getTime(),
    "throttled",
  ]);
  assertEquals(r(new ProviderError("token_invalid", "expired")), ["throttled", NOW + 60_000, "token_invalid"]);
  assertEquals(r(new ProviderError("retry_later", "HTTP 500")), ["retry", null, "retry_later"]);
  assertEquals(r(new ProviderError("bad_request", "HTTP 400")), ["dead", null, "bad_request"]);
  assertEquals(r(new Error("socket closed")), ["retry", null, null]);
});
