CREATE OR REPLACE FUNCTION public.create_visitor_identity_token(p_workspace_id uuid, p_visitor_id text, p_shopify_customer_id text DEFAULT NULL::text, p_email text DEFAULT NULL::text, p_phone text DEFAULT NULL::text, p_ttl_seconds integer DEFAULT 600)
 RETURNS TABLE(token text, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  perform private.check_customer_identifiers(p_email, p_phone, p_shopify_customer_id, null);
  if p_ttl_seconds is null or p_ttl_seconds not between 30 and 3600 then
    raise exception 'p_ttl_seconds must be between 30 and 3600' using errcode = '22023';
  end if;
  return query select * from private.mint_visitor_identity(p_workspace_id, p_visitor_id, p_shopify_customer_id, p_email,
                                                           p_phone, p_ttl_seconds);
end $function$;
comment on function public.create_visitor_identity_token(uuid,text,text,text,text,integer) is 'Secret key only (the shop''s server-side code, for its signed-in customer): a token that lets identify_visitor stitch this visitor id of this workspace to the customer with that Shopify id, email or phone, valid p_ttl_seconds (30-3600, default 600). The token holds hashes, never the email or phone. 22023 bad input, PT404 unknown workspace.';
grant execute on function public.create_visitor_identity_token(uuid,text,text,text,text,integer) to service_role;
