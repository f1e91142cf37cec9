CREATE OR REPLACE FUNCTION private.unsubscribe_email(p_token text)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  parts text[] := string_to_array(coalesce(p_token, ''), '.');
  msg text;
  f text[];
  ws uuid;
  campaign uuid;
begin
  if cardinality(parts) <> 2 or parts[1] !~ '^[A-Za-z0-9_-]+$' or char_length(parts[1]) > 1000 or parts[2] !~ '^[A-Za-z0-9_-]{43}$' then
    raise exception 'this unsubscribe link is not valid' using errcode = '22023';
  end if;
  msg := convert_from(private.base64url_decode(parts[1]), 'UTF8');
  f := string_to_array(msg, '|');
  if cardinality(f) <> 3 or f[1] !~ '^[0-9a-f-]{36}$' or (f[3] <> '' and f[3] !~ '^[0-9a-f-]{36}$')
     or private.unsubscribe_token(f[1]::uuid, f[2], nullif(f[3], '')::uuid) <> p_token then
    raise exception 'this unsubscribe link is not valid' using errcode = '22023';
  end if;
  ws := f[1]::uuid;
  campaign := nullif(f[3], '')::uuid;
  if not exists (select 1 from public.workspaces w where w.id = ws) then
    return 'unsubscribed';
  end if;
  if private.suppress_email(ws, f[2], 'unsubscribed', 'one-click unsubscribe') and campaign is not null then
    update public.email_campaigns set unsubscribes = unsubscribes + 1 where workspace_id = ws and id = campaign;
  end if;
  return 'unsubscribed';
end $function$;
comment on function private.unsubscribe_email(text) is 'The one-click unsubscribe (RFC 8058) behind the email-unsubscribe function: checks the link''s signature (22023 when it is not ours), suppresses the address for the workspace''s marketing email and review requests, and counts it on the campaign it came from once.';
grant execute on function private.unsubscribe_email(text) to service_role;
