CREATE OR REPLACE FUNCTION private.retry_gift_card(p_workspace_id uuid, p_transaction_id uuid)
 RETURNS public.gift_card_transactions
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t public.gift_card_transactions;
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'admin');
  end if;
  select * into t from public.gift_card_transactions where id = p_transaction_id and workspace_id = p_workspace_id for update;
  if not found then
    raise exception 'gift card % not found', p_transaction_id using errcode = 'PT404';
  elsif t.status <> 'failed' then
    raise exception 'only a failed gift card can be retried (this one is %)', t.status using errcode = 'PT409';
  end if;
  if private.queue_gift_card_issue(t.id) is null then
    raise exception 'no active Shopify connection with write_gift_cards' using errcode = 'PT409';
  end if;
  update public.gift_card_transactions set status = 'pending', last_error = null where id = t.id returning * into t;
  return t;
end $function$;
comment on function private.retry_gift_card(uuid,uuid) is 'Queues a failed gift card again (admins when a user calls).';
grant execute on function private.retry_gift_card(uuid,uuid) to authenticated;
grant execute on function private.retry_gift_card(uuid,uuid) to service_role;
