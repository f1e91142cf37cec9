CREATE OR REPLACE FUNCTION private.erase_customers(p_workspace_id uuid, p_customer_ids uuid[], p_email_sha256 text[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
  ids uuid[];
begin
  select array_agg(c.id) into ids from public.customers c
  where c.workspace_id = p_workspace_id
    and (c.id = any (coalesce(p_customer_ids, '{}')) or c.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from private.gift_card_recipients r
  using public.gift_card_emails e, public.gift_card_transactions t, public.orders o
  where r.email_id = e.id and e.transaction_id = t.id and o.id = t.order_id and o.workspace_id = p_workspace_id
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  update public.orders o set email_sha256 = null, customer_id = null
  where o.workspace_id = p_workspace_id
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from public.customers c where c.id = any (coalesce(ids, '{}'));
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.erase_customers(uuid,uuid[],text[]) is 'GDPR erasure inside one workspace: deletes the customers, clears their orders'' email hash and customer link, and nulls gift card recipients.';
grant execute on function private.erase_customers(uuid,uuid[],text[]) to service_role;
