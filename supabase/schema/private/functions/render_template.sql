CREATE OR REPLACE FUNCTION private.render_template(p_text text, p_subject jsonb)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  m text[];
  result text := p_text;
begin
  for m in select regexp_matches(p_text, '(\{\{\s*([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s*\}\})', 'g') loop
    result := replace(result, m[1], coalesce(p_subject #>> string_to_array(m[2], '.'), ''));
  end loop;
  return result;
end $function$;
comment on function private.render_template(text,jsonb) is 'Replaces {{ path }} placeholders with values from the subject (missing: empty).';
grant execute on function private.render_template(text,jsonb) to authenticated;
grant execute on function private.render_template(text,jsonb) to service_role;
