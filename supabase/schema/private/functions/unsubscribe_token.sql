CREATE OR REPLACE FUNCTION private.unsubscribe_token(p_workspace_id uuid, p_email text, p_email_campaign_id uuid DEFAULT NULL::uuid)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.base64url(convert_to(msg, 'UTF8')) || '.'
         || private.base64url(extensions.hmac(convert_to(msg, 'UTF8'), (select k.key from private.email_unsubscribe_key k), 'sha256'))
  from (select p_workspace_id::text || '|' || lower(p_email) || '|' || coalesce(p_email_campaign_id::text, '') as msg) s
$function$;
comment on function private.unsubscribe_token(uuid,text,uuid) is 'The signed token of a recipient''s unsubscribe link: base64url(workspace|email|campaign) . base64url(HMAC-SHA256).';
