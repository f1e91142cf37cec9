CREATE OR REPLACE FUNCTION public.create_support_ticket(p_workspace_id uuid, p_email text, p_subject text, p_body text, p_name text DEFAULT NULL::text, p_category public.support_ticket_category DEFAULT 'general'::public.support_ticket_category, p_order_number text DEFAULT NULL::text)
 RETURNS TABLE(ticket_id uuid, status public.support_ticket_status, created_at timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  email text := lower(btrim(p_email));
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if email is null or char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'a valid email address is required' using errcode = '22023';
  end if;
  if p_subject is null or char_length(btrim(p_subject)) not between 1 and 200 then
    raise exception 'a subject is required (at most 200 characters)' using errcode = '22023';
  end if;
  if p_body is null or char_length(btrim(p_body)) not between 1 and 10000 then
    raise exception 'a message is required (at most 10000 characters)' using errcode = '22023';
  end if;
  if p_name is not null and char_length(btrim(p_name)) > 100 then
    raise exception 'the name may be at most 100 characters' using errcode = '22023';
  end if;
  if p_order_number is not null and char_length(btrim(p_order_number)) > 64 then
    raise exception 'the order number may be at most 64 characters' using errcode = '22023';
  end if;
  return query select * from private.anon_create_support_ticket(p_workspace_id, email, nullif(btrim(p_name), ''),
    btrim(p_subject), btrim(p_body), coalesce(p_category, 'general'), nullif(btrim(p_order_number), ''));
end $function$;
comment on function public.create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) is 'Storefront (anon): open a support ticket with an email address. 22023 invalid input, PT404 unknown shop, PT429 rate limited (5 per hour per address and shop).';
grant execute on function public.create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) to anon;
grant execute on function public.create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) to authenticated;
grant execute on function public.create_support_ticket(uuid,text,text,text,text,public.support_ticket_category,text) to service_role;
