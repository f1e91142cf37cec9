CREATE OR REPLACE FUNCTION private.check_webhook_endpoint_url()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  problem text := private.outbound_url_problem(new.url);
begin
  -- What is not an http(s) URL at all is the table's check constraint's to refuse (23514).
  if problem is not null and problem not in ('not a URL', 'not http or https') then
    raise exception 'url: this endpoint cannot receive webhooks (%)', problem using errcode = '22023',
      hint = 'use a public https URL';
  end if;
  return new;
end $function$;
comment on function private.check_webhook_endpoint_url() is 'BEFORE INSERT/UPDATE OF url on webhook_endpoints: refuses URLs the outbound-address guard would refuse whatever they resolve to (22023).';
