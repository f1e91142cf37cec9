CREATE OR REPLACE FUNCTION private.enqueue_gift_card_emails(p_limit integer DEFAULT 500)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  with pick as (
    select g.id, g.workspace_id, r.to_email, t.amount_cents, t.currency, w.name as workspace_name
    from public.gift_card_emails g
    join private.gift_card_recipients r on r.email_id = g.id
    join public.gift_card_transactions t on t.workspace_id = g.workspace_id and t.id = g.transaction_id
    join public.workspaces w on w.id = g.workspace_id
    where g.status = 'queued' and t.status = 'issued'
      and not exists (select 1 from private.email_messages m where m.workspace_id = g.workspace_id and m.gift_card_email_id = g.id)
    order by g.created_at
    limit p_limit
  )
  select count(private.enqueue_email(p.workspace_id, 'gift_card', 'gift_card:' || p.id, p.to_email,
    'Your gift card is here',
    private.email_layout('Your gift card is here',
      '<p>You have a gift card worth <strong>' || private.html_escape(to_char(p.amount_cents / 100.0, 'FM999999990.00') || ' ' || p.currency)
      || '</strong>. It is applied at checkout with the code Shopify sent with it.</p>', p.workspace_name),
    'You have a gift card worth ' || to_char(p.amount_cents / 100.0, 'FM999999990.00') || ' ' || p.currency || '.',
    p_gift_card_email_id => p.id))
  into n from pick p;
  return n;
end $function$;
comment on function private.enqueue_gift_card_emails(integer) is 'Queues the email of each queued gift card email whose card Shopify issued (the gift card helper leaves the row and its recipient), once.';
