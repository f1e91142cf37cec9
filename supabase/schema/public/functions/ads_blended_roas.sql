CREATE OR REPLACE FUNCTION public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
 RETURNS public.ads_blended_roas_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  perform private.require_one_ad_currency(p_workspace_id, p_from, p_to);
  return (select row(q.*)::public.ads_blended_roas_row from (select * from private.ads_blended_roas(p_workspace_id, p_from, p_to)) q);
end $function$;
comment on function public.ads_blended_roas(uuid,date,date) is 'Blended view: ad spend against the platforms'' claimed revenue (platform ROAS) and against all order revenue (MER = order revenue / ad spend). NULL ratios when there was no spend. Assumes one currency per workspace. Answers one row (a JSON object).';
grant execute on function public.ads_blended_roas(uuid,date,date) to authenticated;
grant execute on function public.ads_blended_roas(uuid,date,date) to service_role;
