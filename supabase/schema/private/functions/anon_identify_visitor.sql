CREATE OR REPLACE FUNCTION private.anon_identify_visitor(p_workspace_id uuid, p_visitor_id text, p_email text, p_phone text, p_shopify_customer_id text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  cust uuid;
  p_email_sha256 text := private.email_sha256(p_email);
  p_phone_sha256 text := private.phone_sha256(p_phone);
begin
  if p_workspace_id is null or not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  select c.id into cust from public.customers c
  where c.workspace_id = p_workspace_id
    and ((p_shopify_customer_id is not null and c.shopify_customer_id = p_shopify_customer_id)
      or (p_email_sha256 is not null and c.email_sha256 = p_email_sha256)
      or (p_phone_sha256 is not null and c.phone_sha256 = p_phone_sha256))
  order by (c.shopify_customer_id = p_shopify_customer_id) desc nulls last, (c.email_sha256 = p_email_sha256) desc nulls last,
           c.created_at
  limit 1;
  if cust is null then
    return false;
  end if;
  perform private.stitch_visitor(p_workspace_id, p_visitor_id, cust, now());
  return true;
end $function$;
comment on function private.anon_identify_visitor(uuid,text,text,text,text) is 'Definer half of public.identify_visitor: hashes the email and phone (private.email_sha256, phone_sha256) and stitches the visitor to the customer matching the Shopify id, email hash or phone hash; false when no customer matches (nothing is created).';
grant execute on function private.anon_identify_visitor(uuid,text,text,text,text) to anon;
grant execute on function private.anon_identify_visitor(uuid,text,text,text,text) to authenticated;
grant execute on function private.anon_identify_visitor(uuid,text,text,text,text) to service_role;
