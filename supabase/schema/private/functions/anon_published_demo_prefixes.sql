CREATE OR REPLACE FUNCTION private.anon_published_demo_prefixes()
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query select d.workspace_id::text || '/' || d.id::text from public.demos d where d.status = 'published';
end $function$;
comment on function private.anon_published_demo_prefixes() is 'Storage folder prefixes (<workspace_id>/<demo_id>) of published demos: the media anon may read.';
grant execute on function private.anon_published_demo_prefixes() to anon;
grant execute on function private.anon_published_demo_prefixes() to authenticated;
