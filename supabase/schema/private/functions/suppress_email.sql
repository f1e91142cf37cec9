CREATE OR REPLACE FUNCTION private.suppress_email(p_workspace_id uuid, p_email text, p_reason public.email_suppression_reason, p_detail text DEFAULT NULL::text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  fresh boolean;
begin
  insert into public.email_suppressions as s (workspace_id, email, reason, detail)
  values (p_workspace_id, lower(btrim(p_email)), p_reason, left(p_detail, 2000))
  on conflict (workspace_id, email) do update set reason = excluded.reason, detail = excluded.detail
    where s.reason = 'unsubscribed' and excluded.reason <> 'unsubscribed'
  returning (xmax = 0) into fresh;
  update public.email_contacts set status = p_reason::text::public.email_contact_status
  where workspace_id = p_workspace_id and email = lower(btrim(p_email))
    and (status = 'subscribed' or (status = 'unsubscribed' and p_reason <> 'unsubscribed'));
  return coalesce(fresh, false);
end $function$;
comment on function private.suppress_email(uuid,text,public.email_suppression_reason,text) is 'Puts an address on the workspace''s suppression list (a bounce or complaint outranks an unsubscribe) and moves its contact out of subscribed; true when the address was not listed before.';
