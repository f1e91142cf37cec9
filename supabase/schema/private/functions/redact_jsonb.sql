CREATE OR REPLACE FUNCTION private.redact_jsonb(p_value jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  k text;
  v jsonb;
  out_obj jsonb := '{}'::jsonb;
  out_arr jsonb := '[]'::jsonb;
begin
  case jsonb_typeof(p_value)
    when 'object' then
      for k, v in select * from jsonb_each(p_value) loop
        if k ~* '(pass(word)?|secret|token|api[_-]?key|authorization|cookie|credential|private[_-]?key)' then
          out_obj := out_obj || jsonb_build_object(k, '[redacted]');
        else
          out_obj := out_obj || jsonb_build_object(k, private.redact_jsonb(v));
        end if;
      end loop;
      return out_obj;
    when 'array' then
      for v in select * from jsonb_array_elements(p_value) loop
        out_arr := out_arr || jsonb_build_array(private.redact_jsonb(v));
      end loop;
      return out_arr;
    when 'string' then
      return to_jsonb(private.redact_text(p_value #>> '{}'));
    else
      return p_value;
  end case;
end $function$;
comment on function private.redact_jsonb(jsonb) is 'Redacts a JSON document recursively: secret-named keys lose their values, strings are masked by private.redact_text().';
grant execute on function private.redact_jsonb(jsonb) to service_role;
