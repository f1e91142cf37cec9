import { assertEquals } from "./assert.ts";
import { isDatabaseUnavailable, toErrorResponse } from "./errors.ts";

const err = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...extra });

Deno.test("postgres.js connection failures are classified as the database being unavailable", () => {
  const down = [
    "ECONNREFUSED", // nothing listens: stopped
    "ECONNRESET",
    "EPIPE",
    "CONNECT_TIMEOUT", // postgres.js gave up connecting
    "CONNECTION_CLOSED", // the connection went away under a query
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "DB_DEADLINE", // ours: the pool did not start the work in time
    "57P01", // terminating connection due to administrator command
    "57P02",
    "57P03", // the database system is starting up / shutting down
    "53300", // too many connections
    "08006", // connection failure
    "08001",
  ];
  for (const code of down) {
    assertEquals(isDatabaseUnavailable(err(code)), true, code);
    const r = toErrorResponse(err(code));
    assertEquals([r.status, r.body.error.code, r.headers?.["retry-after"]], [503, "db_unavailable", "5"], code);
  }
  assertEquals(isDatabaseUnavailable(new Error("wrapped", { cause: err("ECONNREFUSED") })), true, "a cause");
  assertEquals(
    isDatabaseUnavailable(new AggregateError([new Error("x"), err("ECONNREFUSED")])),
    true,
    "happy eyeballs",
  );
  for (const code of ["23505", "42501", "P0001", "57014", "22023", "0800"]) {
    assertEquals(isDatabaseUnavailable(err(code)), false, code);
  }
  assertEquals(isDatabaseUnavailable(new TypeError("x")), false);
  assertEquals(isDatabaseUnavailable(null), false);
});
