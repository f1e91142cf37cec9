CREATE OR REPLACE FUNCTION public.search_performance(p_workspace_id uuid, p_from date, p_to date, p_group_by public.search_dimension DEFAULT 'query'::public.search_dimension, p_limit integer DEFAULT 100)
 RETURNS SETOF public.search_performance_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.search_performance(p_workspace_id, p_from, p_to, p_group_by, p_limit)
$function$;
comment on function public.search_performance(uuid,date,date,public.search_dimension,integer) is 'Viewers: Search Console''s clicks, impressions, CTR and impression-weighted average position between two days, grouped by query, page, country, device or day (days in order; otherwise most clicks first), at most p_limit rows (1-1000). Reads what the Search Console sync wrote to seo_rankings. 22023 bad range or arguments; 42501 not a member.';
grant execute on function public.search_performance(uuid,date,date,public.search_dimension,integer) to authenticated;
grant execute on function public.search_performance(uuid,date,date,public.search_dimension,integer) to service_role;
