CREATE OR REPLACE FUNCTION private.shop_workspace(p_shop text)
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (select c.workspace_id from public.integration_connections c
          where c.provider = 'shopify' and c.status = 'active' and c.external_account_id = lower(p_shop));
end $function$;
comment on function private.shop_workspace(text) is 'The workspace whose active Shopify connection is this shop, or null.';
