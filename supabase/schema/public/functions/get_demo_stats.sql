CREATE OR REPLACE FUNCTION public.get_demo_stats(p_demo_id uuid)
 RETURNS public.demo_stats
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select private.get_demo_stats(p_demo_id)
$function$;
comment on function public.get_demo_stats(uuid) is 'Stats of one demo the caller can read (viewers and up). PT404 when it does not exist or is not visible.';
grant execute on function public.get_demo_stats(uuid) to authenticated;
grant execute on function public.get_demo_stats(uuid) to service_role;
