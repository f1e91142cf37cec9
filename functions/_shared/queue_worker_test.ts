import { assertEquals } from "./assert.ts";
import type { Sql } from "./db.ts";
import { drain, perRow } from "./queue_worker.ts";

/** A pool that records the statements it is given and answers each with no rows. */
function fakeSql() {
  const seen: string[] = [];
  const tx = (strings: TemplateStringsArray, ...values: unknown[]) => {
    seen.push(strings.join("?") + " " + JSON.stringify(values));
    return Promise.resolve([]);
  };
  const sql = { begin: (fn: (t: typeof tx) => Promise<unknown>) => fn(tx) } as unknown as Sql;
  return { sql, seen };
}

Deno.test("drain clears the wake-up once, then runs rounds until one claims fewer than the round size", async () => {
  const { sql, seen } = fakeSql();
  const sizes = [3, 3, 1, 3];
  const totals = await drain({ sql, name: "w", roundSize: 3, budgetMs: 60_000 }, (limit) => {
    const n = Math.min(sizes.shift()!, limit);
    return Promise.resolve({ claimed: n, outcomes: { sent: n - 1, dead: 1 } });
  });
  assertEquals(totals, { rounds: 3, claimed: 7, sent: 4, dead: 3 });
  assertEquals(seen.filter((s) => s.includes("function_round_started")), [
    'select private.function_round_started(?) ["w"]',
  ]);
});

Deno.test("drain starts no round after the budget, and once means one round", async () => {
  const { sql } = fakeSql();
  let clock = 0;
  const full = (limit: number) => {
    clock += 400;
    return Promise.resolve({ claimed: limit, outcomes: {} });
  };
  const t = await drain({ sql, name: "w", roundSize: 2, budgetMs: 1000, now: () => clock }, full);
  assertEquals(t.rounds, 3); // rounds end at 400, 800, 1200 ms: the third passes the budget
  const once = await drain({ sql, name: "w", roundSize: 2, budgetMs: 1000, once: true, now: () => 0 }, full);
  assertEquals(once.rounds, 1);
});

Deno.test("perRow works each claimed row once, at most `concurrency` at a time, and counts outcomes", async () => {
  let running = 0;
  let peak = 0;
  const worked: number[] = [];
  const round = perRow({
    claim: (limit) => Promise.resolve(Array.from({ length: limit }, (_, i) => i)),
    work: async (row: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      worked.push(row);
      return row % 3 === 0 ? "dead" : "sent";
    },
    finish: (_row, outcome) => Promise.resolve(outcome),
    concurrency: 4,
  });
  const r = await round(10);
  assertEquals(worked.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assertEquals(peak, 4);
  assertEquals(r, { claimed: 10, outcomes: { dead: 4, sent: 6 } });
});

Deno.test("untilEmpty keeps claiming after a short round, until a round claims nothing", async () => {
  const { sql } = fakeSql();
  const sizes = [1, 2, 1, 0, 5];
  const t = await drain({ sql, name: "w", roundSize: 8, budgetMs: 60_000, untilEmpty: true }, () => {
    const n = sizes.shift()!;
    return Promise.resolve({ claimed: n, outcomes: { done: n } });
  });
  assertEquals(t, { rounds: 4, claimed: 4, done: 4 });
});

Deno.test("rewake asks for another call when the budget ends with work left, not when drained", async () => {
  const { sql, seen } = fakeSql();
  let clock = 0;
  await drain({ sql, name: "w", roundSize: 2, budgetMs: 1000, rewake: true, now: () => clock }, (limit) => {
    clock += 600;
    return Promise.resolve({ claimed: limit, outcomes: {} });
  });
  assertEquals(seen.filter((s) => s.includes("wake_function")).length, 1);
  const quiet = fakeSql();
  await drain(
    { sql: quiet.sql, name: "w", roundSize: 2, budgetMs: 1000, rewake: true },
    () => Promise.resolve({ claimed: 0, outcomes: {} }),
  );
  assertEquals(quiet.seen.filter((s) => s.includes("wake_function")).length, 0);
});
