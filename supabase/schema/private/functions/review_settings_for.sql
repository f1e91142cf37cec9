CREATE OR REPLACE FUNCTION private.review_settings_for(p_workspace_id uuid)
 RETURNS public.review_settings
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce(s.workspace_id, p_workspace_id), coalesce(s.requests_enabled, true),
         coalesce(s.request_delay_days, 14), coalesce(s.token_ttl_days, 60),
         coalesce(s.auto_publish_verified, false), coalesce(s.created_at, now()), coalesce(s.updated_at, now())
  from (select 1) one
  left join public.review_settings s on s.workspace_id = p_workspace_id
$function$;
comment on function private.review_settings_for(uuid) is 'The workspace''s review_settings row, or the defaults when it has none.';
