CREATE OR REPLACE FUNCTION private.prepare_email_messages(p_limit integer, p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer := 0;
  r record;
begin
  for r in
  with fresh as (
    select m.id, m.workspace_id, m.kind, m.to_email, m.email_campaign_id, m.email_contact_id, m.idempotency_key
    from private.email_messages m
    where m.status = 'queued' and m.batch_key is null and m.next_attempt_at <= now()
      and (p_workspace_id is null or m.workspace_id = p_workspace_id or m.workspace_id is null)
      and (m.email_campaign_id is null
           or exists (select 1 from public.email_campaigns c
                      where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id and c.status = 'sending'))
    order by m.next_attempt_at, m.id
    limit p_limit
    for update of m
  ), judged as (
    select f.*,
      case
        when s.reason in ('bounced', 'complained') then 'the address is suppressed (' || s.reason || ')'
        when s.reason = 'unsubscribed' and f.kind in ('campaign', 'automation', 'review_request') then 'the address unsubscribed'
        when f.kind in ('campaign', 'automation') and not exists (
          select 1 from public.email_contacts c
          where c.workspace_id = f.workspace_id and c.id = f.email_contact_id and c.status = 'subscribed')
          then 'the contact has not consented to marketing email'
      end as suppressed
    from fresh f
    left join public.email_suppressions s on s.workspace_id = f.workspace_id and s.email = f.to_email
  ), numbered as (
    select j.*, (row_number() over (partition by j.email_campaign_id, j.suppressed is null order by j.id) - 1) / 100 as chunk
    from judged j
  ), keyed as (
    select j.id, j.suppressed,
      case when j.kind = 'campaign' then
        'campaign:' || j.email_campaign_id || ':' || min(j.id) over (partition by j.email_campaign_id, j.suppressed is null, j.chunk)
      else coalesce(j.workspace_id::text, 'account') || ':' || j.idempotency_key end as key
    from numbered j
  )
  update private.email_messages m set
    batch_key = case when k.suppressed is null then k.key end,
    status = case when k.suppressed is null then 'queued' else 'suppressed' end::private.email_message_status,
    last_error = k.suppressed,
    finished_at = case when k.suppressed is not null then now() end
  from keyed k where m.id = k.id
  returning m.id, m.status
  loop
    if r.status = 'suppressed' then
      perform private.email_rollup(r.id, 'suppressed', now());  -- what it was for learns it
    end if;
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.prepare_email_messages(integer,uuid) is 'The first claim of new messages (up to p_limit; of one workspace and the account emails when p_workspace_id is given): suppressed addresses and marketing without consent become suppressed, the rest get their provider call''s key (batches of 100 per campaign, in id order). Paused campaigns wait.';
