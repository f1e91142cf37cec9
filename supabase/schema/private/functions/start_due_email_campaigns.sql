CREATE OR REPLACE FUNCTION private.start_due_email_campaigns()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c record;
  n integer := 0;
  base text := private.unsubscribe_base();
begin
  for c in
    select e.*, t.subject as t_subject, t.body_html, t.body_text, t.variable_defaults, w.name as workspace_name
    from public.email_campaigns e
    join public.email_templates t on t.workspace_id = e.workspace_id and t.id = e.template_id
    join public.workspaces w on w.id = e.workspace_id
    where e.status = 'scheduled' and e.scheduled_for <= now() and e.list_id is not null
    order by e.scheduled_for
    for update of e skip locked
  loop
    update public.email_campaigns set status = 'sending' where id = c.id;
    -- each contact's variables once (materialized: every template part reads them)
    insert into private.email_messages (workspace_id, kind, idempotency_key, to_email, from_address, reply_to, subject,
      html, text_body, headers, email_campaign_id, email_contact_id)
    with r as materialized (
      select k.id, k.email,
             c.variable_defaults
               || (select coalesce(jsonb_object_agg(a.key, a.value #>> '{}'), '{}') from jsonb_each(k.attributes) a
                   where jsonb_typeof(a.value) in ('string', 'number', 'boolean'))
               || jsonb_build_object('first_name', coalesce(k.first_name, ''), 'last_name', coalesce(k.last_name, ''),
                    'email', k.email, 'workspace_name', c.workspace_name,
                    'unsubscribe_url', base || private.unsubscribe_token(c.workspace_id, k.email, c.id)) as vars
      from public.email_list_members l
      join public.email_contacts k on k.workspace_id = l.workspace_id and k.id = l.contact_id
      where l.workspace_id = c.workspace_id and l.list_id = c.list_id and k.status = 'subscribed'
    ), sender as materialized (
      select private.sender_address(c.workspace_id, c.from_name, c.from_email) as from_address,
             coalesce(c.reply_to, (select s.reply_to from public.email_sender_settings s where s.workspace_id = c.workspace_id)) as reply_to
    )
    select c.workspace_id, 'campaign', 'campaign:' || c.id || ':' || r.id, r.email, sender.from_address, sender.reply_to,
      coalesce(nullif(btrim(left(private.render_email(coalesce(c.subject, c.t_subject), r.vars, false), 998)), ''), c.name),
      private.render_email(c.body_html, r.vars, true), private.render_email(c.body_text, r.vars, false),
      jsonb_build_object('List-Unsubscribe', '<' || (r.vars ->> 'unsubscribe_url') || '>',
                         'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
      c.id, r.id
    from r cross join sender
    on conflict on constraint email_messages_key do nothing;
    if not exists (select 1 from private.email_messages m where m.workspace_id = c.workspace_id and m.email_campaign_id = c.id) then
      update public.email_campaigns set status = 'sent' where id = c.id;  -- nobody to send to
    end if;
    n := n + 1;
  end loop;
  if n > 0 then
    perform private.wake_function('email-send');
  end if;
  return n;
end $function$;
comment on function private.start_due_email_campaigns() is 'Starts each scheduled campaign whose time has come: sending, one rendered message per subscribed contact of its list (escaped HTML, the contact''s attributes over the template''s defaults, a signed unsubscribe link); sent at once when nobody is left.';
