CREATE OR REPLACE FUNCTION private.secret_columns(p_table regclass)
 RETURNS text[]
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select coalesce(array_agg(a.attname::text order by a.attnum), '{}') from pg_attribute a
  where a.attrelid = p_table and a.attnum > 0 and not a.attisdropped
    and a.attname::text ~ '(secret|token|password|ciphertext|_hash$)'
$function$;
comment on function private.secret_columns(regclass) is 'Export rule: the columns of a table named like a secret (secret, token, password, ciphertext, *_hash), left out of exported rows.';
grant execute on function private.secret_columns(regclass) to service_role;
