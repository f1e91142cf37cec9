CREATE OR REPLACE FUNCTION private.check_customer_identifiers(p_email text, p_phone text, p_shopify_customer_id text, p_name text)
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
begin
  if p_email is null and p_phone is null and p_shopify_customer_id is null then
    raise exception 'give the customer''s p_email, p_phone or p_shopify_customer_id' using errcode = '22023';
  end if;
  if p_email is not null and (char_length(p_email) > 320 or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    raise exception 'p_email is not a valid address' using errcode = '22023';
  end if;
  if p_phone is not null and (char_length(p_phone) > 32 or char_length(regexp_replace(p_phone, '[^0-9]', '', 'g')) < 7) then
    raise exception 'p_phone must hold at least 7 digits' using errcode = '22023';
  end if;
  if p_shopify_customer_id is not null and char_length(btrim(p_shopify_customer_id)) not between 1 and 64 then
    raise exception 'p_shopify_customer_id must be 1-64 characters' using errcode = '22023';
  end if;
  if p_name is not null and char_length(btrim(p_name)) not between 3 and 200 then
    raise exception 'p_name must be 3-200 characters' using errcode = '22023';
  end if;
end $function$;
comment on function private.check_customer_identifiers(text,text,text,text) is 'Validation of the identifiers naming a shop''s customer (visitor identity tokens, customer privacy requests): 22023 naming the field.';
grant execute on function private.check_customer_identifiers(text,text,text,text) to authenticated;
grant execute on function private.check_customer_identifiers(text,text,text,text) to service_role;
