CREATE OR REPLACE FUNCTION public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
 RETURNS SETOF public.ads_dashboard_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  perform private.require_one_ad_currency(p_workspace_id, p_from, p_to);
  return query select (row(q.*)::public.ads_dashboard_row).* from (select * from private.ads_dashboard(p_workspace_id, p_from, p_to, p_group_by)) q;
end $function$;
comment on function public.ads_dashboard(uuid,date,date,public.ads_group_by) is 'Spend, revenue, ROAS, CPA and CTR for a date range (at most 732 days), one row per platform, campaign or day (trend). Reflects every committed write. Viewers and up.';
grant execute on function public.ads_dashboard(uuid,date,date,public.ads_group_by) to authenticated;
grant execute on function public.ads_dashboard(uuid,date,date,public.ads_group_by) to service_role;
