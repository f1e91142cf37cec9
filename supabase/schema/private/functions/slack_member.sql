CREATE OR REPLACE FUNCTION private.slack_member(p_workspace_id uuid, p_slack_user_id text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select m.user_id from public.slack_users s
  join auth.users u on lower(u.email) = lower(s.email)
  join public.workspace_members m on m.workspace_id = s.workspace_id and m.user_id = u.id
  where s.workspace_id = p_workspace_id and s.slack_user_id = p_slack_user_id and not s.is_deleted and s.email is not null
  limit 1
$function$;
comment on function private.slack_member(uuid,text) is 'The workspace member a Slack user is: the member whose sign-in email is the synced Slack profile''s email; null when none.';
grant execute on function private.slack_member(uuid,text) to service_role;
