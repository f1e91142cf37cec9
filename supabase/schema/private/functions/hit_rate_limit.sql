CREATE OR REPLACE FUNCTION private.hit_rate_limit(p_bucket text, p_scope text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r private.rate_limit_rules;
  k bytea;
  w timestamptz;
  elapsed double precision;
  cur integer;
  prev integer;
  wait double precision;
begin
  if nullif(current_setting('request.headers', true), '') is null
     or coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role', '') = 'service_role' then
    return;
  end if;
  select * into strict r from private.rate_limit_rules where bucket = p_bucket;
  k := extensions.digest((select s.salt from private.rate_limit_salt s)
         || convert_to(p_bucket || '|' || coalesce(p_scope, '') || '|' || coalesce(private.client_ip(), 'unknown'), 'UTF8'),
         'sha256');
  w := to_timestamp(floor(extract(epoch from now()) / r.window_seconds) * r.window_seconds);
  elapsed := extract(epoch from now() - w) / r.window_seconds;
  insert into private.rate_limit_hits as h (bucket, key_hash, window_start, hits) values (p_bucket, k, w, 1)
  on conflict (bucket, key_hash, window_start) do update set hits = h.hits + 1
  returning h.hits into cur;
  prev := coalesce((select h.hits from private.rate_limit_hits h
                    where h.bucket = p_bucket and h.key_hash = k and h.window_start = w - make_interval(secs => r.window_seconds)), 0);
  if prev * (1 - elapsed) + cur <= r.max_hits then
    return;
  end if;
  -- When one more call would fit again: within this window while the previous one fades, else in
  -- the next window once this one has faded enough (the refused call's count rolls back with it).
  cur := cur - 1;
  wait := case when cur < r.max_hits and prev > 0 then (1 - (r.max_hits - cur - 1)::double precision / prev) - elapsed
               else (1 - elapsed) + (1 - (r.max_hits - 1)::double precision / greatest(cur, 1)) end;
  raise sqlstate 'PGRST' using
    message = json_build_object(
      'code', 'PT429',
      'message', format('too many requests from your address: at most %s per %s', r.max_hits,
                        case when r.window_seconds % 3600 = 0 then (r.window_seconds / 3600) || ' hour(s)'
                             when r.window_seconds % 60 = 0 then (r.window_seconds / 60) || ' minute(s)'
                             else r.window_seconds || ' seconds' end),
      'details', format('bucket %s: %s calls per %s seconds from one address', p_bucket, r.max_hits, r.window_seconds),
      'hint', format('retry after %s seconds', greatest(ceil(wait * r.window_seconds), 1)))::text,
    detail = json_build_object('status', 429,
      'headers', json_build_object('Retry-After', greatest(ceil(wait * r.window_seconds), 1)::text))::text;
end $function$;
comment on function private.hit_rate_limit(text,text) is 'Counts an HTTP call in a rate-limit bucket for (scope, client address) over a sliding window; past the bucket''s limit answers 429 with Retry-After (SQLSTATE PGRST, code PT429). Calls outside PostgREST and with the secret key are not counted.';
