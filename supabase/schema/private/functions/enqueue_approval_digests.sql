CREATE OR REPLACE FUNCTION private.enqueue_approval_digests(p_day date DEFAULT CURRENT_DATE)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  with pending as (
    select a.workspace_id, count(*) as total,
           string_agg('<li>' || private.html_escape(a.title) || '</li>', '' order by a.priority desc, a.created_at) filter (where a.rn <= 10) as items
    from (select a.*, row_number() over (partition by a.workspace_id order by a.priority desc, a.created_at) as rn
          from public.agent_approvals a where a.status = 'pending' and a.expires_at > now()) a
    group by a.workspace_id
  )
  select count(private.enqueue_email(p.workspace_id, 'approval_digest', 'approval_digest:' || p_day || ':' || m.user_id, u.email::text,
    p.total || ' approval' || case when p.total = 1 then '' else 's' end || ' waiting',
    private.email_layout(p.total || ' approvals waiting', '<ul>' || coalesce(p.items, '') || '</ul><p><a href="'
      || private.html_escape(private.app_url() || '/approvals') || '">Review them</a></p>', w.name),
    p.total || ' approvals are waiting: ' || private.app_url() || '/approvals'))
  into n
  from pending p
  join public.workspaces w on w.id = p.workspace_id
  join public.workspace_members m on m.workspace_id = p.workspace_id and m.role in ('admin', 'owner')
  join auth.users u on u.id = m.user_id
  where u.email is not null;
  return n;
end $function$;
comment on function private.enqueue_approval_digests(date) is 'pg_cron (email-approval-digest, daily): one email per admin and owner of each workspace with pending approvals, listing the first 10; once per person and day.';
