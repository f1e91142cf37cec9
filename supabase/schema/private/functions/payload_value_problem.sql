CREATE OR REPLACE FUNCTION private.payload_value_problem(p_value jsonb, p_kind text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  s text := p_value #>> '{}';
begin
  case p_kind
  when 'uuid' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
      return 'must be an id (uuid)';
    end if;
  when 'text' then
    if not private.is_text(p_value, 200) then return 'must be text of 1 to 200 characters'; end if;
  when 'long_text' then
    if not private.is_text(p_value, 10000) then return 'must be text of 1 to 10000 characters'; end if;
  when 'cents' then
    if not private.is_whole_number(p_value, 0) then return 'must be a whole number of cents (0 or more)'; end if;
  when 'positive_cents' then
    if not private.is_whole_number(p_value, 1) then return 'must be a whole number of cents above 0'; end if;
  when 'count' then
    if not private.is_whole_number(p_value, 1) or s::numeric > 1000000 then return 'must be a whole number from 1 to 1000000'; end if;
  when 'percent' then
    if jsonb_typeof(p_value) <> 'number' or s::numeric <= 0 or s::numeric > 100 then return 'must be a number above 0 and at most 100'; end if;
  when 'timestamptz' then
    if jsonb_typeof(p_value) <> 'string' or not private.is_timestamptz(s) then return 'must be a timestamp (ISO 8601)'; end if;
  when 'date' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^\d{4}-\d{2}-\d{2}$' or not private.is_timestamptz(s) then return 'must be a date (YYYY-MM-DD)'; end if;
  when 'object' then
    if jsonb_typeof(p_value) <> 'object' or octet_length(p_value::text) > 16384 then return 'must be a JSON object of at most 16 kB'; end if;
  when 'boolean' then
    if jsonb_typeof(p_value) <> 'boolean' then return 'must be true or false'; end if;
  when 'currency' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[A-Z]{3}$' then return 'must be a currency code (ISO 4217, e.g. USD)'; end if;
  when 'platform' then
    if jsonb_typeof(p_value) <> 'string' or s not in ('meta', 'google', 'tiktok') then return 'must be meta, google or tiktok'; end if;
  when 'external_id' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[A-Za-z0-9_-]{1,64}$' then return 'must be the platform''s campaign id'; end if;
  when 'discount_code' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[A-Za-z0-9_-]{3,40}$' then return 'must be a code of 3 to 40 letters, digits, _ or -'; end if;
  when 'slack_channel' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[CGD][A-Z0-9]{2,20}$' then return 'must be a Slack channel id (C..., G... or D...)'; end if;
  when 'event_type' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[a-z][a-z0-9_.-]{0,99}$' then return 'must be an event name (lowercase letters, digits, . _ -)'; end if;
  when 'calendar_status' then
    if jsonb_typeof(p_value) <> 'string' or not (s = any (enum_range(null::public.calendar_status)::text[])) then
      return 'must be one of ' || array_to_string(enum_range(null::public.calendar_status)::text[], ', ');
    end if;
  when 'marketing_channel' then
    if jsonb_typeof(p_value) <> 'string' or not (s = any (enum_range(null::public.marketing_channel)::text[])) then
      return 'must be a marketing channel';
    end if;
  when 'product_status' then
    if jsonb_typeof(p_value) <> 'string' or not (s = any (enum_range(null::public.product_status)::text[])) then
      return 'must be active, draft or archived';
    end if;
  else
    return 'has an unknown kind ' || p_kind;
  end case;
  return null;
end $function$;
comment on function private.payload_value_problem(jsonb,text) is 'Why a JSON value is not of a payload field kind (uuid, text, cents, percent, timestamptz ...), or null.';
