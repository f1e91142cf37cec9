CREATE OR REPLACE FUNCTION private.is_visitor_id(p_value text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select p_value ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'
$function$;
comment on function private.is_visitor_id(text) is 'True for a storefront visitor id: 1-128 characters, letters, digits and . _ : - (not starting with punctuation). UUIDs and GA client ids qualify. The anon RPCs check the same pattern inline.';
grant execute on function private.is_visitor_id(text) to authenticated;
grant execute on function private.is_visitor_id(text) to service_role;
