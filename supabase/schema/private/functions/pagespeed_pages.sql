CREATE OR REPLACE FUNCTION private.pagespeed_pages(p_connection_id uuid)
 RETURNS TABLE(url text, strategy public.pagespeed_strategy)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select p.url, p.strategy from public.seo_key_pages p
  where p.connection_id = p_connection_id and p.enabled
  order by p.url, p.strategy
$function$;
comment on function private.pagespeed_pages(uuid) is 'Service (the analytics sync): the enabled key pages of a PageSpeed site, in a stable order (the job''s progress counts through them).';
grant execute on function private.pagespeed_pages(uuid) to service_role;
