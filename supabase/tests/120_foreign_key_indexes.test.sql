-- Every foreign key has an index whose leading columns are the key's columns in the key's order,
-- the rule Supabase's advisor applies (lint 0001 unindexed_foreign_keys): 001_catalog accepts the
-- same columns in any order, which let nine keys of reviews, surveys and support through while
-- the advisor listed them. Checked on the live catalog, so a later key without its index fails.
begin;
set search_path = extensions, public;
select plan(2);

select is_empty($$
  select c.conrelid::regclass || ' (' || c.conname || ')'
  from pg_constraint c
  join pg_class t on t.oid = c.conrelid
  where c.contype = 'f'
    and t.relnamespace::regnamespace::text not in ('pg_catalog', 'information_schema', 'auth', 'storage', 'vault', 'extensions')
    and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
    and not exists (
      select 1 from pg_index i
      where i.indrelid = c.conrelid and i.indisvalid
        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)
$$, 'every foreign key has an index leading with its columns in the key''s order (the advisor''s rule)');

-- The rule can fail: a key declared against its index's order is reported.
create table pg_temp.fk_parent (a int, b int, unique (a, b));
create table pg_temp.fk_child (a int, b int, foreign key (b, a) references pg_temp.fk_parent (b, a));
create index on pg_temp.fk_child (a, b);
select isnt_empty($$
  select 1 from pg_constraint c
  where c.conrelid = 'pg_temp.fk_child'::regclass and c.contype = 'f'
    and not exists (select 1 from pg_index i where i.indrelid = c.conrelid
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)
$$, 'a key whose index has the same columns in another order is found');

select * from finish();
rollback;
