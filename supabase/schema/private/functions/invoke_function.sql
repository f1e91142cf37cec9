CREATE OR REPLACE FUNCTION private.invoke_function(p_name text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  url text;
  key text;
  request_id bigint;
  -- named through variables: these objects exist only where pg_net and Vault are installed
  secrets text := 'vault.decrypted_secrets';
  http_post text := 'net.http_post';
begin
  if not exists (select 1 from private.callable_functions f where f.name = p_name) then
    raise exception 'not a function the database may call: %', p_name using errcode = '22023';
  end if;
  if to_regnamespace('net') is null or to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  execute format($q$select max(decrypted_secret) filter (where name = 'project_url'),
                           max(decrypted_secret) filter (where name = 'service_role_key')
                    from %s where name in ('project_url', 'service_role_key')$q$, secrets)
    into url, key;
  if url is null or key is null then
    return null;
  end if;
  execute format('select %s(url := $1, headers := $2, body := ''{}''::jsonb, timeout_milliseconds := 30000)', http_post)
    into request_id
    using rtrim(url, '/') || '/functions/v1/' || p_name,
          jsonb_build_object('Authorization', 'Bearer ' || key, 'apikey', key, 'Content-Type', 'application/json');
  return request_id;
end $function$;
comment on function private.invoke_function(text) is 'Calls an edge function listed in private.callable_functions through pg_net with the Vault secrets project_url and service_role_key (sent as apikey and bearer); returns the pg_net request id, or null where pg_net or the secrets are missing.';
