CREATE OR REPLACE FUNCTION public.ads_roas_tile(p_workspace_id uuid, p_today date DEFAULT CURRENT_DATE)
 RETURNS public.ads_roas_tile_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  perform private.require_one_ad_currency(p_workspace_id, p_today - 60, p_today - 1);
  return (select row(q.*)::public.ads_roas_tile_row from (select * from private.ads_roas_tile(p_workspace_id, p_today)) q);
end $function$;
comment on function public.ads_roas_tile(uuid,date) is 'The ROAS tile of the last 30 days: spend, revenue and ROAS of the 30 days before p_today (days p_today-30 .. p_today-1), the 30 days before that (p_today-60 .. p_today-31), and the relative change. Answers one row (a JSON object).';
grant execute on function public.ads_roas_tile(uuid,date) to authenticated;
grant execute on function public.ads_roas_tile(uuid,date) to service_role;
