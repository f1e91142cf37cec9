CREATE OR REPLACE FUNCTION private.conversion_user_data_problem(p jsonb)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  k text;
begin
  if p is null or p = 'null'::jsonb then
    return null;
  elsif jsonb_typeof(p) <> 'object' then
    return 'user_data: must be an object';
  end if;
  for k in select jsonb_object_keys(p) loop
    if k not in ('em', 'ph', 'external_id', 'email', 'phone', 'fbp', 'fbc', 'ttp', 'ttclid', 'gclid', 'ga_client_id',
                 'client_user_agent', 'page_url') then
      return format('user_data.%s: not a field the platforms take', k);
    elsif k in ('em', 'ph', 'external_id') and coalesce(p ->> k, '') !~ '^[0-9a-f]{64}$' then
      return format('user_data.%s: must be the SHA-256 of the normalised value (64 lowercase hex)', k);
    elsif k = 'email' and coalesce(btrim(p ->> k), '') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
      return 'user_data.email: is not an email address';
    elsif k = 'phone' and coalesce(length(regexp_replace(p ->> k, '[^0-9]', '', 'g')), 0) < 6 then
      return 'user_data.phone: is not a phone number';
    elsif jsonb_typeof(p -> k) <> 'string'
          or char_length(p ->> k) > (case when k in ('client_user_agent', 'page_url') then 2048 else 256 end) then
      return format('user_data.%s: must be a string of at most %s characters', k,
                    case when k in ('client_user_agent', 'page_url') then 2048 else 256 end);
    end if;
  end loop;
  return null;
end $function$;
comment on function private.conversion_user_data_problem(jsonb) is 'Checks an event''s user_data for record_conversion_events: known fields, hashes as SHA-256 hex, plaintext email or phone well formed (they are hashed before anything is stored).';
grant execute on function private.conversion_user_data_problem(jsonb) to service_role;
