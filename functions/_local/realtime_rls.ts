// Who may receive a change, decided in the database as each subscriber (LOCAL ONLY), as Supabase
// Realtime decides it: an inserted or updated row goes to a subscriber whose own role and claims
// can select it by its primary key now (their select policies and grants); a deleted row, whose
// row is gone, to a subscriber whose select policies pass on the old values, which only a table
// with replica identity full sends (otherwise the old image holds the key alone and nobody gets
// the delete). The record itself is the decoded values cast to their column types.
import type postgres from "postgres";
import { asCaller } from "./as_caller.ts";
import type { Caller } from "./caller.ts";
import type { Relation, Tuple } from "./realtime_wal.ts";

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function realtimeRls(sql: postgres.Sql) {
  const types = new Map<string, { typname: string; formatted: string }>();
  const recordSql = new Map<string, string>();

  async function typeOf(oid: number, typmod: number) {
    const key = `${oid}:${typmod}`;
    if (!types.has(key)) {
      const [t] = await sql`select typname, format_type(oid, ${typmod === -1 ? null : typmod}) as formatted
        from pg_type where oid = ${oid}`;
      types.set(key, { typname: t.typname as string, formatted: t.formatted as string });
    }
    return types.get(key)!;
  }

  /** `($1::text[])[i]::<type> as "<column>"` for every column: the tuple, typed. */
  async function typedValues(r: Relation): Promise<string> {
    const parts = await Promise.all(
      r.columns.map(async (c, i) =>
        `($1::text[])[${i + 1}]::${(await typeOf(c.typeOid, c.typmod)).formatted} as ${ident(c.name)}`
      ),
    );
    return parts.join(", ");
  }

  const table = (r: Relation) => `${ident(r.schema)}.${ident(r.table)}`;

  return {
    /** Column names with realtime-js's type names (pg_type.typname: int8, _text ...). */
    async columns(r: Relation) {
      return await Promise.all(
        r.columns.map(async (c) => ({ name: c.name, type: (await typeOf(c.typeOid, c.typmod)).typname })),
      );
    },

    /** The values as JSON of their column types; unchanged TOASTed values are left out. */
    async record(r: Relation, t: Tuple): Promise<Record<string, unknown>> {
      const key = `${r.id}:${r.columns.map((c) => `${c.name}/${c.typeOid}`).join(",")}`;
      if (!recordSql.has(key)) recordSql.set(key, `select to_jsonb(x) as j from (select ${await typedValues(r)}) x`);
      const [row] = await sql.unsafe(recordSql.get(key)!, [t.map((v) => v ?? null)]);
      const j = row.j as Record<string, unknown>;
      r.columns.forEach((c, i) => t[i] === undefined && delete j[c.name]);
      return j;
    },

    /** The primary key's values of a record, for an old_record as hosted Realtime sends it under RLS. */
    keyOf(r: Relation, record: Record<string, unknown>): Record<string, unknown> {
      return Object.fromEntries(r.columns.filter((c) => c.key).map((c) => [c.name, record[c.name]]));
    },

    /** Can the caller select this row (by primary key) now? Refusals (no grant) count as no. */
    async canSee(caller: Caller, r: Relation, t: Tuple): Promise<boolean> {
      const keys = r.columns.map((c, i) => ({ c, i })).filter((x) => x.c.key);
      if (!keys.length) return false;
      const where = await Promise.all(
        keys.map(async ({ c }, n) =>
          `${ident(c.name)} = $${n + 1}::text::${(await typeOf(c.typeOid, c.typmod)).formatted}`
        ),
      );
      try {
        return await asCaller(sql, caller, async (tx) => {
          const [row] = await tx.unsafe(
            `select exists (select 1 from ${table(r)} where ${where.join(" and ")}) as seen`,
            keys.map(({ i }) => t[i] ?? null),
          );
          return row.seen === true;
        });
      } catch {
        return false;
      }
    },

    /** Do the caller's select policies pass on these old values (a full old image)? */
    async couldSee(caller: Caller, r: Relation, old: Tuple): Promise<boolean> {
      const [p] = await sql`select
          string_agg('(' || qual || ')', ' or ') filter (where permissive = 'PERMISSIVE') as permissive,
          string_agg('(' || qual || ')', ' and ') filter (where permissive = 'RESTRICTIVE') as restrictive
        from pg_policies where schemaname = ${r.schema} and tablename = ${r.table} and cmd in ('SELECT', 'ALL')
          and roles && array[${caller.role}, 'public']::name[] and qual is not null`;
      if (!p.permissive) return false;
      const cond = p.restrictive ? `(${p.permissive}) and (${p.restrictive})` : p.permissive;
      try {
        return await asCaller(sql, caller, async (tx) => {
          const [row] = await tx.unsafe(
            `select has_table_privilege(${literal(table(r))}, 'SELECT')
               and exists (select 1 from (select ${await typedValues(r)}) as ${ident(r.table)} where ${cond}) as seen`,
            [old.map((v) => v ?? null)],
          );
          return row.seen === true;
        });
      } catch {
        return false;
      }
    },
  };
}

export type RealtimeRls = ReturnType<typeof realtimeRls>;
