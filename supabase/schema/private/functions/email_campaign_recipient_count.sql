CREATE OR REPLACE FUNCTION private.email_campaign_recipient_count(p_workspace_id uuid, p_list_id uuid)
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select count(*)::integer from public.email_list_members m
  join public.email_contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
  where m.workspace_id = p_workspace_id and m.list_id = p_list_id and c.status = 'subscribed'
$function$;
comment on function private.email_campaign_recipient_count(uuid,uuid) is 'Subscribed contacts of an email list.';
