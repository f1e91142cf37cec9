CREATE OR REPLACE FUNCTION public.seo_overview(p_workspace_id uuid, p_from date, p_to date)
 RETURNS public.seo_overview_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.seo_overview(p_workspace_id, p_from, p_to)
$function$;
comment on function public.seo_overview(uuid,date,date) is 'Viewers: the SEO dashboard in one call: the latest audit up to p_to (scores, Core Web Vitals and where they came from, issue counts, the previous performance score) and Search Console''s clicks, impressions, CTR and average position over the range against the days before it. Reads what the PageSpeed and Search Console syncs wrote. 22023 bad range; 42501 not a member. Answers one row (a JSON object).';
grant execute on function public.seo_overview(uuid,date,date) to authenticated;
grant execute on function public.seo_overview(uuid,date,date) to service_role;
