-- What the demo agents may propose and which scheduled work each does (local only; idempotent).
-- Ada proposes ad changes, Casey customer and review replies, Ivy purchase orders, Bri writes the
-- briefings, commentary and insights, forecasts and drafts, posts to Slack and answers chats.
update public.agents set allowed_actions = v.allowed::public.approval_action[],
  capabilities = (select array_agg(distinct c order by c) from unnest(capabilities || v.extra) c)
from (values
  ('60000000-0000-4000-8000-000000000001', '{send_customer_reply,publish_review_reply}', '{}'::text[]),
  ('60000000-0000-4000-8000-000000000002', '{change_ad_budget,pause_ad_campaign,resume_ad_campaign,shift_ad_budget}', '{forecast}'),
  ('60000000-0000-4000-8000-000000000003', '{reorder_inventory}', '{}'),
  ('60000000-0000-4000-8000-000000000004', '{post_slack_message}', '{report_commentary,insights,write_content}')
) v (id, allowed, extra)
where public.agents.id = v.id::uuid and public.agents.allowed_actions = '{}';

insert into public.agent_settings (workspace_id, chat_agent_id, monthly_budget_micros)
values ('10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000004', 100000000)
on conflict (workspace_id) do nothing;
