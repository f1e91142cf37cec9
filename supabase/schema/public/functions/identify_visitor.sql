CREATE OR REPLACE FUNCTION public.identify_visitor(p_workspace_id uuid, p_visitor_id text, p_email text DEFAULT NULL::text, p_phone text DEFAULT NULL::text, p_shopify_customer_id text DEFAULT NULL::text)
 RETURNS boolean
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_email is null and p_phone is null and p_shopify_customer_id is null then
    raise exception 'give p_email, p_phone or p_shopify_customer_id' using errcode = '22023';
  end if;
  if p_email is not null and (char_length(p_email) > 320 or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    raise exception 'p_email is not a valid address' using errcode = '22023';
  end if;
  if p_phone is not null and (char_length(p_phone) > 32 or char_length(regexp_replace(p_phone, '[^0-9]', '', 'g')) < 6) then
    raise exception 'p_phone must hold at least 6 digits' using errcode = '22023';
  end if;
  if p_shopify_customer_id is not null and char_length(btrim(p_shopify_customer_id)) not between 1 and 64 then
    raise exception 'p_shopify_customer_id must be 1-64 characters' using errcode = '22023';
  end if;
  return private.anon_identify_visitor(p_workspace_id, p_visitor_id, p_email, p_phone, btrim(p_shopify_customer_id));
end $function$;
comment on function public.identify_visitor(uuid,text,text,text,text) is 'Storefront (anon): the visitor signed in or gave an email/phone. Links the visitor to the matching customer''s identity (stitching; the email and phone are hashed at once and never stored). Returns whether a customer matched. 22023 on bad input, PT404 for an unknown workspace.';
grant execute on function public.identify_visitor(uuid,text,text,text,text) to anon;
grant execute on function public.identify_visitor(uuid,text,text,text,text) to authenticated;
grant execute on function public.identify_visitor(uuid,text,text,text,text) to service_role;
