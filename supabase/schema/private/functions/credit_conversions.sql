CREATE OR REPLACE FUNCTION private.credit_conversions(p_limit integer DEFAULT 5000)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ids uuid[];
begin
  select array_agg(p.id) into ids from (
    select c.id from public.conversions c where c.credited_at is null
    order by c.created_at limit p_limit
    for update skip locked
  ) p;
  if ids is null then
    return 0;
  end if;
  delete from public.attribution_credits where conversion_id = any (ids);
  insert into public.attribution_credits (workspace_id, conversion_id, model, position, touchpoint_id, touched_at, channel,
                                          source, medium, campaign, utm_id, weight, credit_cents, converted_at)
  select * from private.compute_attribution_credits(ids);
  update public.conversions set credited_at = now() where id = any (ids);
  return cardinality(ids);
end $function$;
comment on function private.credit_conversions(integer) is 'Incremental attribution: stores the credits of up to p_limit pending conversions (credited_at null) and marks them credited. pg_cron runs it every 10 minutes (job attribution-credits).';
grant execute on function private.credit_conversions(integer) to service_role;
