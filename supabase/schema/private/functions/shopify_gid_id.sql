CREATE OR REPLACE FUNCTION private.shopify_gid_id(p_gid text, p_type text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select substring(p_gid from '^gid://shopify/' || p_type || '/([0-9]{1,30})(\?.*)?$')
$function$;
comment on function private.shopify_gid_id(text,text) is 'The numeric id of a Shopify global id of the given type (gid://shopify/Order/123 -> 123); null when it is not one.';
grant execute on function private.shopify_gid_id(text,text) to service_role;
