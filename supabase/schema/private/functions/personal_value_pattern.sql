CREATE OR REPLACE FUNCTION private.personal_value_pattern(p_emails text[], p_phones text[], p_names text[], p_ids text[] DEFAULT NULL::text[])
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select nullif(concat_ws('|',
    (select string_agg(distinct private.regex_escape(lower(btrim(e))), '|') from unnest(p_emails) e where btrim(e) ~ '.@.'),
    (select string_agg(distinct '(?<![0-9])(\+?[\s().-]*' || regexp_replace(left(d, length(d) - 10), '(\d)', '\1[\s().-]*', 'g') || ')?'
                       || regexp_replace(right(d, least(length(d), 10)), '(\d)(?=\d)', '\1[\s().-]*', 'g') || '(?![0-9])', '|')
     from (select regexp_replace(p, '\D', '', 'g') as d from unnest(p_phones) p) x where length(d) >= 7),
    (select string_agg(distinct '\m' || regexp_replace(private.regex_escape(btrim(n)), '\s+', '\\s+', 'g') || '\M', '|')
     from unnest(p_names) n where char_length(btrim(n)) >= 3 and btrim(n) ~ '[[:alpha:]]'),
    (select string_agg(distinct private.regex_escape(i), '|') from unnest(p_ids) i where nullif(i, '') is not null)), '')
$function$;
comment on function private.personal_value_pattern(text[],text[],text[],text[]) is 'The case-insensitive regular expression (or null) matching any of the subject''s emails, phone numbers (digits with any separators, with or without the country code), names (whole words) and ids in free text.';
