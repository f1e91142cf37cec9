// supabase/schema/: the current state of the database, written from the live catalog, one file
// per table, view and function (grouped by schema), so "where is the current body of X" is one
// path. Migrations are history (a landed one never changes); this is the truth they add up to.
// Deparsed by PostgreSQL itself (pg_get_functiondef, pg_get_constraintdef, pg_get_indexdef,
// pg_get_triggerdef, pg_get_viewdef, pg_get_expr), so it reads the way pg_dump writes.
// Monthly partitions (date-named, made by pg_cron) are left out: their parent's file names them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { StackConfig } from "./config.ts";
import { psql } from "./postgres.ts";

export const schemaDir = (c: StackConfig) => join(c.repoRoot, "supabase/schema");
const SCHEMAS = ["public", "private"];

function rows<T>(c: StackConfig, sql: string): T[] {
  const out = psql(c, ["-tAc", `set search_path = ''; select coalesce(json_agg(t), '[]') from (${sql}) t`], c.dbName).stdout;
  return JSON.parse(out) as T[];
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const nsList = SCHEMAS.map(lit).join(", ");

/** ACL entries as GRANT statements (the owner's own rights left out). */
function grants(acl: string[] | null, what: string, owner = "postgres"): string[] {
  const names: Record<string, string> = {
    r: "select", a: "insert", w: "update", d: "delete", D: "truncate", x: "references", t: "trigger",
    X: "execute", U: "usage", C: "create",
  };
  const out: string[] = [];
  for (const item of acl ?? []) {
    const [who, rest] = item.split("=");
    if (who === owner) continue;
    const privs = [...rest.split("/")[0].replaceAll("*", "")].map((p) => names[p]).join(", ");
    out.push(`grant ${privs} on ${what} to ${who || "public"};`);
  }
  return out.sort();
}

interface Rel {
  name: string;
  schema: string;
  kind: string;
  oid: number;
  comment: string | null;
  rls: boolean;
  force_rls: boolean;
  acl: string[] | null;
  partitioned_by: string | null;
  realtime: boolean;
  viewdef: string | null;
  opts: string | null;
}

function relations(c: StackConfig): Rel[] {
  return rows<Rel>(c, `
    select c.relname as name, n.nspname as schema, c.relkind as kind, c.oid::int as oid,
           obj_description(c.oid, 'pg_class') as comment, c.relrowsecurity as rls, c.relforcerowsecurity as force_rls,
           c.relacl::text[] as acl,
           case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partitioned_by,
           exists (select 1 from pg_publication_rel pr join pg_publication p on p.oid = pr.prpubid
                   where pr.prrelid = c.oid and p.pubname = 'supabase_realtime') as realtime,
           case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as viewdef,
           array_to_string(c.reloptions, ', ') as opts
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in (${nsList}) and c.relkind in ('r', 'p', 'v', 'm') and not c.relispartition
    order by 2, 1`);
}

interface Col { rel: number; name: string; type: string; notnull: boolean; def: string | null; gen: string; ident: string; comment: string | null; acl: string[] | null }
interface Con { rel: number; name: string; def: string }
interface Idx { rel: number; name: string; def: string; comment: string | null }
interface Pol { rel: number; name: string; cmd: string; roles: string; permissive: boolean; qual: string | null; wcheck: string | null }
interface Trg { rel: number; def: string }
interface Details { cols: Col[]; cons: Con[]; idx: Idx[]; pols: Pol[]; trig: Trg[] }

/** Columns, constraints, indexes, policies and triggers of every relation, in one query each. */
function details(c: StackConfig): Details {
  const rels = `(select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname in (${nsList}) and c.relkind in ('r', 'p', 'v', 'm') and not c.relispartition)`;
  return {
    cols: rows<Col>(c, `
      select a.attrelid::int as rel, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull,
             pg_get_expr(d.adbin, d.adrelid) as def, a.attgenerated as gen, a.attidentity as ident,
             col_description(a.attrelid, a.attnum) as comment, a.attacl::text[] as acl
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid in ${rels} and a.attnum > 0 and not a.attisdropped order by a.attrelid, a.attnum`),
    cons: rows<Con>(c, `
      select conrelid::int as rel, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid in ${rels} and contype <> 't' order by conrelid, contype = 'p' desc, conname`),
    idx: rows<Idx>(c, `
      select i.indrelid::int as rel, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def,
             obj_description(i.indexrelid, 'pg_class') as comment
      from pg_index i where i.indrelid in ${rels}
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
      order by 1, 2`),
    pols: rows<Pol>(c, `
      select polrelid::int as rel, polname as name, polcmd as cmd, array_to_string(polroles::regrole[]::text[], ', ') as roles,
             polpermissive as permissive, pg_get_expr(polqual, polrelid) as qual, pg_get_expr(polwithcheck, polrelid) as wcheck
      from pg_policy where polrelid in ${rels} order by polrelid, polname`),
    trig: rows<Trg>(c, `
      select tgrelid::int as rel, pg_get_triggerdef(oid) as def from pg_trigger
      where tgrelid in ${rels} and not tgisinternal order by tgrelid, tgname`),
  };
}

function tableFile(r: Rel, d: Details): string {
  const q = `${r.schema}.${r.name}`;
  const mine = <T extends { rel: number }>(list: T[]) => list.filter((x) => x.rel === r.oid);
  const cols = mine(d.cols);
  const cons = mine(d.cons);
  const idx = mine(d.idx);
  const pols = mine(d.pols);
  const trig = mine(d.trig);
  const lines = cols.map((col) => {
    let s = `  ${col.name} ${col.type}`;
    if (col.ident) s += ` generated ${col.ident === "a" ? "always" : "by default"} as identity`;
    else if (col.gen === "s") s += ` generated always as (${col.def}) stored`;
    else if (col.def) s += ` default ${col.def}`;
    if (col.notnull) s += " not null";
    return s;
  });
  for (const k of cons) lines.push(`  constraint ${JSON.stringify(k.name)} ${k.def}`);
  const out = [`create table ${q} (\n${lines.join(",\n")}\n)${r.partitioned_by ? ` partition by ${r.partitioned_by}` : ""};`];
  if (r.partitioned_by) out.push(`-- partitions by month in private, made ahead and dropped by pg_cron (private.maintain_partitions)`);
  if (r.comment) out.push(`comment on table ${q} is ${lit(r.comment)};`);
  for (const col of cols) if (col.comment) out.push(`comment on column ${q}.${col.name} is ${lit(col.comment)};`);
  const body = [out.join("\n")];
  const access: string[] = [];
  if (r.rls) access.push(`alter table ${q} enable row level security;`);
  if (r.force_rls) access.push(`alter table ${q} force row level security;`);
  access.push(...grants(r.acl, q));
  for (const col of cols) {
    for (const g of grants(col.acl, q)) access.push(g.replace(/^grant (\S+(?:, \S+)*) on /, `grant $1 (${col.name}) on `));
  }
  if (r.realtime) access.push(`alter publication supabase_realtime add table ${q};`);
  if (access.length) body.push(access.join("\n"));
  if (idx.length) body.push(idx.map((i) => `${i.def};${i.comment ? `\ncomment on index ${i.name} is ${lit(i.comment)};` : ""}`).join("\n"));
  const CMD: Record<string, string> = { r: "select", a: "insert", w: "update", d: "delete", "*": "all" };
  if (pols.length) {
    body.push(pols.map((p) =>
      `create policy ${JSON.stringify(p.name)} on ${q}${p.permissive ? "" : " as restrictive"} for ${CMD[p.cmd]} to ${p.roles}` +
      (p.qual ? `\n  using (${p.qual})` : "") + (p.wcheck ? `\n  with check (${p.wcheck})` : "") + ";"
    ).join("\n"));
  }
  if (trig.length) body.push(trig.map((t) => `${t.def};`).join("\n"));
  return body.join("\n\n") + "\n";
}

function viewFile(r: Rel & { viewdef: string | null; opts: string | null }, d: Details): string {
  const q = `${r.schema}.${r.name}`;
  const v = { def: r.viewdef ?? "", opts: r.opts };
  const cols = d.cols.filter((x) => x.rel === r.oid);
  const out = [`create view ${q}${v.opts ? ` with (${v.opts})` : ""} as\n${v.def.trimEnd()}`];
  if (r.comment) out.push(`comment on view ${q} is ${lit(r.comment)};`);
  for (const col of cols) if (col.comment) out.push(`comment on column ${q}.${col.name} is ${lit(col.comment)};`);
  out.push(...grants(r.acl, q));
  return out.join("\n") + "\n";
}

function functionFiles(c: StackConfig): Map<string, string> {
  const fns = rows<{ schema: string; name: string; def: string; sig: string; comment: string | null; acl: string[] | null }>(c, `
    select n.nspname as schema, p.proname as name, pg_get_functiondef(p.oid) as def,
           p.oid::regprocedure::text as sig, obj_description(p.oid, 'pg_proc') as comment, p.proacl::text[] as acl
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in (${nsList}) and p.prokind in ('f', 'p')
      and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    order by 1, 2, 4`);
  const files = new Map<string, string>();
  for (const f of fns) {
    const path = `${f.schema}/functions/${f.name}.sql`;
    const parts = [f.def.trimEnd() + ";"];
    if (f.comment) parts.push(`comment on function ${f.sig} is ${lit(f.comment)};`);
    parts.push(...grants(f.acl, `function ${f.sig}`));
    files.set(path, (files.has(path) ? files.get(path)! + "\n" : "") + parts.join("\n") + "\n");
  }
  return files;
}

function typeFiles(c: StackConfig): Map<string, string> {
  const types = rows<{ schema: string; name: string; kind: string; labels: string[] | null; attrs: string | null; comment: string | null }>(c, `
    select n.nspname as schema, t.typname as name, t.typtype as kind,
           (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels,
           (select string_agg(format('  %I %s', a.attname, format_type(a.atttypid, a.atttypmod)), E',\\n' order by a.attnum)
              from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0) as attrs,
           obj_description(t.oid, 'pg_type') as comment
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname in (${nsList}) and (t.typtype = 'e' or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
      and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
    order by 1, 2`);
  const files = new Map<string, string>();
  for (const t of types) {
    const q = `${t.schema}.${t.name}`;
    const def = t.kind === "e"
      ? `create type ${q} as enum (${(t.labels ?? []).map(lit).join(", ")});`
      : `create type ${q} as (\n${t.attrs}\n);`;
    const path = `${t.schema}/types.sql`;
    const text = def + (t.comment ? `\ncomment on type ${q} is ${lit(t.comment)};` : "");
    files.set(path, (files.has(path) ? files.get(path)! + "\n\n" : "") + text);
  }
  for (const [k, v] of files) files.set(k, v + "\n");
  return files;
}

function cronFile(c: StackConfig): string {
  const jobs = rows<{ jobname: string; schedule: string; command: string }>(c,
    `select jobname, schedule, command from cron.job order by jobname`);
  return jobs.map((j) => `select cron.schedule(${lit(j.jobname)}, ${lit(j.schedule)}, ${lit(j.command)});`).join("\n") + "\n";
}

function storageFile(c: StackConfig): string {
  const buckets = rows<{ id: string; public: boolean; limit: number | null; types: string[] | null }>(c, `
    select id, public, file_size_limit as limit, allowed_mime_types as types from storage.buckets order by id`);
  const pols = rows<{ name: string; cmd: string; roles: string; qual: string | null; wcheck: string | null }>(c, `
    select polname as name, polcmd as cmd, array_to_string(polroles::regrole[]::text[], ', ') as roles,
           pg_get_expr(polqual, polrelid) as qual, pg_get_expr(polwithcheck, polrelid) as wcheck
    from pg_policy where polrelid = 'storage.objects'::regclass order by polname`);
  const CMD: Record<string, string> = { r: "select", a: "insert", w: "update", d: "delete", "*": "all" };
  return [
    ...buckets.map((b) =>
      `-- bucket ${b.id}: ${b.public ? "public" : "private"}, at most ${b.limit ?? "any"} bytes, ${(b.types ?? ["any type"]).join(", ")}`
    ),
    "",
    ...pols.map((p) =>
      `create policy ${JSON.stringify(p.name)} on storage.objects for ${CMD[p.cmd]} to ${p.roles}` +
      (p.qual ? `\n  using (${p.qual})` : "") + (p.wcheck ? `\n  with check (${p.wcheck})` : "") + ";"
    ),
  ].join("\n") + "\n";
}

/** Every file of the snapshot, by path below supabase/schema/. */
export function snapshot(c: StackConfig): Map<string, string> {
  const files = new Map<string, string>();
  const d = details(c);
  for (const r of relations(c)) {
    const dir = r.kind === "v" || r.kind === "m" ? "views" : "tables";
    files.set(`${r.schema}/${dir}/${r.name}.sql`, dir === "views" ? viewFile(r, d) : tableFile(r, d));
  }
  for (const [k, v] of functionFiles(c)) files.set(k, v);
  for (const [k, v] of typeFiles(c)) files.set(k, v);
  files.set("cron/jobs.sql", cronFile(c));
  files.set("storage/buckets_and_policies.sql", storageFile(c));
  return files;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

export function writeSnapshot(c: StackConfig): number {
  const files = snapshot(c);
  const dir = schemaDir(c);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, "README.md"), README);
  return files.size;
}

/** The files that differ between the committed snapshot and the live database (empty when none). */
export function snapshotDrift(c: StackConfig): string[] {
  const live = snapshot(c);
  const dir = schemaDir(c);
  const committed = new Map(
    listFiles(dir).filter((p) => !p.endsWith("README.md")).map((p) => [relative(dir, p), readFileSync(p, "utf8")]),
  );
  const out: string[] = [];
  for (const [path, text] of live) {
    if (!committed.has(path)) out.push(`missing: ${path}`);
    else if (committed.get(path) !== text) out.push(`differs: ${path}`);
  }
  for (const path of committed.keys()) if (!live.has(path)) out.push(`not in the database: ${path}`);
  return out.sort();
}

const README = `# supabase/schema: the current state (generated)

Written from the live database by \`npm run gen:schema\`; never edit these files. \`npm test\`
fails when they differ from what the migrations build.

- \`<schema>/tables/<table>.sql\`: columns, constraints, comments, RLS, grants, realtime,
  indexes, policies and triggers of one table.
- \`<schema>/functions/<function>.sql\`: the current body of a function (every overload),
  its comment and grants.
- \`<schema>/views/<view>.sql\`, \`<schema>/types.sql\` (enums and composite types),
  \`cron/jobs.sql\` (pg_cron jobs), \`storage/buckets_and_policies.sql\`.

Migrations in \`supabase/migrations/\` are history: a hosted project applies only the ones it has
not seen, so a landed migration never changes. A change is a new migration named for what it
changes; this folder shows the result. To find the current body of \`private.upsert_x\`, open
\`private/functions/upsert_x.sql\`; to find where it was last changed, \`git log -S 'function
private.upsert_x' supabase/migrations\`.
`;
