CREATE OR REPLACE FUNCTION private.anon_create_support_ticket(p_workspace_id uuid, p_email text, p_name text, p_subject text, p_body text, p_category public.support_ticket_category, p_order_number text)
 RETURNS TABLE(ticket_id uuid, status public.support_ticket_status, created_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  t public.support_tickets;
begin
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'shop % not found', p_workspace_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('support_ticket', p_workspace_id::text);
  insert into public.support_tickets (workspace_id, source, requester_email, requester_name, subject, body, category,
                                      order_number, created_by)
  values (p_workspace_id, 'storefront', p_email, p_name, p_subject, p_body, p_category, p_order_number, null)
  returning * into t;
  return query select t.id, t.status, t.created_at;
end $function$;
comment on function private.anon_create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) is 'Definer half of public.create_support_ticket: rate limited per address and shop.';
grant execute on function private.anon_create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) to anon;
grant execute on function private.anon_create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) to authenticated;
grant execute on function private.anon_create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) to service_role;
