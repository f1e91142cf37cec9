CREATE OR REPLACE FUNCTION private.unsubscribe_base()
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select rtrim(coalesce(private.vault_secret('project_url'), 'http://127.0.0.1:54321'), '/') || '/functions/v1/email-unsubscribe?token='
$function$;
comment on function private.unsubscribe_base() is 'The unsubscribe link up to its token: the project''s functions URL (Vault project_url).';
