-- What a frontend developer expects to find in the demo workspace and the other seeds leave out,
-- each made the way the running system makes it (local only, deterministic):
-- - a customer's privacy request, as Shopify's customers/data_request webhook delivers it: stored
--   like a verified delivery, then processed by webhook-process and exported by the privacy worker
--   once the stack runs (both woken at commit);
-- - a campaign copilot chat about a campaign, with its messages.
-- Storage objects (and so storage usage) are seeded from supabase/config.toml's objects_path.

select private.store_shopify_webhook('demo-gdpr-data-request-1', 'customers/data_request', 'demo-brand.myshopify.com',
  encode(extensions.digest('demo-gdpr-data-request-1', 'sha256'), 'hex'),
  '{"shop_domain": "demo-brand.myshopify.com", "customer": {"id": "c-0", "email": "customer0@example.com"},
    "orders_requested": [], "data_request": {"id": 9001}}'::jsonb)
where not exists (select 1 from private.webhook_events e where e.provider = 'shopify' and e.external_id = 'demo-gdpr-data-request-1');

insert into public.chat_sessions (id, workspace_id, user_id, agent_id, purpose, campaign_id, title, state)
values ('60000000-0000-4000-8000-00000000c003', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003',
        null, 'campaign_copilot', '70000000-0000-4000-8000-000000000001', 'Spring Glow Launch: week 3 check-in',
        '{"step": "review", "draft": {"shift_cents": 50000, "from": "meta", "to": "email"}}')
on conflict (id) do nothing;
insert into public.chat_messages (workspace_id, session_id, role, content, created_at)
select '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-00000000c003', v.role::public.chat_role, v.content,
       now() - make_interval(mins => v.ago)
from (values
  ('user', 'How is the Spring Glow launch doing against its ROAS target?', 30),
  ('assistant', 'Blended ROAS is 2.3 against a 2.5 target: Meta prospecting is at 1.9, email to past buyers at 5.2.', 29),
  ('user', 'Move $500 from Meta to email for next week.', 25),
  ('assistant', 'Drafted: an approval to shift $500 of daily budget from Meta prospecting to the email campaign.', 24)
) v (role, content, ago)
where not exists (select 1 from public.chat_messages m where m.session_id = '60000000-0000-4000-8000-00000000c003');
