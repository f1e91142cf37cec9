-- Messaging, part 0: enum values the next migrations use (a value added by ALTER TYPE cannot be
-- used in the transaction that adds it, so they come first, alone).
-- Resend (delivery events, Svix-signed) and Slack (Events API and interactivity) call the
-- webhooks function; email deliveries report opens, clicks, complaints and suppressed sends.
alter type public.webhook_provider add value if not exists 'resend';
alter type public.webhook_provider add value if not exists 'slack';
alter type public.email_delivery_status add value if not exists 'opened' after 'delivered';
alter type public.email_delivery_status add value if not exists 'clicked' after 'opened';
alter type public.email_delivery_status add value if not exists 'complained' after 'bounced';
alter type public.email_delivery_status add value if not exists 'suppressed' after 'complained';
comment on type public.email_delivery_status is 'Where an email stands, as the email provider reports it: queued, sent (the provider accepted it), delivered, opened, clicked, bounced, complained (marked as spam), suppressed (never sent: the address is on the suppression list or has no consent), failed (the provider refused it or every retry failed).';
