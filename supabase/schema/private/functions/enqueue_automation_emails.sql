CREATE OR REPLACE FUNCTION private.enqueue_automation_emails()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.enqueue_email(new.workspace_id, 'automation', 'automation:' || r.id || ':' || new.id, new.email,
    private.render_email(t.subject, v.vars, false),
    private.render_email(t.body_html, v.vars, true), private.render_email(t.body_text, v.vars, false),
    p_email_contact_id => new.id, p_next_attempt_at => now() + make_interval(mins => r.delay_minutes))
  from public.email_automation_rules r
  join public.email_templates t on t.workspace_id = r.workspace_id and t.id = r.template_id
  join public.workspaces w on w.id = r.workspace_id
  cross join lateral (select t.variable_defaults
                        || (select coalesce(jsonb_object_agg(a.key, a.value #>> '{}'), '{}') from jsonb_each(new.attributes) a
                            where jsonb_typeof(a.value) in ('string', 'number', 'boolean'))
                        || jsonb_build_object('first_name', coalesce(new.first_name, ''), 'last_name', coalesce(new.last_name, ''),
                             'email', new.email, 'workspace_name', w.name,
                             'unsubscribe_url', private.unsubscribe_url(new.workspace_id, new.email)) as vars) v
  where r.workspace_id = new.workspace_id and r.active and r.trigger_event = 'contact_subscribed'
    and private.conditions_match(r.conditions, jsonb_build_object('row', to_jsonb(new)))
    and (r.list_id is null or exists (select 1 from public.email_list_members l
                                      where l.workspace_id = new.workspace_id and l.list_id = r.list_id and l.contact_id = new.id));
  return null;
end $function$;
comment on function private.enqueue_automation_emails() is 'AFTER INSERT/UPDATE OF status on email_contacts, when a contact becomes subscribed: queues each matching contact_subscribed automation''s email after its delay, once per rule and contact.';
