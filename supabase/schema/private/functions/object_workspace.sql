CREATE OR REPLACE FUNCTION private.object_workspace(p_bucket text, p_name text)
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  head text := split_part(p_name, '/', 1);
begin
  if p_bucket not in ('demo-videos', 'ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
     or head !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  return (select w.id from public.workspaces w where w.id = head::uuid);
end $function$;
comment on function private.object_workspace(text,text) is 'The workspace a storage object counts against (media buckets, path <workspace_id>/...), or null.';
