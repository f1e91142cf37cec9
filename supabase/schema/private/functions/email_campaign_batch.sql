CREATE OR REPLACE FUNCTION private.email_campaign_batch(p_approval_id uuid, p_batch integer, p_size integer DEFAULT 100)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  a public.agent_approvals;
  e public.email_campaigns;
  t public.email_templates;
begin
  select * into a from public.agent_approvals x where x.id = p_approval_id and x.action = 'send_email_campaign' and x.status = 'executing';
  if not found then
    raise exception 'approval % is not an executing email send', p_approval_id using errcode = 'PT409';
  end if;
  perform private.require_batch_size('messages', p_size::bigint, 100::bigint);
  select * into e from public.email_campaigns x where x.workspace_id = a.workspace_id and x.id = (a.payload ->> 'email_campaign_id')::uuid;
  select * into t from public.email_templates x where x.workspace_id = a.workspace_id and x.id = e.template_id;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'from', case when e.from_name is null then e.from_email else format('%s <%s>', e.from_name, e.from_email) end,
      'to', jsonb_build_array(r.email),
      'subject', private.render_template(coalesce(e.subject, t.subject), r.fields),
      'html', private.render_template(coalesce(t.body_html, ''), r.html_fields),
      'text', private.render_template(coalesce(t.body_text, ''), r.fields),
      'reply_to', e.reply_to,
      'tags', jsonb_build_array(jsonb_build_object('name', 'email_campaign', 'value', replace(e.id::text, '-', '_')))) order by r.id)
    from (
      select c.id, c.email,
             jsonb_build_object('first_name', coalesce(c.first_name, ''), 'last_name', coalesce(c.last_name, ''), 'email', c.email) as fields,
             jsonb_build_object('first_name', private.html_escape(coalesce(c.first_name, '')),
                                'last_name', private.html_escape(coalesce(c.last_name, '')), 'email', private.html_escape(c.email)) as html_fields
      from public.email_list_members m
      join public.email_contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
      where m.workspace_id = a.workspace_id and m.list_id = e.list_id and c.status = 'subscribed'
      order by c.id
      offset p_batch * p_size limit p_size
    ) r), '[]'::jsonb);
end $function$;
comment on function private.email_campaign_batch(uuid,integer,integer) is 'Messages of batch p_batch (0-based, up to p_size <= 100) of an executing send_email_campaign approval, rendered for the provider''s batch endpoint; [] past the last.';
grant execute on function private.email_campaign_batch(uuid,integer,integer) to service_role;
