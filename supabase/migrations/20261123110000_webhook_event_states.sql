-- Inbound webhook events gain the states of an asynchronous pipeline (the next migration uses
-- them; a value added to an enum cannot be used in the transaction that adds it).
alter type public.webhook_event_status add value if not exists 'pending' before 'processed';
alter type public.webhook_event_status add value if not exists 'dead';
comment on type public.webhook_event_status is 'pending: stored, waiting for the processor; processed: handled; ignored: valid but nothing to do (unknown topic, no active connection for the shop); failed: the last attempt raised, retried at next_attempt_at; dead: gave up (5 attempts, or an event that can never be processed), last error kept.';
