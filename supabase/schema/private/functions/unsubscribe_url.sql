CREATE OR REPLACE FUNCTION private.unsubscribe_url(p_workspace_id uuid, p_email text, p_email_campaign_id uuid DEFAULT NULL::uuid)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select private.unsubscribe_base() || private.unsubscribe_token(p_workspace_id, p_email, p_email_campaign_id)
$function$;
comment on function private.unsubscribe_url(uuid,text,uuid) is 'The recipient''s one-click unsubscribe URL (RFC 8058), served by the email-unsubscribe function without signing in.';
