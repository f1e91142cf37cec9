CREATE OR REPLACE FUNCTION private.check_seo_key_page()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c public.integration_connections;
begin
  select * into c from public.integration_connections where id = new.connection_id and workspace_id = new.workspace_id;
  if not found or c.provider <> 'pagespeed' then
    raise exception 'connection_id must be a PageSpeed site of this workspace' using errcode = '22023';
  end if;
  if substring(lower(new.url) from '^https?://([^/?#:]+)') is distinct from substring(lower(c.external_account_id) from '^https?://([^/?#:]+)') then
    raise exception 'url must be on the connected site (%)', c.external_account_id using errcode = '22023';
  end if;
  if tg_op = 'INSERT' and (select count(*) from public.seo_key_pages p where p.connection_id = new.connection_id) >= 50 then
    raise exception 'a site has at most 50 key pages' using errcode = 'PT413', hint = 'remove a page first';
  end if;
  return new;
end $function$;
comment on function private.check_seo_key_page() is 'BEFORE INSERT/UPDATE on seo_key_pages: the connection is a PageSpeed site of the workspace, the page is on its host, and a site has at most 50 key pages (PT413).';
