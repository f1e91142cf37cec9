CREATE OR REPLACE FUNCTION private.rebuild_attribution_credits(p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer := 0;
  k integer;
begin
  update public.conversions set credited_at = null
  where (p_workspace_id is null or workspace_id = p_workspace_id) and credited_at is not null;
  loop
    k := private.credit_conversions(5000);
    n := n + k;
    exit when k = 0;
  end loop;
  return n;
end $function$;
comment on function private.rebuild_attribution_credits(uuid) is 'Recredits every conversion (of one workspace, or all) from scratch; returns how many.';
grant execute on function private.rebuild_attribution_credits(uuid) to service_role;
