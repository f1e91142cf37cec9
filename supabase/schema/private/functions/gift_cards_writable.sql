CREATE OR REPLACE FUNCTION private.gift_cards_writable()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.queue_gift_card_issue(t.id)
  from public.gift_card_transactions t where t.workspace_id = new.workspace_id and t.status = 'pending';
  return null;
end $function$;
comment on function private.gift_cards_writable() is 'AFTER INSERT/UPDATE on integration_connections: a Shopify connection that is active with write_gift_cards queues the workspace''s pending gift cards (already queued ones are not queued twice).';
