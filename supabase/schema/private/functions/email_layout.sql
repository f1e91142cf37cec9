CREATE OR REPLACE FUNCTION private.email_layout(p_title text, p_body_html text, p_workspace_name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select '<!doctype html><html><body style="font-family:sans-serif;max-width:560px;margin:auto">'
      || '<h2>' || private.html_escape(p_title) || '</h2>' || p_body_html
      || '<p style="color:#888;font-size:12px">' || private.html_escape(coalesce(p_workspace_name, 'growthbase')) || '</p></body></html>'
$function$;
comment on function private.email_layout(text,text,text) is 'The frame of the built-in emails (title escaped; the body is HTML the caller escaped).';
