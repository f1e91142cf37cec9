-- Messaging for the demo workspace: its sender identity, the Slack channel alerts and approvals go
-- to, and the shop's customers as email contacts (the orders keep only hashes of their emails), so
-- the seeded review requests that are due have an address to go to. Customers who accepted
-- marketing are subscribed; the others get review requests but no campaigns.
insert into public.email_sender_settings (workspace_id, from_name, from_email, reply_to)
values ('10000000-0000-4000-8000-000000000001', 'Demo Brand', 'hello@demo-brand.test', 'care@demo-brand.test')
on conflict do nothing;

insert into public.slack_assistant_settings (workspace_id, setting_key, setting_value)
values ('10000000-0000-4000-8000-000000000001', 'notifications.channel', '"C0DEMOOPS"')
on conflict do nothing;

insert into public.email_contacts (workspace_id, email, first_name, status, source)
select '10000000-0000-4000-8000-000000000001', 'customer' || k || '@example.com',
       (array['Ava', 'Ben', 'Cleo', 'Dev', 'Esme', 'Finn', 'Gia', 'Hugo'])[1 + k % 8],
       case when coalesce(c.accepts_marketing, false) then 'subscribed' else 'unsubscribed' end::public.email_contact_status,
       'shopify'
from generate_series(0, 419) k
left join public.customers c on c.workspace_id = '10000000-0000-4000-8000-000000000001'
  and c.email_sha256 = private.email_sha256('customer' || k || '@example.com')
on conflict do nothing;
