-- New values of existing enums for the agent runtime and the approval executor, alone in their own
-- migration: a value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction that
-- adds it, and the migrations after this one use them (indexes, checks, SQL function bodies).

-- An approved action the executor has claimed: the idempotency key is recorded and the provider
-- may have been called. approved -> executing -> executed | failed (20261211011000).
alter type public.approval_status add value if not exists 'executing' after 'approved';

-- Action kinds the executor runs that the first list lacked: the inverse of pause_campaign (undo),
-- content calendar changes, a review's public reply, email automations switched on and off,
-- a Slack post, a Shopify gift card, and an outbound webhook to a configured endpoint.
alter type public.approval_action add value if not exists 'resume_campaign' after 'pause_campaign';
alter type public.approval_action add value if not exists 'update_content_calendar' after 'publish_content';
alter type public.approval_action add value if not exists 'publish_review_reply' after 'send_customer_reply';
alter type public.approval_action add value if not exists 'enable_email_automation' after 'send_email_campaign';
alter type public.approval_action add value if not exists 'disable_email_automation' after 'enable_email_automation';
alter type public.approval_action add value if not exists 'post_slack_message' after 'publish_review_reply';
alter type public.approval_action add value if not exists 'issue_gift_card' after 'apply_discount';
alter type public.approval_action add value if not exists 'send_webhook' after 'run_workflow';

-- The workflow engine's outbound webhook action (seed 000's workflow engine had one; the baseline
-- dropped it): an event delivered to one of the workspace's webhook endpoints.
alter type public.workflow_action_type add value if not exists 'send_webhook';

-- A run drawn into the weekly QC sample waits for a person's verdict.
alter type public.qc_result add value if not exists 'pending' before 'pass';

-- A proposal a person approved or rejected, kept as an example of what to propose (or not).
alter type public.training_example_source add value if not exists 'approval';
