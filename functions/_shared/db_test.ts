import postgres from "postgres";
import { assertEquals } from "./assert.ts";
import { literal } from "./db.ts";

const tricky = [
  "",
  "plain",
  "o'neil",
  "'; drop table private.webhook_events; --",
  "back\\slash",
  "\\'",
  "x'\\'y\\\\",
  "é ü 日本 \u{1F600}",
  "latin-1 header bytes: \u00e9\u00ff",
  '{"a":"\\u0041\\n","b":"it\'s"}',
];

Deno.test("literal quotes as PQescapeLiteral does", () => {
  assertEquals(literal("o'neil"), "'o''neil'");
  assertEquals(literal("a\\b"), "E'a\\\\b'");
  let refused = false;
  try {
    literal("a\u0000b");
  } catch {
    refused = true;
  }
  assertEquals(refused, true, "NUL is refused");
});

const url = Deno.env.get("SUPABASE_DB_URL");
Deno.test({
  name: "literal reads back exactly through the simple query protocol, whatever standard_conforming_strings says",
  ignore: !url,
  fn: async () => {
    const sql = postgres(url!, { max: 1, prepare: false, onnotice: () => {} });
    try {
      for (const conforming of ["on", "off"]) {
        await sql.unsafe(`set standard_conforming_strings = ${conforming}`);
        const rows = await sql.unsafe(tricky.map((s, i) => `select ${i} as i, ${literal(s)} as v`).join(" union all "));
        assertEquals(rows.map((r) => r.v), tricky, `standard_conforming_strings ${conforming}`);
        const [j] = await sql.unsafe(`select (${literal(tricky[9])}::jsonb) ->> 'b' as b`);
        assertEquals(j.b, "it's");
      }
    } finally {
      await sql.end();
    }
  },
});
