CREATE OR REPLACE FUNCTION private.build_customer_export(p_workspace_id uuid, p_subject jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  hashes text[] := array_remove(array[p_subject ->> 'email_sha256'], null);
  order_ids text[] := coalesce((select array_agg(x) from jsonb_array_elements_text(
                        case when jsonb_typeof(p_subject -> 'orders_requested') = 'array' then p_subject -> 'orders_requested' end) x), '{}');
  found_ids jsonb := '{}'::jsonb;   -- table -> ids of its rows already exported
  frontier text[];
  next_frontier text[];
  t record;
  rows_j jsonb;
  ids_j jsonb;
  hidden text[];
  tables_j jsonb := '{}'::jsonb;
  depth integer := 0;
begin
  found_ids := jsonb_build_object(
    'public.customers', coalesce((select jsonb_agg(c.id) from public.customers c where c.workspace_id = p_workspace_id
      and (c.shopify_customer_id = p_subject ->> 'shopify_customer_id' or c.email_sha256 = any (hashes))), '[]'));
  found_ids := found_ids || jsonb_build_object(
    'public.orders', coalesce((select jsonb_agg(o.id) from public.orders o where o.workspace_id = p_workspace_id
      and (o.customer_id in (select x::uuid from jsonb_array_elements_text(found_ids -> 'public.customers') x)
           or o.email_sha256 = any (hashes) or o.shopify_order_id = any (order_ids))), '[]'));
  tables_j := jsonb_build_object(
    'public.customers', coalesce((select jsonb_agg(to_jsonb(c)) from public.customers c
      where c.id in (select x::uuid from jsonb_array_elements_text(found_ids -> 'public.customers') x)), '[]'),
    'public.orders', coalesce((select jsonb_agg(to_jsonb(o)) from public.orders o
      where o.id in (select x::uuid from jsonb_array_elements_text(found_ids -> 'public.orders') x)), '[]'));
  frontier := array['public.customers', 'public.orders'];
  while cardinality(frontier) > 0 and depth < 4 loop
    depth := depth + 1;
    next_frontier := '{}';
    for t in
      select f.conrelid::regclass as tbl, a.attname as col, f.confrelid::regclass as target,
             exists (select 1 from pg_attribute i where i.attrelid = f.conrelid and i.attname = 'id'
                     and i.atttypid = 'uuid'::regtype and not i.attisdropped) as has_id
      from pg_constraint f
      join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
      join pg_class c on c.oid = f.conrelid
      where f.contype = 'f' and cardinality(f.conkey) = 1 and f.confrelid::regclass::text = any (frontier)
        and c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and not c.relispartition
        and not (found_ids ? f.conrelid::regclass::text)
      order by 1, 2
    loop
      hidden := private.secret_columns(t.tbl);
      execute format('select jsonb_agg(to_jsonb(t) - $2), %s from %s t where t.%I in (select x::uuid from jsonb_array_elements_text($1) x)',
                     case when t.has_id then 'jsonb_agg(t.id)' else 'null::jsonb' end, t.tbl, t.col)
        into rows_j, ids_j using found_ids -> t.target::text, hidden;
      if rows_j is not null then
        tables_j := jsonb_set(tables_j, array[t.tbl::text], coalesce(tables_j -> t.tbl::text, '[]'::jsonb) || rows_j);
        if ids_j is not null then
          found_ids := jsonb_set(found_ids, array[t.tbl::text], coalesce(found_ids -> t.tbl::text, '[]'::jsonb) || ids_j);
          next_frontier := next_frontier || t.tbl::text;
        end if;
      end if;
    end loop;
    frontier := next_frontier;
  end loop;
  return jsonb_build_object('format', 'growthbase.customer_export.v1', 'generated_at', now(),
    'workspace_id', p_workspace_id, 'subject', p_subject, 'tables', tables_j);
end $function$;
comment on function private.build_customer_export(uuid,jsonb) is 'Export document of a shop customer (shopify_customer_id, email_sha256, orders_requested in p_subject): customers, orders, and every row reached from them through foreign keys (up to 4 steps; secret columns left out).';
grant execute on function private.build_customer_export(uuid,jsonb) to service_role;
