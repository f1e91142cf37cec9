CREATE OR REPLACE FUNCTION private.render_email(p_text text, p_vars jsonb, p_html boolean)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  m text[];
  result text := p_text;
  v text;
begin
  if p_text is null then
    return null;
  end if;
  for m in select regexp_matches(p_text, '(\{\{\s*([A-Za-z_][A-Za-z0-9_.]{0,63})\s*\}\})', 'g') loop
    v := coalesce(p_vars ->> m[2], '');
    result := replace(result, m[1], case when p_html then private.html_escape(v) else regexp_replace(v, '[\r\n]+', ' ', 'g') end);
  end loop;
  return result;
end $function$;
comment on function private.render_email(text,jsonb,boolean) is 'Fills {{ variable }} placeholders from p_vars: HTML-escaped in HTML bodies, line breaks removed in subjects and text.';
