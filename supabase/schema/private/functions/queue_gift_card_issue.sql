CREATE OR REPLACE FUNCTION private.queue_gift_card_issue(p_transaction_id uuid)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t public.gift_card_transactions;
  cid uuid;
begin
  select * into t from public.gift_card_transactions where id = p_transaction_id;
  if not found or t.status not in ('pending', 'failed') then
    return null;
  end if;
  select c.id into cid from public.integration_connections c
  where c.workspace_id = t.workspace_id and c.provider = 'shopify' and c.status = 'active' and 'write_gift_cards' = any (c.scopes)
  order by c.updated_at desc limit 1;
  if cid is null then
    return null;
  end if;
  return private.enqueue_connector_job('shopify_gift_cards', t.workspace_id, cid,
    'gift-card:' || t.id || case when t.status = 'failed' then ':retry:' || extract(epoch from now())::bigint else '' end,
    jsonb_build_object('transaction_id', t.id));
end $function$;
comment on function private.queue_gift_card_issue(uuid) is 'Queues the Shopify issuing of a pending (or, by an admin''s retry, failed) gift card when its workspace has an active Shopify connection with write_gift_cards; returns the job id, null when there is nothing to do.';
grant execute on function private.queue_gift_card_issue(uuid) to service_role;
