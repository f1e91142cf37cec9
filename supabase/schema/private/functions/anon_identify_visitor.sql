CREATE OR REPLACE FUNCTION private.anon_identify_visitor(p_workspace_id uuid, p_visitor_id text, p_identity_token text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  parts text[] := string_to_array(p_identity_token, '.');
  claims jsonb;
  cust uuid;
begin
  begin
    claims := convert_from(private.base64url_decode(parts[2]), 'UTF8')::jsonb;
  exception when others then
    claims := null;
  end;
  if cardinality(parts) <> 3 or parts[1] <> 'v1' or jsonb_typeof(claims) is distinct from 'object' then
    raise exception 'p_identity_token is not an identity token' using errcode = '22023';
  end if;
  -- One answer for a forged, expired or another visitor's token: it says nothing about customers.
  if parts[3] is distinct from private.sign_visitor_identity(parts[1] || '.' || parts[2])
     or claims ->> 'w' is distinct from p_workspace_id::text or claims ->> 'v' is distinct from p_visitor_id
     or coalesce(claims ->> 'x', '') !~ '^\d{1,12}$' or to_timestamp((claims ->> 'x')::bigint) <= now() then
    raise exception 'the identity token is not valid for this visitor (forged, expired, or minted for another one)'
      using errcode = '42501', hint = 'mint a fresh one on your server with create_visitor_identity_token';
  end if;
  select c.id into cust from public.customers c
  where c.workspace_id = p_workspace_id
    and (c.shopify_customer_id = claims ->> 's' or c.email_sha256 = claims ->> 'e' or c.phone_sha256 = claims ->> 'p')
  order by (c.shopify_customer_id = claims ->> 's') desc nulls last, (c.email_sha256 = claims ->> 'e') desc nulls last,
           c.created_at
  limit 1;
  if cust is not null then
    perform private.stitch_visitor(p_workspace_id, p_visitor_id, cust, now());
  end if;
end $function$;
comment on function private.anon_identify_visitor(uuid,text,text) is 'Definer half of public.identify_visitor: verifies the identity token (signature, workspace, visitor, expiry) and stitches the visitor to the customer it names, if that customer exists; answers nothing either way.';
grant execute on function private.anon_identify_visitor(uuid,text,text) to anon;
grant execute on function private.anon_identify_visitor(uuid,text,text) to authenticated;
grant execute on function private.anon_identify_visitor(uuid,text,text) to service_role;
