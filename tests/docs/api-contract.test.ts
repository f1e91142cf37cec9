// docs/api.md against the catalog, so the guide cannot drift from the database: every RPC an API
// role can call is documented; every argument it names exists and every argument the function
// takes is named; the shape it promises (one object, or an array) is the one returned; every
// error code it lists can be raised and every code the RPC raises is listed; the table of
// column-level write grants is the catalog's; and the embeds that need a hint are exactly those
// PostgREST finds ambiguous, walking every pair of related public tables through the gateway.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/config.ts";
import { apiDocs, documentedRpcs, namesIn, tableRows } from "../helpers/api-docs.ts";
import { apiRpcs, columnWriteGrants, raisedCodes, type Rpc } from "../helpers/catalog.ts";
import { api, serviceKey, superuser } from "../helpers/stack.ts";

const sql = superuser();
const md = apiDocs();
let rpcs: Map<string, Rpc>;

beforeAll(async () => {
  rpcs = await apiRpcs(sql);
});
afterAll(async () => {
  await sql.end();
});

/**
 * Codes the static reading finds but a caller cannot meet, each with why. Keep it short: a code
 * added here is one the guide need not mention.
 */
const CANNOT_RAISE: Record<string, string[]> = {
  // decide_approval runs decide_approvals' checks for one id: its batch cap cannot be exceeded.
  decide_approval: ["PT413"],
  // The new owner is made owner before the caller steps down: the last-owner rule cannot trip.
  transfer_workspace_ownership: ["23514"],
  // moderate_reviews refuses 'pending' itself (22023) before the status trigger could.
  moderate_reviews: ["PT409"],
  // start_yotpo_import queues the job in the connection's own workspace: enqueue_connector_job's
  // "connection is not in workspace" cannot trip.
  start_yotpo_import: ["22023"],
  // propose_undo only inserts a pending approval: the approval guard's PT410 is for deciding one.
  propose_undo: ["PT410"],
};

describe("RPCs in docs/api.md", () => {
  const documented = () => documentedRpcs(md, (n) => rpcs.has(n));

  it("documents every RPC an API role can call", () => {
    const missing = [...rpcs.values()].filter((f) => !documented().some((d) => d.name === f.name))
      .map((f) => `${f.name}(${f.args.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("names exactly the arguments each RPC takes", () => {
    const problems: string[] = [];
    for (const d of documented()) {
      const f = rpcs.get(d.name)!;
      for (const a of d.args ?? []) if (!f.args.includes(a)) problems.push(`line ${d.line}: ${d.name} has no argument ${a} (it takes ${f.args.join(", ") || "none"})`);
      if (d.argsText === null) continue;
      for (const a of f.args) if (!new RegExp(`\\b${a}\\b`).test(d.argsText)) problems.push(`line ${d.line}: ${d.name}'s argument ${a} is not named`);
    }
    expect(problems).toEqual([]);
  });

  it("promises the shape each RPC returns: one row as an object, sets as arrays", () => {
    const problems = documented().filter((d) => d.shape && (d.shape === "array") !== rpcs.get(d.name)!.setof)
      .map((d) => `line ${d.line}: ${d.name} is documented as ${d.shape === "array" ? "an array" : "one object"}, returns ${rpcs.get(d.name)!.setof ? "an array" : "one object"}`);
    expect(problems).toEqual([]);
  });

  it("lists the error codes each RPC can raise, and only those", async () => {
    const raised = await raisedCodes(sql);
    const problems: string[] = [];
    for (const d of documented()) {
      if (!d.errors) continue;
      const ok = (c: string) => !(CANNOT_RAISE[d.name] ?? []).includes(c);
      // Codes only our own code raises (engine codes such as 23505 or 42501 come from constraints and grants too).
      const all = raised(d.name, 99, 99);
      for (const c of d.errors) {
        if (/^(22023|PT\d{3})$/.test(c) && !all.has(c)) problems.push(`line ${d.line}: ${d.name} lists ${c}, which it never raises`);
      }
      // What the RPC raises itself, in what it calls and in the triggers of what it writes.
      for (const c of raised(d.name, 2, 1)) {
        if (!d.errors.includes(c) && ok(c)) problems.push(`line ${d.line}: ${d.name} raises ${c}, not listed (${d.errors.join(", ")})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("columns a role may write", () => {
  it("docs/api.md's table is the catalog's column-level grants", async () => {
    const cell = (c: string) => (c === "every column" ? "all" : c === "-" ? null : namesIn(c));
    const documented = tableRows(md, "table", "authenticated may insert", "authenticated may update")
      .map((r) => ({ t: namesIn(r.cells[0])[0], ins: cell(r.cells[1]), upd: cell(r.cells[2]) }));
    const catalog = (await columnWriteGrants(sql)).map((r) => ({ t: r.t, ins: r.ins, upd: r.upd }));
    expect(documented).toEqual(catalog);
  });
});

describe("embeds between related public tables", () => {
  it("work as written, or docs/api.md names the hint that does", async () => {
    const pairs = await sql<{ a: string; b: string }[]>`select distinct c.conrelid::regclass::text as a,
        c.confrelid::regclass::text as b from pg_constraint c
      join pg_class x on x.oid = c.conrelid join pg_class y on y.oid = c.confrelid
      where c.contype = 'f' and x.relnamespace = 'public'::regnamespace and y.relnamespace = 'public'::regnamespace`;
    const hints = tableRows(md, "from", "embed", "write it as").map((r) => ({
      from: namesIn(r.cells[0])[0],
      embed: r.cells[2].replaceAll("`", ""),
    }));
    const key = await serviceKey();
    const get = (path: string) =>
      fetch(`${api}/rest/v1/${path}&limit=0`, { headers: { apikey: key, authorization: `Bearer ${key}` } });
    const ambiguous: string[] = [];
    const done = new Set<string>();
    for (const p of pairs) {
      for (const [from, to] of [[p.a, p.b], [p.b, p.a]]) {
        if (done.has(`${from}>${to}`)) continue;
        done.add(`${from}>${to}`);
        const r = await get(`${from}?select=*,${to}(*)`);
        const body = await r.json();
        if (r.status === 200) continue;
        expect({ from, to, status: r.status, code: body.code }).toMatchObject({ status: 300, code: "PGRST201" });
        ambiguous.push(`${from}>${to}`);
      }
    }
    // Exactly the ambiguous pairs have hints, and every documented hint works.
    const hinted = [...new Set(hints.map((h) => `${h.from}>${h.embed.replace(/^\w+:/, "").split("!")[0]}`))];
    expect(hinted.sort()).toEqual(ambiguous.sort());
    for (const h of hints) {
      const r = await get(`${h.from}?select=id,${h.embed.replace(/\(.*\)$/, "(*)")}`);
      expect({ hint: h.embed, status: r.status }).toEqual({ hint: h.embed, status: 200 });
    }
  }, 120_000);
});

describe("the guide's example code", () => {
  it("its functionError helper is the one the flows run (tests/frontend/function-errors.ts)", () => {
    const fn = (text: string) => text.slice(text.indexOf("/** An edge function's error"), text.indexOf("\n}\n") + 2);
    const file = readFileSync(join(repoRoot, "tests/frontend/function-errors.ts"), "utf8");
    expect(fn(md)).toContain("error.context.json()");
    expect(fn(md)).toBe(fn(file));
  });
});
