-- Outbound webhook endpoints may subscribe to the approval queue's events. The integrations
-- migration lists the allowed event types in a check constraint on webhook_endpoints.events;
-- this widens that list by the three approval events (nothing else changes).
--   approval.requested  a proposal entered the queue (pending)
--   approval.decided    approved, rejected or expired
--   approval.executed   an approved action was executed or failed
alter table public.webhook_endpoints drop constraint webhook_endpoints_events_check;
alter table public.webhook_endpoints add constraint webhook_endpoints_events_check check (
  cardinality(events) > 0 and events <@ array['order.created', 'order.updated', 'integration.connected',
    'integration.disconnected', 'privacy_request.created',
    'approval.requested', 'approval.decided', 'approval.executed']);
