-- A user's data_retention_days also limits how long the domains that landed after the privacy
-- migration keep their event history about that user: what they did in the app
-- (user_analytics_events) and what they said to our AI (chat_messages). Records the workspace
-- relies on (approvals, decisions, campaigns, audit) are not registered: they are unlinked on
-- erasure, not aged out.
select private.register_personal_retention('public.user_analytics_events', 'user_id', 'occurred_at',
  'what a user did in the app');
select private.register_personal_retention('public.chat_messages', 'user_id', 'created_at',
  'what a user wrote to (and received from) our AI');
