CREATE OR REPLACE FUNCTION private.slack_escape(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select replace(replace(replace(coalesce(p_text, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
$function$;
comment on function private.slack_escape(text) is 'Escapes &, < and > for Slack''s mrkdwn (so a title cannot mention @channel or make links).';
