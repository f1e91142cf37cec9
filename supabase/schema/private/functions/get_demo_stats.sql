CREATE OR REPLACE FUNCTION private.get_demo_stats(p_demo_id uuid)
 RETURNS public.demo_stats
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.demo_stats;
begin
  select * into s from public.demo_stats where demo_id = p_demo_id;
  -- Another workspace's demo is as absent as a missing one.
  if not found or (((select auth.role()) = 'anon' or private.is_end_user())
                   and private.workspace_role(s.workspace_id) is null) then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  return s;
end $function$;
comment on function private.get_demo_stats(uuid) is 'What public.get_demo_stats returns, read as the owner after one membership check (see the header).';
grant execute on function private.get_demo_stats(uuid) to authenticated;
grant execute on function private.get_demo_stats(uuid) to service_role;
