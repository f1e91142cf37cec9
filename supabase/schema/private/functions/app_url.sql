CREATE OR REPLACE FUNCTION private.app_url()
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select rtrim(coalesce(private.vault_secret('app_url'), 'http://127.0.0.1:3000'), '/')
$function$;
comment on function private.app_url() is 'The app''s origin for links in emails: the Vault secret app_url (set it in a hosted project), locally http://127.0.0.1:3000.';
