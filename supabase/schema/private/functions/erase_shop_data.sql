CREATE OR REPLACE FUNCTION private.erase_shop_data(p_workspace_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t record;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  for t in select s.table_name from private.shop_data_tables s order by s.position, s.table_name::text loop
    execute format('with d as (delete from %s t where t.workspace_id = $1 returning 1) select count(*) from d', t.table_name)
      into n using p_workspace_id;
    if n > 0 then
      done := done || jsonb_build_object(t.table_name::text, n);
    end if;
  end loop;
  return done;
end $function$;
comment on function private.erase_shop_data(uuid) is 'shop/redact: deletes the workspace''s rows from every table in private.shop_data_tables; returns counts per table.';
grant execute on function private.erase_shop_data(uuid) to service_role;
