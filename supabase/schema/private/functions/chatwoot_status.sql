CREATE OR REPLACE FUNCTION private.chatwoot_status(p_status public.support_ticket_status)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case p_status when 'open' then 'open' when 'in_progress' then 'open' when 'waiting_on_customer' then 'pending'
                       when 'resolved' then 'resolved' when 'closed' then 'resolved' end
$function$;
comment on function private.chatwoot_status(public.support_ticket_status) is 'The Chatwoot conversation status a ticket status means (open, pending, resolved).';
