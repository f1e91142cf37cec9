CREATE OR REPLACE FUNCTION private.gift_card_email_sent()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.gift_card_transactions set status = 'emailed' where id = new.transaction_id and status = 'issued';
  delete from private.gift_card_codes where transaction_id = new.transaction_id;
  return null;
end $function$;
comment on function private.gift_card_email_sent() is 'AFTER UPDATE OF status on gift_card_emails: a sent (or delivered) email marks its card emailed and drops the code''s ciphertext.';
