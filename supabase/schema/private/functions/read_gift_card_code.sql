CREATE OR REPLACE FUNCTION private.read_gift_card_code(p_email_id uuid, p_reason text)
 RETURNS TABLE(code_ciphertext text, last_characters text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if p_reason is null or char_length(p_reason) not between 3 and 200 then
    raise exception 'a reason (3 to 200 characters) is required to read a gift card code' using errcode = '22023';
  end if;
  return query
    select k.code_ciphertext, k.last_characters
    from public.gift_card_emails e join private.gift_card_codes k on k.transaction_id = e.transaction_id
    where e.id = p_email_id;
  if found then
    insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, reason)
    select e.workspace_id, 'gift_card_codes', e.transaction_id::text, 'read', (select auth.uid()),
           coalesce(nullif((select auth.role()), ''), session_user::text), p_reason
    from public.gift_card_emails e where e.id = p_email_id;
  end if;
end $function$;
comment on function private.read_gift_card_code(uuid,text) is 'The email sender''s read of a gift card''s code ciphertext (decrypt with the token key ring) for the email it sends, recorded with its reason in audit_log. Nothing once the email was sent.';
grant execute on function private.read_gift_card_code(uuid,text) to service_role;
