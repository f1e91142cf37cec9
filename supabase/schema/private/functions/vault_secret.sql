CREATE OR REPLACE FUNCTION private.vault_secret(p_name text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v text;
  secrets text := 'vault.decrypted_secrets';
begin
  if to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  execute format('select max(decrypted_secret) from %s where name = $1', secrets) into v using p_name;
  return v;
end $function$;
comment on function private.vault_secret(text) is 'A Vault secret by name (project_url, app_url), null where Vault or the secret is missing.';
