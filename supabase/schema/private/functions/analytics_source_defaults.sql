CREATE OR REPLACE FUNCTION private.analytics_source_defaults(p_source public.analytics_source, OUT recent_days integer, OUT backfill_days integer)
 RETURNS record
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case p_source when 'search_console' then 7 when 'pagespeed' then 1 when 'instagram' then 3 when 'tiktok' then 3
                       else 3 end,
         case p_source when 'search_console' then 90 when 'pagespeed' then 0 when 'instagram' then 30 when 'tiktok' then 30
                       else 365 end
$function$;
comment on function private.analytics_source_defaults(public.analytics_source) is 'A new schedule''s windows: Search Console re-pulls 7 days (its data arrives 2-3 days late) and backfills 90; Instagram and TikTok 3 and 30 (Instagram keeps 30 days of account insights); Fairing 3 and 365; PageSpeed audits today only.';
