CREATE OR REPLACE FUNCTION private.check_date_range(p_workspace_id uuid, p_from date, p_to date)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or p_from is null or p_to is null then
    raise exception 'workspace, from and to are required' using errcode = '22023';
  end if;
  if p_from > p_to then
    raise exception 'from (%) is after to (%)', p_from, p_to using errcode = '22023';
  end if;
  if p_to - p_from > 731 then
    raise exception 'a range covers at most 732 days' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
end $function$;
comment on function private.check_date_range(uuid,date,date) is 'Dashboard input check: a valid range of at most 732 days, and a caller who can view the workspace (also from inside a definer function).';
grant execute on function private.check_date_range(uuid,date,date) to authenticated;
grant execute on function private.check_date_range(uuid,date,date) to service_role;
