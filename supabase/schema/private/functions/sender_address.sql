CREATE OR REPLACE FUNCTION private.sender_address(p_workspace_id uuid, p_from_name text DEFAULT NULL::text, p_from_email text DEFAULT NULL::text)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select case when coalesce(p_from_email, s.from_email) is null then null
              when coalesce(p_from_name, s.from_name) is null then coalesce(p_from_email, s.from_email)
              else '"' || replace(coalesce(p_from_name, s.from_name), '"', '') || '" <' || coalesce(p_from_email, s.from_email) || '>' end
  from (select 1) one left join public.email_sender_settings s on s.workspace_id = p_workspace_id
$function$;
comment on function private.sender_address(uuid,text,text) is 'Name <address> of the workspace''s sender (or the given override); null: the platform default.';
