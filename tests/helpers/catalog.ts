// What the catalog says about the API, for comparing it with docs/api.md: the RPCs (public
// functions an API role may execute) with their arguments and shape, the error codes a function
// can raise (its body and what it calls, and the triggers of tables it writes), and the columns
// `authenticated` may write where column-level grants restrict it.
import type postgres from "postgres";

export interface Rpc {
  name: string;
  args: string[];
  setof: boolean;
}

export async function apiRpcs(sql: postgres.Sql): Promise<Map<string, Rpc>> {
  const rows = await sql<Rpc[]>`
    select p.proname as name, p.proretset as setof,
      coalesce((select array_agg(n order by o) from unnest(p.proargnames, p.proargmodes::text[]) with ordinality x (n, m, o)
                where coalesce(m, 'i') in ('i', 'b', 'v')), '{}') as args
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.prokind = 'f' and p.prorettype <> 'trigger'::regtype
      and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute')
           or has_function_privilege('service_role', p.oid, 'execute'))`;
  return new Map(rows.map((r) => [r.name, r]));
}

/**
 * The SQLSTATEs a public function raises explicitly (errcode = '...', or a PostgREST code in a
 * `raise sqlstate 'PGRST'` message), following the functions it
 * calls up to `callDepth` and the triggers of tables written up to `triggerDepth` calls deep.
 */
export async function raisedCodes(sql: postgres.Sql) {
  const fns = await sql<{ s: string; n: string; src: string }[]>`select p.pronamespace::regnamespace::text as s,
      p.proname as n, p.prosrc as src from pg_proc p where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)`;
  const triggers = await sql<{ s: string; t: string; n: string }[]>`select c.relnamespace::regnamespace::text as s,
      c.relname as t, f.proname as n from pg_trigger g join pg_class c on c.oid = g.tgrelid
      join pg_proc f on f.oid = g.tgfoid where not g.tgisinternal`;
  return (name: string, callDepth: number, triggerDepth: number): Set<string> => {
    const codes = new Set<string>();
    const seen = new Set<string>();
    const queue: [string, string, number][] = [["public", name, 0]];
    while (queue.length) {
      const [s, n, depth] = queue.shift()!;
      if (seen.has(`${s}.${n}`) || depth > callDepth) continue;
      seen.add(`${s}.${n}`);
      for (const f of fns.filter((x) => x.s === s && x.n === n)) {
        for (const m of f.src.matchAll(/errcode\s*=\s*'([0-9A-Z]{5})'/g)) codes.add(m[1]);
        // PostgREST's own raise (sqlstate 'PGRST', the code in its JSON message), as the rate limiter answers 429
        for (const m of f.src.matchAll(/'code',\s*'(PT\d{3})'/g)) codes.add(m[1]);
        for (const m of f.src.matchAll(/\b(public|private)\.([a-z_0-9]+)\s*\(/g)) queue.push([m[1], m[2], depth + 1]);
        if (depth >= triggerDepth) continue;
        for (const m of f.src.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+(public|private)\.([a-z_0-9]+)/gi)) {
          for (const t of triggers.filter((x) => x.s === m[1] && x.t === m[2])) queue.push(["private", t.n, depth + 1]);
        }
      }
    }
    return codes;
  };
}

/** Per public table where `authenticated` may write some columns but not all: which (null: none, "all": every one). */
export async function columnWriteGrants(sql: postgres.Sql) {
  return await sql<{ t: string; ins: string[] | "all" | null; upd: string[] | "all" | null }[]>`
    with cols as (
      select c.relname as t, a.attname::text as col, a.attnum,
        has_column_privilege('authenticated', c.oid, a.attnum, 'INSERT') as ins,
        has_column_privilege('authenticated', c.oid, a.attnum, 'UPDATE') as upd
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and a.attgenerated = '' and a.attidentity <> 'a')
    select t,
      case when bool_and(ins) then to_jsonb('all'::text) when not bool_or(ins) then null
           else to_jsonb(array_agg(col order by attnum) filter (where ins)) end as ins,
      case when bool_and(upd) then to_jsonb('all'::text) when not bool_or(upd) then null
           else to_jsonb(array_agg(col order by attnum) filter (where upd)) end as upd
    from cols group by t
    having (bool_or(ins) and not bool_and(ins)) or (bool_or(upd) and not bool_and(upd))
    order by t`;
}
