CREATE OR REPLACE FUNCTION private.build_customer_export(p_workspace_id uuid, p_subject jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.build_customer_export(uuid,jsonb) is 'Export document of a shop customer (p_subject: shopify_customer_id, emails, phones, email_sha256, phone_sha256, orders_requested): every row the customer rule matches, the orders named, and every row reached from them through foreign keys (up to 4 steps); secret columns left out, other people''s emails and phones masked.';
grant execute on function private.build_customer_export(uuid,jsonb) to service_role;
