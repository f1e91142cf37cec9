CREATE OR REPLACE FUNCTION private.ad_metric_problem(p jsonb, p_window_from date, p_window_to date, p_currency text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  d text := p ->> 'day';
  cur text := p ->> 'currency';
  f text;
  problem text;
begin
  if jsonb_typeof(p) is distinct from 'object' then
    return 'row: must be an object';
  elsif coalesce(p ->> 'level', '') not in ('ad', 'ad_group') then
    return 'level: must be ad or ad_group';
  elsif coalesce(btrim(p ->> 'external_id'), '') = '' then
    return 'external_id: is required';
  elsif char_length(p ->> 'external_id') > 64 then
    return 'external_id: at most 64 characters';
  elsif coalesce(btrim(p ->> 'campaign_external_id'), '') = '' then
    return 'campaign_external_id: is required';
  elsif char_length(p ->> 'campaign_external_id') > 64 then
    return 'campaign_external_id: at most 64 characters';
  elsif p ->> 'level' = 'ad' and coalesce(btrim(p ->> 'ad_group_external_id'), '') = '' then
    return 'ad_group_external_id: is required';
  elsif char_length(p ->> 'ad_group_external_id') > 64 then
    return 'ad_group_external_id: at most 64 characters';
  elsif d is null or d !~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$' then
    return 'day: must be a calendar date (YYYY-MM-DD)';
  elsif substr(d, 9, 2)::integer > extract(day from date_trunc('month', (substr(d, 1, 8) || '01')::date) + interval '1 month - 1 day') then
    return 'day: must be a calendar date (YYYY-MM-DD)';
  elsif d::date not between p_window_from and p_window_to then
    return format('day: %s is outside the window %s to %s', d, p_window_from, p_window_to);
  elsif cur is not null and upper(cur) <> p_currency then
    if private.currency_exponent(cur) is null then
      return format('currency: %s is not an ISO 4217 currency', cur);
    end if;
    return format('currency: %s is not the account''s currency (%s)', cur, p_currency);
  elsif not (p ? 'spend' or p ? 'spend_micros') then
    return 'spend: is required';
  end if;
  foreach f in array array['spend', 'spend_micros', 'revenue', 'revenue_micros'] loop
    if p ? f then
      problem := private.amount_problem(p -> f, case when f like '%\_micros' then 'micros' else 'major' end);
      if problem is not null then
        return f || ': ' || problem;
      end if;
    end if;
  end loop;
  if coalesce(p ->> 'impressions', '0') !~ '^\d{1,15}$' then
    return 'impressions: must be a non-negative whole number';
  elsif coalesce(p ->> 'clicks', '0') !~ '^\d{1,15}$' then
    return 'clicks: must be a non-negative whole number';
  elsif coalesce(p ->> 'clicks', '0')::bigint > coalesce(p ->> 'impressions', '0')::bigint then
    return 'clicks: cannot exceed impressions';
  elsif coalesce(p ->> 'conversions', '0') !~ '^\d{1,14}(\.\d+)?$' then
    return 'conversions: must be a non-negative number';
  end if;
  return null;
end $function$;
comment on function private.ad_metric_problem(jsonb,date,date,text) is 'Checks one daily row of a sync page against its window and the account''s currency; null when it is fine, else ''field: reason''.';
