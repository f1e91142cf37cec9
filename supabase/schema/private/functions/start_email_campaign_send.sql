CREATE OR REPLACE FUNCTION private.start_email_campaign_send(p_approval_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  a public.agent_approvals;
begin
  select * into a from public.agent_approvals x where x.id = p_approval_id and x.action = 'send_email_campaign' and x.status = 'executing';
  if not found then
    raise exception 'approval % is not an executing email send', p_approval_id using errcode = 'PT409';
  end if;
  update public.email_campaigns set scheduled_for = coalesce(scheduled_for, now()), status = 'scheduled'
  where workspace_id = a.workspace_id and id = (a.payload ->> 'email_campaign_id')::uuid and status = 'draft';
  update public.email_campaigns set status = 'sending'
  where workspace_id = a.workspace_id and id = (a.payload ->> 'email_campaign_id')::uuid and status = 'scheduled';
end $function$;
comment on function private.start_email_campaign_send(uuid) is 'The email handler, before its first batch: the campaign goes draft -> scheduled -> sending.';
grant execute on function private.start_email_campaign_send(uuid) to service_role;
