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
  n integer;
begin
  select * into strict r from private.rate_limit_rules where bucket = p_bucket;
  k := extensions.digest((select s.salt from private.rate_limit_salt s)
         || convert_to(p_bucket || '|' || coalesce(p_scope, '') || '|' || coalesce(private.client_ip(), 'unknown'), 'UTF8'),
         'sha256');
  w := to_timestamp(floor(extract(epoch from now()) / r.window_seconds) * r.window_seconds);
  insert into private.rate_limit_hits as h (bucket, key_hash, window_start, hits) values (p_bucket, k, w, 1)
  on conflict (bucket, key_hash, window_start) do update set hits = h.hits + 1
  returning h.hits into n;
  if n > r.max_hits then
    raise exception 'too many requests from your address: at most % per % minutes', r.max_hits, r.window_seconds / 60
      using errcode = 'PT429',
            hint = format('try again after %s', to_char((w + make_interval(secs => r.window_seconds)) at time zone 'UTC',
                                                        'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
  end if;
end $function$;
comment on function private.hit_rate_limit(text,text) is 'Counts a call in a rate-limit bucket for (scope, client address); raises PT429 past the bucket''s limit.';
