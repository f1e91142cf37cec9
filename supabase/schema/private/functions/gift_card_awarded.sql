CREATE OR REPLACE FUNCTION private.gift_card_awarded()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.queue_gift_card_issue(new.id);
  return null;
end $function$;
comment on function private.gift_card_awarded() is 'AFTER INSERT on gift_card_transactions: a pending card is queued for issuing in Shopify.';
