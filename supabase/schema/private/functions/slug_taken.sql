CREATE OR REPLACE FUNCTION private.slug_taken(p_slug text)
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select 1 from public.workspaces w where w.slug = p_slug
$function$;
comment on function private.slug_taken(text) is 'One row when a workspace already uses the slug.';
grant execute on function private.slug_taken(text) to authenticated;
