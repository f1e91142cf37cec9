CREATE OR REPLACE FUNCTION public.ads_currencies(p_workspace_id uuid, p_from date, p_to date)
 RETURNS TABLE(currency character, spend_cents bigint)
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.ads_currencies(p_workspace_id, p_from, p_to)
$function$;
comment on function public.ads_currencies(uuid,date,date) is 'The currencies a workspace''s ad spend is in over a range (campaign-level rows), with the spend in each (minor units): dashboards add up one currency only and refuse (PT409) when a range holds more. Viewers; 22023 for a bad range, 42501 for another workspace.';
grant execute on function public.ads_currencies(uuid,date,date) to authenticated;
grant execute on function public.ads_currencies(uuid,date,date) to service_role;
