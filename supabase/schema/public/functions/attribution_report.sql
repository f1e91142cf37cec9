CREATE OR REPLACE FUNCTION public.attribution_report(p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model DEFAULT 'last_touch'::public.attribution_model, p_group_by public.attribution_group_by DEFAULT 'channel'::public.attribution_group_by)
 RETURNS SETOF public.attribution_report_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.attribution_report(p_workspace_id, p_from, p_to, p_model, p_group_by)
$function$;
comment on function public.attribution_report(uuid,date,date,public.attribution_model,public.attribution_group_by) is 'Attributed revenue, credited conversions, ad spend and ROAS per channel or per campaign for conversions (and spend days) in [p_from, p_to] (UTC days) under one model. Campaigns join ad_campaigns by utm_id = external_id, then utm_campaign, then utm_campaign = external_id; channel spend maps ad platforms to channels. Conversions not yet credited by the cron round are computed on the fly. Viewers of the workspace; assumes one currency per workspace.';
grant execute on function public.attribution_report(uuid,date,date,public.attribution_model,public.attribution_group_by) to authenticated;
grant execute on function public.attribution_report(uuid,date,date,public.attribution_model,public.attribution_group_by) to service_role;
