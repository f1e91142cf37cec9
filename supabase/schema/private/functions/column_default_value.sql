CREATE OR REPLACE FUNCTION private.column_default_value(p_default text)
 RETURNS numeric
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
begin
  return (regexp_match(p_default, '^\(?''?(-?[0-9.]+)''?'))[1]::numeric;
end $function$;
comment on function private.column_default_value(text) is 'The number in a constant column default expression (''50''::numeric -> 50); private.agent_settings_for reads agent_settings'' defaults with it.';
