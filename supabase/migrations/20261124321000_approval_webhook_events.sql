-- Outbound webhook endpoints may subscribe to the approval queue's events:
--   approval.requested  a proposal entered the queue (pending)
--   approval.decided    approved, rejected or expired
--   approval.executed   an approved action was executed or failed
insert into public.webhook_event_types (name, description) values
  ('approval.requested', 'a proposal entered the approval queue'),
  ('approval.decided', 'an approval was approved, rejected or expired'),
  ('approval.executed', 'an approved action was executed or failed')
on conflict (name) do nothing;
