-- Erasing and exporting a shop's customer cover every place their identifiers land (issue 21,
-- item 1). A signed Shopify customers/redact ended completed and deleted the customer row, yet the
-- customer's email, name and phone stayed in reviews (author, and the phone inside the body), in
-- support tickets, in leads, email contacts, chat, logs, audit rows and the raw webhook body.
--
-- The user rule of the privacy domain (private.personal_data_columns) gets its sibling for a shop's
-- customer, read from the catalog so a table added later is covered without code changes
-- (private.customer_data_columns): in a table with workspace_id,
--   K1 customer: a foreign key to public.customers (the key's ON DELETE says delete or unlink);
--   K2 email / phone: a text column named email, *_email, phone or *_phone, matched by the SHA-256
--      of its normalised value, so a row is found whether the subject was given in clear or hashed;
--   K3 email_hash / phone_hash: a text column named *email_sha256 or *phone_sha256;
--   K4 visitor: a text column named visitor_id, matched against the visitor ids stitched to the
--      customer's identity or carried by their orders (the customer's storefront history).
-- A matched row is the subject's record and is deleted, except in tables registered as kept
-- (orders, reviews, conversions: the shop's records), where the matched column is cleared with the
-- name fields that go with it (<p>_name beside <p>_email; name, first_name, last_name, full_name,
-- real_name, display_name beside a bare email or phone). Then every text, JSON and array column of
-- the workspace is scrubbed of the subject's emails, phones and names, wherever they are quoted
-- (ticket bodies, audit rows, logs, chat), keeping the fact and losing the identifier; raw webhook
-- bodies that mention the subject are dropped. Finally the erasure proves itself by searching the
-- workspace again and rolls back if anything is left.
--
-- Erasure runs for Shopify's customers/redact (the webhook processor) and for a customer's request
-- an admin records (request_customer_erasure: the privacy-erasures job). Exports of a customer
-- (Shopify's customers/data_request, request_customer_export) hold every row the same rule finds
-- and the rows hanging off them, with other people's emails and phone numbers masked.

-- ===== helpers
create function private.jsonb_texts(p_value jsonb) returns text[]
language sql immutable set search_path = '' as $$
  select case jsonb_typeof(p_value)
           when 'array' then coalesce(array(select x from jsonb_array_elements_text(p_value) x where nullif(btrim(x), '') is not null), '{}')
           when 'string' then array_remove(array[nullif(btrim(p_value #>> '{}'), '')], null)
           when 'number' then array[p_value #>> '{}']
           else '{}'::text[] end
$$;
comment on function private.jsonb_texts(jsonb) is 'The non-empty strings of a JSON array (or a single string or number) as text[].';
revoke all on function private.jsonb_texts(jsonb) from public;

create function private.regex_escape(p_text text) returns text
language sql immutable set search_path = '' as $$
  select regexp_replace(p_text, '([.*+?^${}()|\[\]\\])', '\\\1', 'g')
$$;
comment on function private.regex_escape(text) is 'A string as a literal inside a regular expression.';
revoke all on function private.regex_escape(text) from public;

-- One regular expression that finds any of the values in text, case-insensitively: emails and ids
-- literally; names as whole words with any whitespace between them (3 characters at least);
-- phone numbers by their digits with the separators people type between them (space ( ) . -),
-- with or without the country code (7 digits at least).
create function private.personal_value_pattern(p_emails text[], p_phones text[], p_names text[], p_ids text[] default null)
returns text
language sql immutable set search_path = '' as $$
  select nullif(concat_ws('|',
    (select string_agg(distinct private.regex_escape(lower(btrim(e))), '|') from unnest(p_emails) e where btrim(e) ~ '.@.'),
    (select string_agg(distinct '(?<![0-9])(\+?[\s().-]*' || regexp_replace(left(d, length(d) - 10), '(\d)', '\1[\s().-]*', 'g') || ')?'
                       || regexp_replace(right(d, least(length(d), 10)), '(\d)(?=\d)', '\1[\s().-]*', 'g') || '(?![0-9])', '|')
     from (select regexp_replace(p, '\D', '', 'g') as d from unnest(p_phones) p) x where length(d) >= 7),
    (select string_agg(distinct '\m' || regexp_replace(private.regex_escape(btrim(n)), '\s+', '\\s+', 'g') || '\M', '|')
     from unnest(p_names) n where char_length(btrim(n)) >= 3 and btrim(n) ~ '[[:alpha:]]'),
    (select string_agg(distinct private.regex_escape(i), '|') from unnest(p_ids) i where nullif(i, '') is not null)), '')
$$;
comment on function private.personal_value_pattern(text[], text[], text[], text[]) is 'The case-insensitive regular expression (or null) matching any of the subject''s emails, phone numbers (digits with any separators, with or without the country code), names (whole words) and ids in free text.';
revoke all on function private.personal_value_pattern(text[], text[], text[], text[]) from public;

-- The text-like columns the scrub and the search read: text, varchar, char, json(b), text[] and
-- varchar[] columns of tables in public and private (not generated ones: they follow their source).
create function private.text_columns(p_tenant_only boolean)
returns table (table_name regclass, columns name[], types regtype[])
language sql stable set search_path = '' as $$
  select c.oid::regclass, array_agg(a.attname order by a.attnum), array_agg(a.atttypid::regtype order by a.attnum)
  from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
    and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype, 'jsonb'::regtype,
                       'text[]'::regtype, 'varchar[]'::regtype)
    and a.attgenerated = ''
    and (not p_tenant_only or exists (select 1 from pg_attribute w where w.attrelid = c.oid and w.attname = 'workspace_id' and not w.attisdropped))
  group by c.oid order by c.oid::regclass::text
$$;
comment on function private.text_columns(boolean) is 'Per table in public and private, its text-like columns (text, varchar, char, json, jsonb, text[], varchar[]; not generated): what erasure scrubs and proves clean. p_tenant_only: tables with workspace_id only.';
revoke all on function private.text_columns(boolean) from public;

-- Replaces every match of p_pattern in every text-like column by '[erased]', in rows of the given
-- workspaces (tables with workspace_id) or, without workspaces, in every row of every table. Runs
-- beneath the tables' triggers (it changes who a text names, nothing else); a row whose rules refuse
-- '[erased]' goes rather than keep the value. Returns per table what it did.
create function private.scrub_personal_values(p_pattern text, p_workspace_ids uuid[] default null) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  t record;
  sets text;
  conds text;
  scope text := case when p_workspace_ids is not null then 't.workspace_id = any ($2) and ' else '' end;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  if p_pattern is null then
    return done;
  end if;
  for t in select * from private.text_columns(p_workspace_ids is not null) loop
    select string_agg(format('%1$I = case when t.%1$I::text ~* $1 then %2$s else t.%1$I end', x.c,
             case x.ty
               when 'jsonb'::regtype then format('regexp_replace(t.%I::text, $1, ''[erased]'', ''gi'')::jsonb', x.c)
               when 'json'::regtype then format('regexp_replace(t.%I::text, $1, ''[erased]'', ''gi'')::json', x.c)
               when 'text[]'::regtype then format('array(select regexp_replace(e, $1, ''[erased]'', ''gi'') from unnest(t.%I) with ordinality u (e, o) order by o)', x.c)
               when 'varchar[]'::regtype then format('array(select regexp_replace(e, $1, ''[erased]'', ''gi'') from unnest(t.%I) with ordinality u (e, o) order by o)::varchar[]', x.c)
               else format('regexp_replace(t.%I, $1, ''[erased]'', ''gi'')', x.c)
             end), ', '),
           string_agg(format('t.%I::text ~* $1', x.c), ' or ')
    into sets, conds
    from unnest(t.columns, t.types) as x (c, ty);
    begin
      perform set_config('session_replication_role', 'replica', true);
      execute format('with u as (update %s t set %s where %s(%s) returning 1) select count(*) from u', t.table_name, sets, scope, conds)
        into n using p_pattern, p_workspace_ids;
      perform set_config('session_replication_role', 'origin', true);
    exception when check_violation or not_null_violation or string_data_right_truncation or invalid_text_representation then
      perform set_config('session_replication_role', 'origin', true);
      execute format('with d as (delete from %s t where %s(%s) returning 1) select count(*) from d', t.table_name, scope, conds)
        into n using p_pattern, p_workspace_ids;
      n := -n;
    end;
    if n <> 0 then
      done := done || jsonb_build_object(t.table_name::text,
        jsonb_build_object('text', jsonb_build_object(case when n > 0 then 'scrubbed' else 'delete' end, abs(n))));
    end if;
  end loop;
  return done;
end $$;
comment on function private.scrub_personal_values(text, uuid[]) is 'Erasure step: replaces every match of the pattern in every text-like column by [erased] (rows of the given workspaces, or every row without them), beneath the tables'' triggers; deletes a row whose checks refuse the replacement. Returns per table what it did.';
revoke all on function private.scrub_personal_values(text, uuid[]) from public;

-- Where the pattern still matches: the erasure's proof (and the tests').
create function private.personal_pattern_locations(p_pattern text, p_workspace_ids uuid[] default null)
returns table (table_name text, column_name text, hits bigint)
language plpgsql volatile security definer set search_path = '' as $$
declare
  t record;
  c name;
begin
  if p_pattern is null then
    return;
  end if;
  for t in select * from private.text_columns(p_workspace_ids is not null) loop
    foreach c in array t.columns loop
      execute format('select count(*) from %s t where %s t.%I::text ~* $1', t.table_name,
                     case when p_workspace_ids is not null then 't.workspace_id = any ($2) and' else '' end, c)
        into hits using p_pattern, p_workspace_ids;
      if hits > 0 then
        table_name := t.table_name::text; column_name := c;
        return next;
      end if;
    end loop;
  end loop;
end $$;
comment on function private.personal_pattern_locations(text, uuid[]) is 'Every text-like column in public and private (rows of the given workspaces, or all rows) where the pattern still matches, with the number of rows. A full scan: the erasures'' proof and the tests''.';
revoke all on function private.personal_pattern_locations(text, uuid[]) from public;
grant execute on function private.personal_pattern_locations(text, uuid[]) to service_role;

-- ===== the customer rule
create table private.customer_kept_tables (
  table_name regclass primary key,
  note text not null
);
comment on table private.customer_kept_tables is 'Tables whose rows matched to an erased customer stay, with the matched column and its name fields cleared, instead of being deleted (the shop''s records). Registered by private.keep_customer_rows; read by private.customer_data_columns.';
alter table private.customer_kept_tables enable row level security;
grant all on private.customer_kept_tables to service_role;

create function private.keep_customer_rows(p_table regclass, p_note text) returns void
language sql volatile set search_path = '' as $$
  insert into private.customer_kept_tables (table_name, note) values (p_table, p_note)
  on conflict (table_name) do update set note = excluded.note
$$;
comment on function private.keep_customer_rows(regclass, text) is 'Migration helper: a customer''s erasure keeps this table''s matched rows, anonymised, rather than deleting them.';
revoke all on function private.keep_customer_rows(regclass, text) from public;

select private.keep_customer_rows('public.orders', 'financial records: kept, unlinked from the customer (email hash, customer, visitor cleared)');
select private.keep_customer_rows('public.conversions', 'attribution of kept orders: the visitor is cleared');
select private.keep_customer_rows('public.reviews', 'published content: kept, the author anonymised and the text scrubbed');

create function private.customer_data_columns()
returns table (table_name regclass, column_name name, kind text, erase_action text, name_columns name[])
language sql stable security definer set search_path = '' as $$
  with cols as (
    select c.oid as relid, a.attname, a.attnum, a.attnotnull, a.atttypid,
           case
             when a.atttypid = 'uuid'::regtype and exists (
               select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f'
                 and f.confrelid = 'public.customers'::regclass and a.attnum = any (f.conkey)) then 'customer'
             when a.atttypid not in ('text'::regtype, 'varchar'::regtype) then null
             when a.attname = 'email_sha256' or a.attname::text like '%\_email\_sha256' then 'email_hash'
             when a.attname = 'phone_sha256' or a.attname::text like '%\_phone\_sha256' then 'phone_hash'
             when a.attname = 'email' or a.attname::text like '%\_email' then 'email'
             when a.attname = 'phone' or a.attname::text like '%\_phone' then 'phone'
             when a.attname = 'visitor_id' then 'visitor'
           end as kind
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
      and c.oid <> 'public.customers'::regclass
      and exists (select 1 from pg_attribute w where w.attrelid = c.oid and w.attname = 'workspace_id' and not w.attisdropped)
  )
  select k.relid::regclass, k.attname, k.kind,
         case
           when k.kind = 'customer' then
             (select case when f.confdeltype = 'c' then 'delete' else 'set_null' end from pg_constraint f
              where f.conrelid = k.relid and f.contype = 'f' and f.confrelid = 'public.customers'::regclass and k.attnum = any (f.conkey) limit 1)
           when exists (select 1 from private.customer_kept_tables kt where kt.table_name = k.relid) then 'set_null'
           else 'delete'
         end,
         coalesce((select array_agg(n.attname order by n.attnum) from pg_attribute n
                   where n.attrelid = k.relid and n.attnum > 0 and not n.attisdropped
                     and n.atttypid in ('text'::regtype, 'varchar'::regtype) and k.kind in ('email', 'phone')
                     and (case when k.attname in ('email', 'phone')
                               then n.attname in ('name', 'first_name', 'last_name', 'full_name', 'real_name', 'display_name')
                               else n.attname::text = regexp_replace(k.attname, '_(email|phone)$', '') || '_name' end)), '{}')
  from cols k
  where k.kind is not null
  order by 1, 2
$$;
comment on function private.customer_data_columns() is 'The catalog rule for a shop customer''s export and erasure: every column of a table with workspace_id that refers to a customer (K1 foreign key to customers; K2 email/phone text named email, *_email, phone, *_phone; K3 *email_sha256/*phone_sha256; K4 visitor_id), what erasure does with a matched row (delete, or set_null in kept tables and per the foreign key), and the name fields that go with a contact column.';
revoke all on function private.customer_data_columns() from public;
grant execute on function private.customer_data_columns() to service_role;

-- The condition a catalog column puts on a row of the subject: $1 workspace, $2 customer ids,
-- $3 email hashes, $4 phone hashes, $5 visitor ids.
create function private.customer_match(p_kind text, p_column name) returns text
language sql immutable set search_path = '' as $$
  select case p_kind
    when 'customer' then format('t.%I = any ($2)', p_column)
    when 'email' then format('private.email_sha256(t.%I) = any ($3)', p_column)
    when 'phone' then format('private.phone_sha256(t.%I) = any ($4)', p_column)
    when 'email_hash' then format('t.%I = any ($3)', p_column)
    when 'phone_hash' then format('t.%I = any ($4)', p_column)
    when 'visitor' then format('t.%I = any ($5)', p_column)
  end
$$;
comment on function private.customer_match(text, name) is 'The SQL condition a customer_data_columns column puts on a row (parameters: $1 workspace, $2 customer ids, $3 email hashes, $4 phone hashes, $5 visitor ids).';
revoke all on function private.customer_match(text, name) from public;

-- Everything that identifies one customer in one workspace, from what the request gave: Shopify
-- customer ids, emails, phones (in clear or as SHA-256), names. Adds the matching customers, their
-- hashes and their orders' email hashes, the visitor ids stitched to them or carried by their
-- orders, and, from the rows the rule matches, the emails, phones and names written there in clear
-- (what free text may quote).
create function private.customer_subject(p_workspace_id uuid, p_subject jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  emails text[] := array(select lower(e) from unnest(private.jsonb_texts(p_subject -> 'emails')) e);
  phones text[] := private.jsonb_texts(p_subject -> 'phones');
  names text[] := private.jsonb_texts(p_subject -> 'names');
  sids text[] := private.jsonb_texts(p_subject -> 'shopify_customer_ids') || private.jsonb_texts(p_subject -> 'shopify_customer_id');
  ehash text[] := private.jsonb_texts(p_subject -> 'email_sha256');
  phash text[] := private.jsonb_texts(p_subject -> 'phone_sha256');
  cids uuid[];
  vids text[];
  col record;
  found_values text[];
  found_names text[];
begin
  ehash := ehash || array(select private.email_sha256(e) from unnest(emails) e where private.email_sha256(e) is not null);
  phash := phash || array(select private.phone_sha256(p) from unnest(phones) p where private.phone_sha256(p) is not null);
  select coalesce(array_agg(c.id), '{}') into cids from public.customers c
  where c.workspace_id = p_workspace_id
    and (c.shopify_customer_id = any (sids) or c.email_sha256 = any (ehash) or c.phone_sha256 = any (phash));
  ehash := ehash || array(select c.email_sha256 from public.customers c where c.id = any (cids) and c.email_sha256 is not null)
                 || array(select o.email_sha256 from public.orders o
                          where o.workspace_id = p_workspace_id and o.customer_id = any (cids) and o.email_sha256 is not null);
  phash := phash || array(select c.phone_sha256 from public.customers c where c.id = any (cids) and c.phone_sha256 is not null);
  vids := array(select v.visitor_id from public.visitors v join public.customer_identities i on i.id = v.identity_id
                where v.workspace_id = p_workspace_id and i.customer_id = any (cids))
       || array(select o.visitor_id from public.orders o
                where o.workspace_id = p_workspace_id and o.visitor_id is not null
                  and (o.customer_id = any (cids) or o.email_sha256 = any (ehash)));
  for col in select * from private.customer_data_columns() c where c.kind in ('email', 'phone') loop
    execute format(
      'select coalesce(array_agg(distinct t.%1$I), ''{}''),
              coalesce(array_agg(distinct n.v) filter (where n.v is not null), ''{}'')
       from %2$s t left join lateral (values %3$s) n (v) on true
       where t.workspace_id = $1 and %4$s',
      col.column_name, col.table_name,
      coalesce((select string_agg(format('(t.%I)', x), ', ') from unnest(col.name_columns) x
                where x not in ('first_name', 'last_name')), '(null::text)')
        || case when col.name_columns @> array['first_name', 'last_name']::name[]
                then ', (nullif(concat_ws('' '', t.first_name, t.last_name), ''''))' else '' end,
      private.customer_match(col.kind, col.column_name))
      into found_values, found_names using p_workspace_id, cids, ehash, phash, vids;
    if col.kind = 'email' then
      emails := emails || array(select lower(btrim(v)) from unnest(found_values) v);
    else
      phones := phones || found_values;
    end if;
    names := names || found_names;
  end loop;
  return jsonb_build_object(
    'customer_ids', to_jsonb(cids),
    'email_hashes', to_jsonb(array(select distinct x from unnest(ehash) x)),
    'phone_hashes', to_jsonb(array(select distinct x from unnest(phash) x)),
    'visitor_ids', to_jsonb(array(select distinct x from unnest(vids) x)),
    'emails', to_jsonb(array(select distinct x from unnest(emails) x)),
    'phones', to_jsonb(array(select distinct x from unnest(phones) x)),
    'names', to_jsonb(array(select distinct btrim(x) from unnest(names) x where btrim(x) <> '')));
end $$;
comment on function private.customer_subject(uuid, jsonb) is 'Resolves a customer privacy request (shopify_customer_id(s), emails, phones, names, email_sha256, phone_sha256) to everything identifying the customer in the workspace: customer ids, email and phone hashes, visitor ids, and the emails, phones and names found in clear in the rows the customer rule matches.';
revoke all on function private.customer_subject(uuid, jsonb) from public;

-- ===== erasure
create function private.erase_customer(p_workspace_id uuid, p_subject jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  s jsonb := private.customer_subject(p_workspace_id, p_subject);
  cids uuid[] := array(select x::uuid from jsonb_array_elements_text(s -> 'customer_ids') x);
  ehash text[] := private.jsonb_texts(s -> 'email_hashes');
  phash text[] := private.jsonb_texts(s -> 'phone_hashes');
  vids text[] := private.jsonb_texts(s -> 'visitor_ids');
  pattern text := private.personal_value_pattern(private.jsonb_texts(s -> 'emails'), private.jsonb_texts(s -> 'phones'),
                                                 private.jsonb_texts(s -> 'names'));
  col record;
  sets text;
  cond text;
  n bigint;
  done jsonb := '{}'::jsonb;
  leftovers jsonb;
begin
  if p_workspace_id is null then
    raise exception 'no workspace given' using errcode = '22023';
  end if;
  -- 1. raw deliveries that mention the subject: the body goes, processed or not (processing it
  -- later would bring the data back); the hash and metadata stay.
  if pattern is not null then
    update private.webhook_events w set payload = null,
      status = case when w.status in ('pending', 'failed') then 'ignored' else w.status end,
      error = case when w.status in ('pending', 'failed') then 'body dropped by a privacy erasure before processing' else w.error end
    where w.workspace_id = p_workspace_id and w.payload is not null and w.payload::text ~* pattern;
    get diagnostics n = row_count;
    if n > 0 then
      done := done || jsonb_build_object('private.webhook_events', jsonb_build_object('payload', jsonb_build_object('drop', n)));
    end if;
  end if;
  -- 2. the customers (gift card recipients go, orders are unlinked)
  done := done || jsonb_build_object('public.customers', jsonb_build_object('id',
    jsonb_build_object('delete', private.erase_customers(p_workspace_id, cids, ehash))));
  -- 3. every row the rule matches: deletions first, then what kept tables clear
  for col in select * from private.customer_data_columns() c order by c.erase_action = 'set_null', c.table_name::text, c.column_name loop
    cond := format('t.workspace_id = $1 and %s', private.customer_match(col.kind, col.column_name));
    if col.erase_action = 'delete' then
      execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, cond)
        into n using p_workspace_id, cids, ehash, phash, vids;
    else
      select string_agg(format('%I = %s', a.attname,
               case when a.attname = col.column_name or not a.attnotnull then 'null' else '''Anonymous''' end), ', ')
      into sets from pg_attribute a
      where a.attrelid = col.table_name and a.attnum > 0 and not a.attisdropped
        and (a.attname = col.column_name or a.attname = any (col.name_columns));
      begin
        perform set_config('session_replication_role', 'replica', true);
        execute format('with u as (update %s t set %s where %s returning 1) select count(*) from u', col.table_name, sets, cond)
          into n using p_workspace_id, cids, ehash, phash, vids;
        perform set_config('session_replication_role', 'origin', true);
      exception when check_violation or not_null_violation then
        perform set_config('session_replication_role', 'origin', true);
        execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, cond)
          into n using p_workspace_id, cids, ehash, phash, vids;
        col.erase_action := 'delete';
      end;
    end if;
    if n > 0 then
      done := jsonb_set(done, array[col.table_name::text], coalesce(done -> col.table_name::text, '{}'::jsonb)
                        || jsonb_build_object(col.column_name, jsonb_build_object(col.erase_action, n)));
    end if;
  end loop;
  -- 4. the subject quoted anywhere in the workspace's text
  done := done || private.scrub_personal_values(pattern, array[p_workspace_id]);
  -- 5. the proof: nothing of the subject left in the workspace, or nothing happened
  select coalesce(jsonb_agg(to_jsonb(l)), '[]') into leftovers from private.personal_pattern_locations(pattern, array[p_workspace_id]) l;
  if leftovers <> '[]'::jsonb then
    raise exception 'values of the customer remain after erasure in %', leftovers;
  end if;
  return done;
end $$;
comment on function private.erase_customer(uuid, jsonb) is 'GDPR erasure of one shop customer in one workspace (p_subject: shopify_customer_id(s), emails, phones, names, hashes): drops raw webhook bodies that mention them, deletes the customers, deletes or anonymises every row the customer rule matches, scrubs their emails, phones and names from every text column of the workspace, and raises if any remains. Returns per table what it did.';
revoke all on function private.erase_customer(uuid, jsonb) from public;
grant execute on function private.erase_customer(uuid, jsonb) to service_role;

-- ===== export
-- Other people's emails and phone numbers inside a subject's document become [redacted]; the
-- subject's own (by hash) stay.
create function private.mask_foreign_contacts(p_doc jsonb, p_email_hashes text[], p_phone_hashes text[]) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  t text := p_doc::text;
  m text;
begin
  for m in select distinct x[1] from regexp_matches(t, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', 'g') x loop
    if not coalesce(private.email_sha256(m) = any (coalesce(p_email_hashes, '{}')), false) then
      t := replace(t, m, '[redacted]');
    end if;
  end loop;
  for m in select distinct x[1] from regexp_matches(t, '(\+\d[\d ().-]{6,}\d)', 'g') x loop
    if not coalesce(private.phone_sha256(m) = any (coalesce(p_phone_hashes, '{}')), false) then
      t := replace(t, m, '[redacted]');
    end if;
  end loop;
  return t::jsonb;
end $$;
comment on function private.mask_foreign_contacts(jsonb, text[], text[]) is 'Export step: replaces email addresses and international phone numbers in a document by [redacted] unless their SHA-256 is one of the subject''s.';
revoke all on function private.mask_foreign_contacts(jsonb, text[], text[]) from public;

-- What a shop holds about one of its customers: every row the customer rule matches, the orders
-- Shopify names, and, following foreign keys outwards from those rows (up to 4 steps), every row
-- that hangs off them (line items, gift cards, review media, credits ...). Secret columns are left
-- out, other people's contacts masked.
create or replace function private.build_customer_export(p_workspace_id uuid, p_subject jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  s jsonb := private.customer_subject(p_workspace_id, p_subject);
  cids uuid[] := array(select x::uuid from jsonb_array_elements_text(s -> 'customer_ids') x);
  ehash text[] := private.jsonb_texts(s -> 'email_hashes');
  phash text[] := private.jsonb_texts(s -> 'phone_hashes');
  vids text[] := private.jsonb_texts(s -> 'visitor_ids');
  order_ids text[] := private.jsonb_texts(p_subject -> 'orders_requested');
  found_ids jsonb := '{}'::jsonb;   -- table -> ids of its rows already exported
  tables_j jsonb := '{}'::jsonb;
  frontier text[];
  next_frontier text[];
  t record;
  rows_j jsonb;
  ids_j jsonb;
  has_id boolean;
  depth integer := 0;
begin
  select jsonb_agg(to_jsonb(c) - private.secret_columns('public.customers')), jsonb_agg(c.id)
  into rows_j, ids_j from public.customers c where c.id = any (cids);
  if rows_j is not null then
    tables_j := jsonb_build_object('public.customers', rows_j);
    found_ids := jsonb_build_object('public.customers', ids_j);
  end if;
  for t in select c.table_name, string_agg('(' || private.customer_match(c.kind, c.column_name) || ')', ' or ') as conds
           from private.customer_data_columns() c group by c.table_name order by c.table_name::text loop
    has_id := exists (select 1 from pg_attribute a where a.attrelid = t.table_name and a.attname = 'id' and a.atttypid = 'uuid'::regtype);
    execute format('select jsonb_agg(to_jsonb(t) - $6), %s from %s t where t.workspace_id = $1 and (%s%s)',
                   case when has_id then 'jsonb_agg(t.id)' else 'null::jsonb' end, t.table_name, t.conds,
                   case when t.table_name = 'public.orders'::regclass then ' or t.shopify_order_id = any ($7)' else '' end)
      into rows_j, ids_j using p_workspace_id, cids, ehash, phash, vids, private.secret_columns(t.table_name), order_ids;
    if rows_j is not null then
      tables_j := tables_j || jsonb_build_object(t.table_name::text, rows_j);
      if ids_j is not null then
        found_ids := found_ids || jsonb_build_object(t.table_name::text, ids_j);
      end if;
    end if;
  end loop;
  frontier := array(select jsonb_object_keys(found_ids));
  while cardinality(frontier) > 0 and depth < 4 loop
    depth := depth + 1;
    next_frontier := '{}';
    for t in
      select f.conrelid::regclass as tbl, f.confrelid::regclass as target,
             (select string_agg(format('x.%I = t.%I', pa.attname, ca.attname), ' and ')
              from unnest(f.conkey, f.confkey) k (ck, pk)
              join pg_attribute ca on ca.attrelid = f.conrelid and ca.attnum = k.ck
              join pg_attribute pa on pa.attrelid = f.confrelid and pa.attnum = k.pk) as joins,
             exists (select 1 from pg_attribute i where i.attrelid = f.conrelid and i.attname = 'id'
                     and i.atttypid = 'uuid'::regtype and not i.attisdropped) as has_id
      from pg_constraint f join pg_class c on c.oid = f.conrelid
      where f.contype = 'f' and f.confrelid::regclass::text = any (frontier)
        and c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and not c.relispartition
        and not (tables_j ? f.conrelid::regclass::text)
      order by 1, 2
    loop
      continue when tables_j ? t.tbl::text;
      execute format('select jsonb_agg(to_jsonb(t) - $2), %s from %s t
                      where exists (select 1 from %s x where x.id in (select v::uuid from jsonb_array_elements_text($1) v) and %s)',
                     case when t.has_id then 'jsonb_agg(t.id)' else 'null::jsonb' end, t.tbl, t.target, t.joins)
        into rows_j, ids_j using found_ids -> t.target::text, private.secret_columns(t.tbl);
      if rows_j is not null then
        tables_j := tables_j || jsonb_build_object(t.tbl::text, rows_j);
        if ids_j is not null then
          found_ids := found_ids || jsonb_build_object(t.tbl::text, ids_j);
          next_frontier := next_frontier || t.tbl::text;
        end if;
      end if;
    end loop;
    frontier := next_frontier;
  end loop;
  return private.mask_foreign_contacts(jsonb_build_object('format', 'growthbase.customer_export.v2', 'generated_at', now(),
    'workspace_id', p_workspace_id,
    'subject', jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_subject -> 'shopify_customer_id',
                                 'email_sha256', s -> 'email_hashes', 'phone_sha256', s -> 'phone_hashes')),
    'tables', tables_j,
    'rule', 'rows of every table with workspace_id with a foreign key to the customer, an email/phone column equal to theirs, an email/phone hash of theirs, or a visitor id of theirs; the orders Shopify named; and every row hanging off those through foreign keys (4 steps). Secret columns left out; other people''s emails and phone numbers masked.'),
    ehash, phash);
end $$;
comment on function private.build_customer_export(uuid, jsonb) is 'Export document of a shop customer (p_subject: shopify_customer_id, emails, phones, email_sha256, phone_sha256, orders_requested): every row the customer rule matches, the orders named, and every row reached from them through foreign keys (up to 4 steps); secret columns left out, other people''s emails and phones masked.';

-- ===== customer requests an admin records (a customer wrote to the shop)
-- The email, phone and name the admin typed are needed in clear to find where free text quotes
-- them; they wait here until the privacy-erasures job has run (at most 5 minutes).
create table private.privacy_request_subjects (
  request_id uuid primary key references public.privacy_requests (id) on delete cascade,
  subject jsonb not null check (jsonb_typeof(subject) = 'object'),
  created_at timestamptz not null default now()
);
comment on table private.privacy_request_subjects is 'The identifiers in clear (emails, phones, names) of a pending customer erasure an admin recorded: written by request_customer_erasure, read and deleted by the privacy-erasures job when it runs the request (privacy_requests.subject keeps hashes only). Service only.';
alter table private.privacy_request_subjects enable row level security;
grant all on private.privacy_request_subjects to service_role;

create function private.open_customer_request(p_workspace_id uuid, p_kind public.privacy_request_kind, p_email text,
  p_phone text, p_shopify_customer_id text, p_name text)
returns public.privacy_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
begin
  perform private.require_workspace_role(p_workspace_id, 'admin');
  insert into public.privacy_requests (workspace_id, kind, source, subject, requested_by)
  values (p_workspace_id, p_kind, 'admin',
          jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', nullif(btrim(p_shopify_customer_id), ''),
            'email_sha256', private.email_sha256(p_email), 'phone_sha256', private.phone_sha256(p_phone))),
          (select auth.uid()))
  returning * into r;
  if p_kind = 'erasure' then
    insert into private.privacy_request_subjects (request_id, subject)
    values (r.id, jsonb_strip_nulls(jsonb_build_object('emails', jsonb_build_array(p_email), 'phones', jsonb_build_array(p_phone),
                                                       'names', jsonb_build_array(nullif(btrim(p_name), '')))));
  end if;
  return r;
end $$;
comment on function private.open_customer_request(uuid, public.privacy_request_kind, text, text, text, text) is 'Definer half of request_customer_export/erasure: an admin records a customer''s request (hashes in privacy_requests.subject; for an erasure the clear identifiers wait in private.privacy_request_subjects).';
revoke all on function private.open_customer_request(uuid, public.privacy_request_kind, text, text, text, text) from public;
grant execute on function private.open_customer_request(uuid, public.privacy_request_kind, text, text, text, text) to authenticated;

create function public.request_customer_erasure(p_workspace_id uuid, p_email text default null, p_phone text default null,
  p_shopify_customer_id text default null, p_name text default null)
returns public.privacy_requests
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.check_customer_identifiers(p_email, p_phone, p_shopify_customer_id, p_name);
  return private.open_customer_request(p_workspace_id, 'erasure', p_email, p_phone, p_shopify_customer_id, p_name);
end $$;
comment on function public.request_customer_erasure(uuid, text, text, text, text) is 'Admin: records a shop customer''s erasure request (email, phone and/or Shopify customer id; the name helps find where text quotes them). The privacy-erasures job erases them within 5 minutes, as customers/redact does. Returns the request. 22023 bad input, 42501 not an admin.';
grant execute on function public.request_customer_erasure(uuid, text, text, text, text) to authenticated;

create function public.request_customer_export(p_workspace_id uuid, p_email text default null, p_phone text default null,
  p_shopify_customer_id text default null)
returns public.privacy_requests
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.check_customer_identifiers(p_email, p_phone, p_shopify_customer_id, null);
  return private.open_customer_request(p_workspace_id, 'export', p_email, p_phone, p_shopify_customer_id, null);
end $$;
comment on function public.request_customer_export(uuid, text, text, text) is 'Admin: records a shop customer''s access request; the privacy worker builds the document (as for customers/data_request) for the workspace''s admins to download. Returns the request. 22023 bad input, 42501 not an admin.';
grant execute on function public.request_customer_export(uuid, text, text, text) to authenticated;

-- ===== Shopify's customers/redact erases through the same function
create or replace function private.process_shopify_event(p_event private.webhook_events) returns public.webhook_event_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := p_event.workspace_id;
  ids uuid[];
  n bigint;
  erased jsonb;
begin
  if ws is null then
    return 'ignored'::public.webhook_event_status;
  elsif p_event.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled') then
    perform public.upsert_orders(ws, jsonb_build_array(private.shopify_order(p_event.payload)));
  elsif p_event.topic = 'app/uninstalled' then
    perform set_config('growthbase.credential_reason', 'app uninstalled (Shopify webhook)', true);
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = p_event.shop;
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify' and external_account_id = p_event.shop;
    update public.workspaces set shop_domain = null where id = ws and shop_domain = p_event.shop;
  elsif p_event.topic = 'customers/data_request' then
    -- Queued for the privacy worker, which builds the customer's document, stores it in
    -- data-exports and completes the request (admins download it; the shop's endpoints hear of it).
    insert into public.privacy_requests (workspace_id, kind, source, subject, details)
    values (ws, 'export', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'),
              'phone_sha256', private.phone_sha256(p_event.payload #>> '{customer,phone}'))),
            jsonb_build_object('orders_requested', p_event.payload -> 'orders_requested',
                               'data_request_id', p_event.payload #>> '{data_request,id}'));
  elsif p_event.topic = 'customers/redact' then
    erased := private.erase_customer(ws, jsonb_strip_nulls(jsonb_build_object(
      'shopify_customer_id', p_event.payload #>> '{customer,id}',
      'emails', jsonb_build_array(p_event.payload #>> '{customer,email}'),
      'phones', jsonb_build_array(p_event.payload #>> '{customer,phone}'))));
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'))), 'completed', now(),
            jsonb_build_object('customers_erased', erased #>> '{public.customers,id,delete}', 'erased', erased,
                               'orders_to_redact', p_event.payload -> 'orders_to_redact'));
  elsif p_event.topic = 'shop/redact' then
    select array_agg(c.id) into ids from public.customers c where c.workspace_id = ws;
    n := private.erase_customers(ws, ids, null);
    erased := private.erase_shop_data(ws);
    -- Raw deliveries of this shop hold customer data too; this one stays as the record.
    delete from private.webhook_events w where w.workspace_id = ws and w.provider = 'shopify' and w.id <> p_event.id;
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify', jsonb_build_object('shop', p_event.shop), 'completed', now(),
            jsonb_build_object('customers_erased', n, 'erased', erased));
  else
    return 'ignored'::public.webhook_event_status;
  end if;
  return 'processed'::public.webhook_event_status;
end $$;
comment on function private.process_shopify_event(private.webhook_events) is 'Handles one stored Shopify event: orders, app/uninstalled, and the GDPR topics (data_request queues an export for the privacy worker; customers/redact erases the customer everywhere in the workspace with private.erase_customer; shop/redact erases customers and every registered shop data table, and the shop''s raw deliveries). Returns processed or ignored, raises when it fails.';
