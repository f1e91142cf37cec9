-- Every RPC the publishable key can call is rate limited per client address and workspace
-- (issue 21, item 5): track_touchpoint, assign_experiment, track_experiment_event, the review and
-- rating reads, open_review_request and get_public_demo joined the four that were
-- (submit_review, vote_review, create_support_ticket, search_public_demo). 500 calls in 2.6 s from
-- one address had stored 250 visitors, touchpoints and devices. (identify_visitor is replaced,
-- limited, by the next migration: visitor identity tokens.)
--
-- The limiter (private.hit_rate_limit) now
--   * counts a sliding window (the previous fixed window weighted by how much of it still overlaps,
--     plus the current one), so a burst across a window boundary cannot pass twice the budget;
--   * answers HTTP 429 with Retry-After (seconds): PostgREST turns a raise of SQLSTATE PGRST with a
--     JSON message and detail into that response, keeping the error's code PT429 for clients (the
--     response.headers setting is not applied when the request fails, so it cannot carry the header);
--   * counts HTTP requests only: a call without PostgREST's request.headers (pg_cron, SQL jobs) or
--     with the secret key (a shop's server, which speaks for many visitors) is not limited.
-- The client address is private.client_ip(): CF-Connecting-IP where Cloudflare set it, else the
-- first X-Forwarded-For entry, as Supabase documents for PostgREST behind its gateway.
-- Reads that count calls write, so they are VOLATILE now and answer POST only (supabase-js's
-- default); a GET runs read-only and is refused.

insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('touchpoint', 60, 60, 'track_touchpoint calls from one address to one workspace per minute'),
  ('experiment_assign', 240, 60, 'assign_experiment calls from one address to one workspace per minute'),
  ('experiment_event', 240, 60, 'track_experiment_event calls from one address to one workspace per minute'),
  ('review_read', 300, 60, 'product_reviews, product_rating and product_ratings calls from one address to one workspace per minute'),
  ('review_link', 30, 3600, 'open_review_request calls from one address per hour (a link names its workspace only once opened)'),
  ('public_demo', 120, 60, 'get_public_demo calls from one address to one demo''s workspace per minute')
on conflict (bucket) do update set max_hits = excluded.max_hits, window_seconds = excluded.window_seconds,
  description = excluded.description;

create or replace function private.hit_rate_limit(p_bucket text, p_scope text) returns void
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.hit_rate_limit(text, text) is 'Counts an HTTP call in a rate-limit bucket for (scope, client address) over a sliding window; past the bucket''s limit answers 429 with Retry-After (SQLSTATE PGRST, code PT429). Calls outside PostgREST and with the secret key are not counted.';

-- The storefront halves in public call the limiter through this anon-callable definer wrapper
-- (anon may execute only private.anon_* functions).
create function private.anon_hit_rate_limit(p_bucket text, p_scope text) returns void
language sql volatile security definer set search_path = '' as $$
  select private.hit_rate_limit(p_bucket, p_scope)
$$;
comment on function private.anon_hit_rate_limit(text, text) is 'Storefront RPCs (SECURITY INVOKER, in public) count a call here: private.hit_rate_limit for the caller''s address.';
revoke all on function private.anon_hit_rate_limit(text, text) from public;
grant execute on function private.anon_hit_rate_limit(text, text) to anon, authenticated, service_role;

-- ===== the reads: counted, so volatile
create or replace function public.product_reviews(p_workspace_id uuid, p_shopify_product_id text,
  p_sort public.review_sort default 'newest', p_limit integer default 10, p_offset integer default 0)
returns setof public.product_reviews_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  -- (require_batch_size's message, inline: anon may not call that helper)
  if p_limit > 50 then
    raise exception 'too many reviews per page: % given, at most 50 per call', p_limit
      using errcode = 'PT413', hint = 'page with p_offset';
  end if;
  if p_offset is null or p_offset < 0 or p_offset > 10000 then
    raise exception 'p_offset must be between 0 and 10000' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('review_read', p_workspace_id::text);
  return query select * from private.anon_product_reviews(p_workspace_id, p_shopify_product_id,
                                                          coalesce(p_sort, 'newest'), p_limit, p_offset);
end $$;
comment on function public.product_reviews(uuid, text, public.review_sort, integer, integer) is 'Storefront (anon, POST): a page of a product''s published reviews, newest first or by rating or helpfulness; p_limit 1-50 (PT413 above), p_offset 0-10000. 300 review reads a minute per address and workspace (429).';

create or replace function public.product_rating(p_workspace_id uuid, p_shopify_product_id text)
returns public.product_rating_row
language plpgsql volatile set search_path = '' as $$
declare
  r public.product_rating_row;
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('review_read', p_workspace_id::text);
  select * into r from private.anon_product_ratings(p_workspace_id, array[p_shopify_product_id]);
  return r;
end $$;
comment on function public.product_rating(uuid, text) is 'Storefront (anon, POST): one product''s rating summary (count, average, 1-5 distribution) from the maintained summary. 300 review reads a minute per address and workspace (429).';

create or replace function public.product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
returns setof public.product_rating_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or p_shopify_product_ids is null then
    raise exception 'p_workspace_id and p_shopify_product_ids are required' using errcode = '22023';
  end if;
  if cardinality(p_shopify_product_ids) > 100 then
    raise exception 'too many products: % given, at most 100 per call', cardinality(p_shopify_product_ids)
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
  if exists (select 1 from unnest(p_shopify_product_ids) x where x is null or x !~ '^\S{1,64}$') then
    raise exception 'every product id must be 1-64 characters without spaces' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('review_read', p_workspace_id::text);
  return query select * from private.anon_product_ratings(p_workspace_id, p_shopify_product_ids);
end $$;
comment on function public.product_ratings(uuid, text[]) is 'Storefront (anon, POST): rating summaries of up to 100 products (collection pages), in the order asked. 300 review reads a minute per address and workspace (429).';

create or replace function public.get_public_demo(p_demo_id uuid)
returns public.public_demos
language plpgsql volatile set search_path = '' as $$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  return private.anon_public_demo(p_demo_id);
end $$;
comment on function public.get_public_demo(uuid) is 'Anyone (anon key, POST): a published demo by id with its ordered videos. PT404 for drafts, archived demos and unknown ids. No listing: a demo is reached by its link. 120 calls a minute per address and workspace (429).';

-- The demo's workspace is only known inside the definer half: it counts there.
create or replace function private.anon_public_demo(p_demo_id uuid) returns public.public_demos
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.public_demos;
begin
  select * into r from public.public_demos p where p.id = p_demo_id;
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('public_demo', r.workspace_id::text);
  return r;
end $$;
comment on function private.anon_public_demo(uuid) is 'A published demo''s public view beneath RLS, counted against the caller''s address and the demo''s workspace; PT404 for drafts, archived and unknown ids.';

-- ===== the writes
create or replace function public.open_review_request(p_token text)
returns public.open_review_request_row
language plpgsql volatile set search_path = '' as $$
begin
  perform private.anon_hit_rate_limit('review_link', null);
  if p_token is null or lower(btrim(p_token)) !~ '^[0-9a-f]{64}$' then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  return private.anon_open_review_request(lower(btrim(p_token)));
end $$;
comment on function public.open_review_request(text) is 'Storefront (anon): the review form behind a review link (shop, order number, products, expiry); marks the request opened. PT404 for an unknown or used-up link, PT410 for an expired one; 30 links an hour per address (429).';

create or replace function public.assign_experiment(p_workspace_id uuid, p_experiment_key text, p_visitor_id text,
  p_context jsonb default '{}')
returns public.experiment_assignment_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_context is not null and (jsonb_typeof(p_context) <> 'object' or octet_length(p_context::text) > 8192) then
    raise exception 'p_context must be a JSON object of at most 8 KB' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('experiment_assign', p_workspace_id::text);
  return private.anon_assign_experiment(p_workspace_id, p_experiment_key, p_visitor_id, coalesce(p_context, '{}'));
end $$;
comment on function public.assign_experiment(uuid, text, text, jsonb) is 'Storefront (anon): the variant a visitor sees. Sticky: the same variant on every call once assigned. p_context is matched against the experiment''s targeting rules. PT404 for an unknown experiment key in the workspace, 22023 on bad input; 240 calls a minute per address and workspace (429).';

create or replace function public.track_experiment_event(p_workspace_id uuid, p_experiment_key text, p_visitor_id text,
  p_event_type public.experiment_event_type, p_event_name text default null, p_value_cents bigint default null,
  p_currency text default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_event_type is null then
    raise exception 'p_event_type is required' using errcode = '22023';
  end if;
  if p_event_type = 'purchase' then
    raise exception 'purchases are not tracked by the storefront: they come from orders carrying the visitor id'
      using errcode = '22023', hint = 'set the cart attribute _visitor_id so the order carries it';
  end if;
  if p_event_type = 'custom' and (p_event_name is null or p_event_name !~ '^[a-z][a-z0-9_.:-]{0,63}$') then
    raise exception 'a custom event needs p_event_name (lowercase letters, digits and _ . : -, at most 64)' using errcode = '22023';
  end if;
  if p_event_type <> 'custom' and p_event_name is not null then
    raise exception 'p_event_name is only for custom events' using errcode = '22023';
  end if;
  if p_value_cents is not null and (p_value_cents < 0 or p_value_cents > 100000000000) then
    raise exception 'p_value_cents must be between 0 and 100000000000 (a non-negative amount in cents)' using errcode = '22023';
  end if;
  if p_currency is not null and p_currency !~ '^[A-Z]{3}$' then
    raise exception 'p_currency must be a three-letter ISO code' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('experiment_event', p_workspace_id::text);
  return private.anon_track_experiment_event(p_workspace_id, p_experiment_key, p_visitor_id, p_event_type, p_event_name,
                                           p_value_cents, p_currency);
end $$;
comment on function public.track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text) is 'Storefront (anon): records an event (exposure, add_to_cart or a named custom event, with an optional value in cents) for a visitor assigned to a running or paused experiment. Returns the event id. 22023 on bad input (negative value, purchase events), PT404 unknown experiment key in the workspace, PT409 visitor not assigned or experiment not running; 240 calls a minute per address and workspace (429).';

create or replace function public.track_touchpoint(p_workspace_id uuid, p_visitor_id text, p_landing_url text,
  p_referrer text default null, p_device jsonb default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
begin
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_landing_url is null or char_length(p_landing_url) > 4096 or p_landing_url !~ '^(https?://[^\s]+|/[^\s]*)$' then
    raise exception 'p_landing_url must be an http(s) URL or a path, at most 4096 characters' using errcode = '22023';
  end if;
  if p_referrer is not null and (char_length(p_referrer) > 4096 or p_referrer !~ '^https?://[^\s]+$') then
    raise exception 'p_referrer must be an http(s) URL of at most 4096 characters' using errcode = '22023';
  end if;
  if p_device is not null and (jsonb_typeof(p_device) <> 'object'
     or coalesce(char_length(p_device ->> 'fingerprint'), 0) not between 1 and 128
     or (p_device ? 'type' and not coalesce(p_device ->> 'type' = any (enum_range(null::public.device_type)::text[]), false))
     or coalesce(char_length(p_device ->> 'browser'), 0) > 64 or coalesce(char_length(p_device ->> 'os'), 0) > 64) then
    raise exception 'p_device must be {fingerprint (1-128 chars), type (desktop|mobile|tablet|other), browser, os (at most 64 chars)}'
      using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('touchpoint', p_workspace_id::text);
  return private.anon_track_touchpoint(p_workspace_id, p_visitor_id, p_landing_url, p_referrer, p_device);
end $$;
comment on function public.track_touchpoint(uuid, text, text, text, jsonb) is 'Storefront (anon): records a landing of a visitor (UTM fields and click ids from the URL, channel from them and the referrer). Call once per session start. Returns the touchpoint id. 22023 on bad input, PT404 for an unknown workspace; 60 calls a minute per address and workspace (429).';

