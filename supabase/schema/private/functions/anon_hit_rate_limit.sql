CREATE OR REPLACE FUNCTION private.anon_hit_rate_limit(p_bucket text, p_scope text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.hit_rate_limit(p_bucket, p_scope)
$function$;
comment on function private.anon_hit_rate_limit(text,text) is 'Storefront RPCs (SECURITY INVOKER, in public) count a call here: private.hit_rate_limit for the caller''s address.';
grant execute on function private.anon_hit_rate_limit(text,text) to anon;
grant execute on function private.anon_hit_rate_limit(text,text) to authenticated;
grant execute on function private.anon_hit_rate_limit(text,text) to service_role;
