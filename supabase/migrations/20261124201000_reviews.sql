-- Reviews: product reviews with moderation, verified purchases (via review request tokens),
-- helpfulness votes with counters kept by trigger, store responses, Mux video media linked from
-- Mux webhooks, a per-product rating summary kept by triggers, imports, and the storefront's
-- narrow anon RPCs with IP-hash rate limits (RAWDOG's reviews module).
--
-- The storefront calls with the anon key. anon has no table grants: it gets SECURITY INVOKER
-- RPCs in public that validate their input and call SECURITY DEFINER functions in private named
-- private.anon_* (the only private functions anon may execute; 001_catalog checks the name).

grant usage on schema private to anon;

-- ===== rate limits for anonymous callers, keyed on a salted hash of the client address
create table private.rate_limit_rules (
  bucket text primary key check (bucket ~ '^[a-z_]{1,64}$'),
  max_hits integer not null check (max_hits > 0),
  window_seconds integer not null check (window_seconds between 1 and 86400),
  description text not null
);
comment on table private.rate_limit_rules is 'How many calls one client address may make per fixed window, per bucket (an anon RPC) and workspace.';
insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('review_submit', 5, 3600, 'reviews submitted from one address to one workspace per hour'),
  ('review_vote', 60, 3600, 'helpfulness votes from one address to one workspace per hour');

create table private.rate_limit_salt (
  id boolean primary key default true check (id),
  salt bytea not null default extensions.gen_random_bytes(32)
);
comment on table private.rate_limit_salt is 'One random salt, so the stored address hashes cannot be reversed by hashing every IPv4 address.';
insert into private.rate_limit_salt default values;

create table private.rate_limit_hits (
  bucket text not null references private.rate_limit_rules (bucket) on delete cascade,
  key_hash bytea not null check (octet_length(key_hash) = 32),
  window_start timestamptz not null,
  hits integer not null check (hits > 0),
  primary key (bucket, key_hash, window_start)
);
comment on table private.rate_limit_hits is 'Calls per bucket, salted SHA-256 of (scope, client address) and window. Purged hourly after a day.';
create index rate_limit_hits_window_start_idx on private.rate_limit_hits (window_start);

-- The caller's address. Hosted Supabase sits behind Cloudflare, which sets CF-Connecting-IP to
-- the address it saw (clients cannot choose it, while X-Forwarded-For passes a client-supplied
-- value through); without it, the first X-Forwarded-For entry, which the project's own gateway
-- sets to the client address. PostgREST exposes request headers as request.headers.
create function private.client_ip() returns text
language sql stable set search_path = '' as $$
  select coalesce(
    nullif(btrim(h.headers ->> 'cf-connecting-ip'), ''),
    nullif(btrim(split_part(coalesce(h.headers ->> 'x-forwarded-for', ''), ',', 1)), ''))
  from (select nullif(current_setting('request.headers', true), '')::json as headers) h
$$;
comment on function private.client_ip() is 'The client address: CF-Connecting-IP when present (hosted), else the first X-Forwarded-For entry; null outside PostgREST.';

-- Counts one call; raises PT429 (HTTP 429) when the bucket's limit for this address and scope is
-- used up. The caller's transaction holds the increment: a call that fails later is not counted.
create function private.hit_rate_limit(p_bucket text, p_scope text) returns void
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.hit_rate_limit(text, text) is 'Counts a call in a rate-limit bucket for (scope, client address); raises PT429 past the bucket''s limit.';

create function private.purge_rate_limit_hits() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.rate_limit_hits where window_start < now() - interval '1 day';
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_rate_limit_hits() is 'Hourly pg_cron job rate-limit-purge: forgets rate-limit windows older than a day.';
select cron.schedule('rate-limit-purge', '17 * * * *', 'select private.purge_rate_limit_hits()');

-- ===== reviews
create type public.review_status as enum ('pending', 'published', 'rejected', 'spam');
comment on type public.review_status is 'pending: waiting for moderation (new reviews start here); published: shown on the storefront; rejected / spam: hidden. A moderated review never goes back to pending.';
create type public.review_vote_kind as enum ('helpful', 'unhelpful');
comment on type public.review_vote_kind is 'A storefront visitor''s verdict on a review.';
create type public.review_media_status as enum ('waiting', 'ready', 'errored', 'deleted');
comment on type public.review_media_status is 'Mux asset state: waiting for upload/processing, ready to play, errored, deleted in Mux.';
create type public.review_sort as enum ('newest', 'highest_rating', 'lowest_rating', 'most_helpful');
comment on type public.review_sort is 'Storefront orderings of a product''s published reviews (ties: newest first).';

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_product_id text not null check (char_length(shopify_product_id) between 1 and 64),
  order_id uuid,
  review_request_id uuid,
  author_name text not null constraint reviews_author_name_length check (char_length(btrim(author_name)) between 1 and 100),
  author_email text constraint reviews_author_email_format
    check (author_email = lower(author_email) and char_length(author_email) <= 254 and author_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  rating smallint not null constraint reviews_rating_range check (rating between 1 and 5),
  title text constraint reviews_title_length check (char_length(title) <= 150),
  body text not null default '' constraint reviews_body_length check (char_length(body) <= 5000),
  status public.review_status not null default 'pending',
  verified_purchase boolean not null default false,
  imported_from text check (imported_from ~ '^[a-z0-9_-]{1,32}$'),
  original_id text check (char_length(original_id) between 1 and 128),
  helpful_count integer not null default 0 check (helpful_count >= 0),
  unhelpful_count integer not null default 0 check (unhelpful_count >= 0),
  submitted_at timestamptz not null default now(),
  published_at timestamptz,
  moderated_at timestamptz,
  moderated_by uuid references auth.users (id) on delete set null,
  moderation_note text constraint reviews_moderation_note_length check (char_length(moderation_note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reviews_import_key check ((imported_from is null) = (original_id is null)),
  constraint reviews_request_means_verified check (review_request_id is null or verified_purchase),
  unique (workspace_id, id),
  unique (workspace_id, imported_from, original_id),
  unique (review_request_id, workspace_id, shopify_product_id),
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete set null (order_id),
  foreign key (workspace_id, review_request_id) references public.review_requests (workspace_id, id)
    on delete set null (review_request_id)
);
comment on table public.reviews is 'Product reviews. Anonymous storefront submissions (public.submit_review) and imports (public.import_reviews) start pending unless verified and auto-published, or imported as published. Members moderate (status, moderation_note); everything else is written by SQL functions. anon never reads this table: the storefront RPCs return published reviews without emails.';
comment on column public.reviews.shopify_product_id is 'The Shopify product (not variant) reviewed; reviews and the rating summary are per product.';
comment on column public.reviews.order_id is 'The order the verification token belonged to (verified purchases only).';
comment on column public.reviews.review_request_id is 'The review request whose token verified this review; at most one review per product per request.';
comment on column public.reviews.author_email is 'The reviewer''s address, lowercased. Readable by the workspace''s members, never by anon.';
comment on column public.reviews.verified_purchase is 'True only when a valid, unused review request token for an order containing this product came with the review (or the import source said so).';
comment on column public.reviews.imported_from is 'Source system of an imported review (yotpo, judgeme, ...); with original_id the import''s idempotency key.';
comment on column public.reviews.helpful_count is 'Helpful votes in review_votes, kept by trigger.';
comment on column public.reviews.unhelpful_count is 'Unhelpful votes in review_votes, kept by trigger.';
comment on column public.reviews.submitted_at is 'When the customer wrote it (the source''s date for imports); the storefront''s "newest" order.';
comment on column public.reviews.published_at is 'When it was first published.';
comment on column public.reviews.moderated_by is 'The member who last changed the status (null for service_role and imports).';
create index reviews_order_idx on public.reviews (order_id, workspace_id);
create index reviews_moderated_by_idx on public.reviews (moderated_by);
create index reviews_moderation_queue_idx on public.reviews (workspace_id, status, submitted_at desc);
-- One index per storefront ordering, published reviews only.
create index reviews_published_newest_idx on public.reviews (workspace_id, shopify_product_id, submitted_at desc, id desc)
  where status = 'published';
create index reviews_published_highest_idx on public.reviews (workspace_id, shopify_product_id, rating desc, submitted_at desc, id desc)
  where status = 'published';
create index reviews_published_lowest_idx on public.reviews (workspace_id, shopify_product_id, rating, submitted_at desc, id desc)
  where status = 'published';
create index reviews_published_helpful_idx on public.reviews (workspace_id, shopify_product_id, helpful_count desc, submitted_at desc, id desc)
  where status = 'published';
create trigger set_updated_at before update on public.reviews
  for each row execute function private.set_updated_at();

-- Status changes: never back to pending; stamp who moderated and when; first publication time.
create function private.review_status_stamp() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.status = 'published' then
      new.published_at := coalesce(new.published_at, now());
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if new.status = 'pending' then
      raise exception 'a moderated review cannot go back to pending' using errcode = 'PT409';
    end if;
    new.moderated_at := now();
    new.moderated_by := (select auth.uid());
    if new.status = 'published' then
      new.published_at := coalesce(old.published_at, now());
    end if;
  end if;
  return new;
end $$;
comment on function private.review_status_stamp() is 'BEFORE INSERT / UPDATE OF status on reviews: refuses a return to pending (PT409), stamps moderated_at/by and the first published_at.';
create trigger review_status_stamp before insert or update of status on public.reviews
  for each row execute function private.review_status_stamp();

-- Every status change (and every deletion) is in public.audit_log; the author's email is left out.
create trigger audit after update of status or delete on public.reviews
  for each row execute function private.audit_row('author_email');

-- ===== the product rating summary, kept by triggers (the storefront never scans reviews for it)
create table public.product_rating_summaries (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_product_id text not null check (char_length(shopify_product_id) between 1 and 64),
  review_count integer not null default 0 check (review_count >= 0),
  rating_sum bigint not null default 0,
  rating_1 integer not null default 0 check (rating_1 >= 0),
  rating_2 integer not null default 0 check (rating_2 >= 0),
  rating_3 integer not null default 0 check (rating_3 >= 0),
  rating_4 integer not null default 0 check (rating_4 >= 0),
  rating_5 integer not null default 0 check (rating_5 >= 0),
  average_rating numeric(3, 2) generated always as
    (case when review_count > 0 then round(rating_sum::numeric / review_count, 2) end) stored,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, shopify_product_id),
  constraint product_rating_summaries_consistent check (
    review_count = rating_1 + rating_2 + rating_3 + rating_4 + rating_5
    and rating_sum = rating_1 + 2 * rating_2 + 3 * rating_3 + 4 * rating_4 + 5 * rating_5)
);
comment on table public.product_rating_summaries is 'Published reviews per product: count, distribution and average. Kept by triggers on reviews (insert, status, rating or product changes, delete); read by the storefront''s product_rating(s) RPCs. Read-only for API roles.';
comment on column public.product_rating_summaries.rating_sum is 'Sum of the published ratings (average = rating_sum / review_count).';
comment on column public.product_rating_summaries.rating_1 is 'Published 1-star reviews (rating_2 .. rating_5 likewise).';
comment on column public.product_rating_summaries.average_rating is 'rating_sum / review_count rounded to 2 decimals; null without reviews.';
create trigger set_updated_at before update on public.product_rating_summaries
  for each row execute function private.set_updated_at();

-- Adds signed contributions (+1 for a published review that appeared, -1 for one that went) to
-- the summaries: existing rows are updated; products without a row get one (an INSERT checks its
-- candidate row before ON CONFLICT, so negative deltas must never take the insert path). Workspaces
-- being deleted are skipped (their summaries go with them).
create function private.apply_rating_deltas(p_workspace uuid[], p_product text[], p_rating smallint[], p_sign integer[])
returns void
language sql volatile security definer set search_path = '' as $$
  with d as (
    select x.ws, x.product, sum(x.sign)::integer as n, sum(x.sign * x.rating)::bigint as total,
           coalesce(sum(x.sign) filter (where x.rating = 1), 0)::integer as r1,
           coalesce(sum(x.sign) filter (where x.rating = 2), 0)::integer as r2,
           coalesce(sum(x.sign) filter (where x.rating = 3), 0)::integer as r3,
           coalesce(sum(x.sign) filter (where x.rating = 4), 0)::integer as r4,
           coalesce(sum(x.sign) filter (where x.rating = 5), 0)::integer as r5
    from unnest(p_workspace, p_product, p_rating, p_sign) as x (ws, product, rating, sign)
    where exists (select 1 from public.workspaces w where w.id = x.ws)
    group by x.ws, x.product
  ), upd as (
    update public.product_rating_summaries s set
      review_count = s.review_count + d.n, rating_sum = s.rating_sum + d.total,
      rating_1 = s.rating_1 + d.r1, rating_2 = s.rating_2 + d.r2, rating_3 = s.rating_3 + d.r3,
      rating_4 = s.rating_4 + d.r4, rating_5 = s.rating_5 + d.r5
    from d
    where s.workspace_id = d.ws and s.shopify_product_id = d.product
    returning s.workspace_id, s.shopify_product_id
  )
  insert into public.product_rating_summaries as s
    (workspace_id, shopify_product_id, review_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5)
  select d.ws, d.product, d.n, d.total, d.r1, d.r2, d.r3, d.r4, d.r5
  from d
  where not exists (select 1 from upd u where u.workspace_id = d.ws and u.shopify_product_id = d.product)
  order by d.ws, d.product
  -- a concurrent transaction created the row meanwhile
  on conflict (workspace_id, shopify_product_id) do update set
    review_count = s.review_count + excluded.review_count,
    rating_sum = s.rating_sum + excluded.rating_sum,
    rating_1 = s.rating_1 + excluded.rating_1, rating_2 = s.rating_2 + excluded.rating_2,
    rating_3 = s.rating_3 + excluded.rating_3, rating_4 = s.rating_4 + excluded.rating_4,
    rating_5 = s.rating_5 + excluded.rating_5
$$;
comment on function private.apply_rating_deltas(uuid[], text[], smallint[], integer[]) is 'Adds signed per-review contributions to product_rating_summaries (used by the reviews triggers).';

-- Inserted rows count +1, deleted rows -1: both statement triggers name their transition table
-- changed_rows, so one function serves both.
create function private.review_summary_on_rows() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_rating_deltas(array_agg(c.workspace_id), array_agg(c.shopify_product_id), array_agg(c.rating),
                                      array_agg(case tg_op when 'INSERT' then 1 else -1 end))
  from changed_rows c where c.status = 'published'
  having count(*) > 0;
  return null;
end $$;
comment on function private.review_summary_on_rows() is 'AFTER INSERT / AFTER DELETE (per statement) on reviews: adds the published rows to the rating summary, or takes them out.';
create trigger review_summary_on_insert after insert on public.reviews
  referencing new table as changed_rows for each statement execute function private.review_summary_on_rows();
create trigger review_summary_on_delete after delete on public.reviews
  referencing old table as changed_rows for each statement execute function private.review_summary_on_rows();

create function private.review_summary_on_update() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_rating_deltas(array_agg(d.ws), array_agg(d.product), array_agg(d.rating), array_agg(d.sign))
  from (values (old.workspace_id, old.shopify_product_id, old.rating, -1, old.status),
               (new.workspace_id, new.shopify_product_id, new.rating, 1, new.status)) d (ws, product, rating, sign, status)
  where d.status = 'published'
  having count(*) > 0;
  return null;
end $$;
comment on function private.review_summary_on_update() is 'AFTER UPDATE (per row, only when status, rating or product changed) on reviews: moves the review''s contribution in the rating summary.';
create trigger review_summary_on_update after update of status, rating, shopify_product_id on public.reviews
  for each row when (old.status is distinct from new.status or old.rating is distinct from new.rating
                     or old.shopify_product_id is distinct from new.shopify_product_id)
  execute function private.review_summary_on_update();

-- ===== votes: one per voter per review; the review's counters follow by trigger
create table public.review_votes (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  review_id uuid not null,
  voter_id uuid not null,
  kind public.review_vote_kind not null,
  created_at timestamptz not null default now(),
  unique (review_id, workspace_id, voter_id),
  foreign key (workspace_id, review_id) references public.reviews (workspace_id, id) on delete cascade
);
comment on table public.review_votes is 'Helpfulness votes from storefront visitors (public.vote_review): one per voter per review. Members may delete votes (vote stuffing); counters on reviews follow.';
comment on column public.review_votes.voter_id is 'The storefront''s anonymous visitor id (a uuid kept in the browser).';
create index review_votes_workspace_created_idx on public.review_votes (workspace_id, created_at desc);

create function private.count_review_vote() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update public.reviews set helpful_count = helpful_count - (old.kind = 'helpful')::integer,
                              unhelpful_count = unhelpful_count - (old.kind = 'unhelpful')::integer
    where id = old.review_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.reviews set helpful_count = helpful_count + (new.kind = 'helpful')::integer,
                              unhelpful_count = unhelpful_count + (new.kind = 'unhelpful')::integer
    where id = new.review_id;
  end if;
  return null;
end $$;
comment on function private.count_review_vote() is 'AFTER INSERT/UPDATE/DELETE on review_votes: keeps reviews.helpful_count and unhelpful_count equal to the votes.';
create trigger count_review_vote after insert or delete or update of kind, review_id on public.review_votes
  for each row execute function private.count_review_vote();

-- ===== the store's public replies
create table public.review_responses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  review_id uuid not null,
  author_name text not null constraint review_responses_author_name_length check (char_length(btrim(author_name)) between 1 and 100),
  body text not null constraint review_responses_body_length check (char_length(btrim(body)) between 1 and 5000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (review_id, workspace_id),
  foreign key (workspace_id, review_id) references public.reviews (workspace_id, id) on delete cascade
);
comment on table public.review_responses is 'The store''s public reply to a review (one per review), shown under it on the storefront once the review is published. Members write them.';
comment on column public.review_responses.author_name is 'Shown as the reply''s author, e.g. "The Demo Brand team".';
comment on column public.review_responses.created_by is 'The member who wrote it.';
create index review_responses_created_by_idx on public.review_responses (created_by);
create index review_responses_workspace_idx on public.review_responses (workspace_id, created_at desc);
create trigger set_updated_at before update on public.review_responses
  for each row execute function private.set_updated_at();

-- ===== review media: Mux videos, linked when Mux reports the asset ready
create table public.review_media (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  review_id uuid not null,
  status public.review_media_status not null default 'waiting',
  mux_upload_id text unique check (char_length(mux_upload_id) between 1 and 128),
  mux_asset_id text unique check (char_length(mux_asset_id) between 1 and 128),
  mux_playback_id text check (char_length(mux_playback_id) between 1 and 128),
  duration_seconds numeric(10, 3) check (duration_seconds >= 0),
  aspect_ratio text check (aspect_ratio ~ '^\d{1,5}:\d{1,5}$'),
  position smallint not null default 0 check (position between 0 and 20),
  error text check (char_length(error) <= 2000),
  ready_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint review_media_mux_reference check (mux_upload_id is not null or mux_asset_id is not null),
  foreign key (workspace_id, review_id) references public.reviews (workspace_id, id) on delete cascade
);
comment on table public.review_media is 'Videos attached to reviews, hosted by Mux. A row names its Mux direct upload or asset; Mux webhooks (stored by the webhooks function in private.webhook_events) fill in the asset, playback id and duration and mark it ready. The storefront shows ready media of published reviews.';
comment on column public.review_media.mux_upload_id is 'Mux direct upload id, when the video was uploaded through one (linked to its asset by video.upload.asset_created).';
comment on column public.review_media.mux_asset_id is 'Mux asset id; Mux events about it update this row.';
comment on column public.review_media.mux_playback_id is 'Mux playback id (the public one when the asset has several), set when the asset is ready.';
comment on column public.review_media.duration_seconds is 'Video length reported by Mux.';
comment on column public.review_media.position is 'Display order among the review''s media.';
create index review_media_review_idx on public.review_media (review_id, workspace_id);
create index review_media_workspace_idx on public.review_media (workspace_id, created_at desc);
create trigger set_updated_at before update on public.review_media
  for each row execute function private.set_updated_at();

-- One Mux event (the payload's data object) applied to review_media; returns the rows changed.
-- Matches by asset id, by the direct upload id, or by passthrough = review_media.id.
create function private.apply_mux_event(p_type text, p_data jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  asset text := p_data ->> 'id';
  upload text := p_data ->> 'upload_id';
  media_id uuid := case when p_data ->> 'passthrough' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        then (p_data ->> 'passthrough')::uuid end;
  playback text;
begin
  if p_type = 'video.upload.asset_created' then
    update public.review_media m set mux_asset_id = p_data ->> 'asset_id'
    where m.mux_upload_id = asset and p_data ->> 'asset_id' is not null
      and m.mux_asset_id is distinct from p_data ->> 'asset_id';
    get diagnostics n = row_count;
  elsif p_type in ('video.asset.created', 'video.asset.ready', 'video.asset.errored', 'video.asset.deleted') then
    select pb ->> 'id' into playback
    from jsonb_array_elements(case when jsonb_typeof(p_data -> 'playback_ids') = 'array' then p_data -> 'playback_ids' else '[]' end) pb
    order by (pb ->> 'policy' = 'public') desc nulls last
    limit 1;
    update public.review_media m set
      mux_asset_id = coalesce(m.mux_asset_id, asset),
      status = case when m.status = 'deleted' or p_type = 'video.asset.deleted' then 'deleted'
                    when p_type = 'video.asset.ready' then 'ready'
                    when p_type = 'video.asset.errored' then 'errored'
                    else m.status end::public.review_media_status,
      mux_playback_id = coalesce(left(playback, 128), m.mux_playback_id),
      duration_seconds = case when jsonb_typeof(p_data -> 'duration') = 'number'
                              then round((p_data ->> 'duration')::numeric, 3) else m.duration_seconds end,
      aspect_ratio = case when p_data ->> 'aspect_ratio' ~ '^\d{1,5}:\d{1,5}$' then p_data ->> 'aspect_ratio' else m.aspect_ratio end,
      error = case when p_type = 'video.asset.errored'
                   then left(coalesce((select string_agg(e, '; ') from jsonb_array_elements_text(
                          case when jsonb_typeof(p_data #> '{errors,messages}') = 'array' then p_data #> '{errors,messages}' else '[]' end) e),
                          p_data #>> '{errors,type}', 'Mux could not process the video'), 2000)
                   else m.error end,
      ready_at = case when p_type = 'video.asset.ready' then coalesce(m.ready_at, now()) else m.ready_at end
    where m.mux_asset_id = asset or (upload is not null and m.mux_upload_id = upload) or m.id = media_id;
    get diagnostics n = row_count;
  end if;
  return n;
end $$;
comment on function private.apply_mux_event(text, jsonb) is 'Applies one Mux webhook event (type and data) to review_media: links uploads to assets, marks assets ready (playback id, duration, aspect ratio), errored or deleted. Returns the rows changed.';

-- Mux events arrive verified and deduplicated in private.webhook_events (the webhooks function);
-- each new one is applied here, in the same transaction. A failure marks the event failed.
create function private.process_mux_review_media() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  begin
    perform private.apply_mux_event(new.topic, coalesce(new.payload -> 'data', '{}'::jsonb));
  exception when others then
    update private.webhook_events set status = 'failed', error = left('review media: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $$;
comment on function private.process_mux_review_media() is 'AFTER INSERT on private.webhook_events for Mux events: updates review_media; marks the event failed if that raises.';
create trigger process_mux_review_media after insert on private.webhook_events
  for each row when (new.provider = 'mux') execute function private.process_mux_review_media();

-- ===== storefront (anon): what the RPCs return
create type public.product_reviews_row as (
  id uuid,
  shopify_product_id text,
  rating smallint,
  title text,
  body text,
  author_name text,
  verified_purchase boolean,
  helpful_count integer,
  unhelpful_count integer,
  submitted_at timestamptz,
  response_body text,
  response_author_name text,
  responded_at timestamptz,
  media jsonb
);
comment on type public.product_reviews_row is 'A published review as the storefront sees it (product_reviews): no email, order, status or moderation data. Never null: id, shopify_product_id, rating, body, author_name, verified_purchase, helpful_count, unhelpful_count, submitted_at, media (an array of {playback_id, duration_seconds, aspect_ratio}, empty without ready videos). NULL: title when none was given; response_* without a store reply.';

create type public.product_rating_row as (
  shopify_product_id text,
  review_count integer,
  average_rating numeric,
  rating_1 integer,
  rating_2 integer,
  rating_3 integer,
  rating_4 integer,
  rating_5 integer
);
comment on type public.product_rating_row is 'A product''s published-review summary (product_rating, product_ratings). Never null: shopify_product_id, review_count and rating_1 .. rating_5 (0 without reviews). NULL: average_rating without reviews.';

create function private.anon_product_reviews(p_workspace_id uuid, p_shopify_product_id text, p_sort public.review_sort,
                                             p_limit integer, p_offset integer)
returns setof public.product_reviews_row
language plpgsql stable security definer set search_path = '' as $$
declare
  ids uuid[];
begin
  -- One static query per ordering, so each uses its own partial index.
  if p_sort = 'highest_rating' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.rating desc, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  elsif p_sort = 'lowest_rating' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.rating, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  elsif p_sort = 'most_helpful' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.helpful_count desc, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  else
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  end if;
  return query
  select r.id, r.shopify_product_id, r.rating, r.title, r.body, r.author_name, r.verified_purchase,
         r.helpful_count, r.unhelpful_count, r.submitted_at,
         resp.body, resp.author_name, resp.created_at,
         coalesce((select jsonb_agg(jsonb_build_object('playback_id', m.mux_playback_id, 'duration_seconds', m.duration_seconds,
                                                       'aspect_ratio', m.aspect_ratio) order by m.position, m.created_at)
                   from public.review_media m
                   where m.review_id = r.id and m.status = 'ready' and m.mux_playback_id is not null), '[]'::jsonb)
  from unnest(ids) with ordinality as page (id, n)
  join public.reviews r on r.id = page.id
  left join public.review_responses resp on resp.review_id = r.id
  order by page.n;
end $$;
comment on function private.anon_product_reviews(uuid, text, public.review_sort, integer, integer) is 'Definer half of public.product_reviews: one page of a product''s published reviews with replies and ready media.';

create function private.anon_product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
returns setof public.product_rating_row
language sql stable security definer set search_path = '' as $$
  select pid, coalesce(s.review_count, 0), s.average_rating, coalesce(s.rating_1, 0), coalesce(s.rating_2, 0),
         coalesce(s.rating_3, 0), coalesce(s.rating_4, 0), coalesce(s.rating_5, 0)
  from unnest(p_shopify_product_ids) with ordinality as p (pid, n)
  left join public.product_rating_summaries s on s.workspace_id = p_workspace_id and s.shopify_product_id = p.pid
  order by p.n
$$;
comment on function private.anon_product_ratings(uuid, text[]) is 'Definer half of public.product_rating(s): summary rows by primary key, zeros for products without published reviews.';

-- A review from the storefront. A token verifies the purchase when it belongs to a sent or
-- opened request of this workspace, has not expired, the order contained the product, and no
-- review of that product was verified with it before; anything else (forged, reused, expired,
-- another product) leaves the review unverified. Verified reviews publish at once when the
-- workspace says so; all others wait for moderation.
create function private.anon_submit_review(p_workspace_id uuid, p_shopify_product_id text, p_rating integer, p_title text,
                                           p_body text, p_author_name text, p_author_email text, p_token text)
returns table (review_id uuid, status public.review_status, verified_purchase boolean)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  s public.review_settings;
  req public.review_requests;
  verified boolean := false;
  st public.review_status := 'pending'::public.review_status;
  rid uuid := gen_random_uuid();
begin
  if not exists (select 1 from public.products p where p.workspace_id = p_workspace_id
                 and p.shopify_product_id = p_shopify_product_id and p.status = 'active') then
    raise exception 'this shop has no product %', p_shopify_product_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('review_submit', p_workspace_id::text);
  s := private.review_settings_for(p_workspace_id);

  if p_token ~ '^[0-9a-f]{64}$' then
    -- The request row lock serializes two submissions carrying the same token.
    select r.* into req
    from private.review_request_tokens t
    join public.review_requests r on r.id = t.request_id
    where t.token_hash = extensions.digest(p_token, 'sha256') and t.expires_at > now()
      and r.workspace_id = p_workspace_id and r.status in ('sent', 'opened')
    for update of r;
    verified := found and p_shopify_product_id = any (req.shopify_product_ids)
      and not exists (select 1 from public.reviews x
                      where x.review_request_id = req.id and x.shopify_product_id = p_shopify_product_id);
  end if;
  if verified and s.auto_publish_verified then
    st := 'published';
  end if;

  insert into public.reviews (id, workspace_id, shopify_product_id, order_id, review_request_id, author_name, author_email,
                              rating, title, body, status, verified_purchase)
  values (rid, p_workspace_id, p_shopify_product_id, case when verified then req.order_id end,
          case when verified then req.id end, p_author_name, p_author_email, p_rating, p_title, p_body, st, verified);

  if verified then
    if not exists (select 1 from unnest(req.shopify_product_ids) pid
                   where not exists (select 1 from public.reviews x where x.review_request_id = req.id and x.shopify_product_id = pid)) then
      update public.review_requests set status = 'completed' where id = req.id;
    elsif req.status = 'sent' then
      update public.review_requests set status = 'opened' where id = req.id;
    end if;
  end if;
  return query select rid, st, verified;
end $$;
comment on function private.anon_submit_review(uuid, text, integer, text, text, text, text, text) is 'Definer half of public.submit_review: checks the product, the rate limit and the token; stores the review pending (or published when verified and auto-published); completes the request when every product is reviewed.';

create function private.anon_vote_review(p_review_id uuid, p_voter_id uuid, p_kind public.review_vote_kind)
returns table (review_id uuid, helpful_count integer, unhelpful_count integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  ws uuid;
begin
  select r.workspace_id into ws from public.reviews r where r.id = p_review_id and r.status = 'published';
  if not found then
    raise exception 'review % not found', p_review_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('review_vote', ws::text);
  insert into public.review_votes (workspace_id, review_id, voter_id, kind) values (ws, p_review_id, p_voter_id, p_kind)
  on conflict (review_id, workspace_id, voter_id) do nothing;
  if not found then
    raise exception 'you have already voted on this review' using errcode = 'PT409';
  end if;
  return query select r.id, r.helpful_count, r.unhelpful_count from public.reviews r where r.id = p_review_id;
end $$;
comment on function private.anon_vote_review(uuid, uuid, public.review_vote_kind) is 'Definer half of public.vote_review: one vote per voter per published review, rate limited per address.';

-- What the review form needs from a review request link; marks the request opened.
create type public.open_review_request_row as (
  workspace_id uuid,
  order_number text,
  products jsonb,
  expires_at timestamptz
);
comment on type public.open_review_request_row is 'A review link''s form (open_review_request). Never null: workspace_id, products ([{shopify_product_id, title, reviewed}]), expires_at. NULL: order_number when the order has none.';

create function private.anon_open_review_request(p_token text)
returns public.open_review_request_row
language plpgsql volatile security definer set search_path = '' as $$
declare
  req public.review_requests;
  exp timestamptz;
  f public.open_review_request_row;
begin
  select r.* into req
  from private.review_request_tokens t join public.review_requests r on r.id = t.request_id
  where t.token_hash = extensions.digest(p_token, 'sha256')
  for update of r;
  if req.id is null or req.status not in ('sent', 'opened', 'expired') then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  select t.expires_at into exp from private.review_request_tokens t where t.request_id = req.id;
  if exp <= now() or req.status = 'expired' then
    raise exception 'this review link expired on %', to_char(exp at time zone 'UTC', 'YYYY-MM-DD')
      using errcode = 'PT410', hint = 'you can still write a review from the product page';
  end if;
  if req.status = 'sent' then
    update public.review_requests set status = 'opened' where id = req.id;
  end if;
  select req.workspace_id, o.order_number,
         coalesce((select jsonb_agg(jsonb_build_object(
                    'shopify_product_id', pid,
                    'title', (select p.title from public.products p
                              where p.workspace_id = req.workspace_id and p.shopify_product_id = pid order by p.created_at, p.shopify_variant_id limit 1),
                    'reviewed', exists (select 1 from public.reviews x where x.review_request_id = req.id and x.shopify_product_id = pid))
                    order by pid)
                   from unnest(req.shopify_product_ids) pid), '[]'::jsonb),
         exp
    into f
  from public.orders o where o.id = req.order_id;
  return f;
end $$;
comment on function private.anon_open_review_request(text) is 'Definer half of public.open_review_request: resolves a review link''s token to its form and marks the request opened.';

-- ===== the public storefront RPCs (SECURITY INVOKER: validate, then call the definer half)
create function public.product_reviews(p_workspace_id uuid, p_shopify_product_id text,
                                       p_sort public.review_sort default 'newest', p_limit integer default 10,
                                       p_offset integer default 0)
returns setof public.product_reviews_row
language plpgsql stable set search_path = '' as $$
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
  return query select * from private.anon_product_reviews(p_workspace_id, p_shopify_product_id,
                                                          coalesce(p_sort, 'newest'), p_limit, p_offset);
end $$;
comment on function public.product_reviews(uuid, text, public.review_sort, integer, integer) is 'Storefront (anon): a page of a product''s published reviews, newest first or by rating or helpfulness; p_limit 1-50 (PT413 above), p_offset 0-10000.';

create function public.product_rating(p_workspace_id uuid, p_shopify_product_id text)
returns public.product_rating_row
language plpgsql stable set search_path = '' as $$
declare
  r public.product_rating_row;
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  select * into r from private.anon_product_ratings(p_workspace_id, array[p_shopify_product_id]);
  return r;
end $$;
comment on function public.product_rating(uuid, text) is 'Storefront (anon): one product''s rating summary (count, average, 1-5 distribution) from the maintained summary.';

create function public.product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
returns setof public.product_rating_row
language plpgsql stable set search_path = '' as $$
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
  return query select * from private.anon_product_ratings(p_workspace_id, p_shopify_product_ids);
end $$;
comment on function public.product_ratings(uuid, text[]) is 'Storefront (anon): rating summaries of up to 100 products (collection pages), in the order asked.';

create function public.submit_review(p_workspace_id uuid, p_shopify_product_id text, p_rating integer, p_body text,
                                     p_author_name text, p_author_email text, p_title text default null,
                                     p_token text default null)
returns table (review_id uuid, status public.review_status, verified_purchase boolean)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
declare
  email text := lower(btrim(p_author_email));
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_rating is null or p_rating not between 1 and 5 then
    raise exception 'rating must be a whole number from 1 to 5' using errcode = '22023';
  end if;
  if p_body is null or char_length(btrim(p_body)) not between 1 and 5000 then
    raise exception 'the review text is required and may be at most 5000 characters' using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) > 150 then
    raise exception 'the title may be at most 150 characters' using errcode = '22023';
  end if;
  if p_author_name is null or char_length(btrim(p_author_name)) not between 1 and 100 then
    raise exception 'your name is required (at most 100 characters)' using errcode = '22023';
  end if;
  if email is null or char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'a valid email address is required' using errcode = '22023';
  end if;
  return query select * from private.anon_submit_review(p_workspace_id, p_shopify_product_id, p_rating,
    nullif(btrim(p_title), ''), btrim(p_body), btrim(p_author_name), email, lower(btrim(p_token)));
end $$;
comment on function public.submit_review(uuid, text, integer, text, text, text, text, text) is 'Storefront (anon): submit a review. With a review link''s token it is a verified purchase (published at once if the workspace auto-publishes verified reviews); otherwise it waits for moderation. 22023 invalid input, PT404 unknown product, PT429 rate limited (5 per hour per address and shop).';

create function public.vote_review(p_review_id uuid, p_voter_id uuid, p_kind public.review_vote_kind)
returns table (review_id uuid, helpful_count integer, unhelpful_count integer)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
begin
  if p_review_id is null or p_voter_id is null or p_kind is null then
    raise exception 'p_review_id, p_voter_id and p_kind are required' using errcode = '22023';
  end if;
  return query select * from private.anon_vote_review(p_review_id, p_voter_id, p_kind);
end $$;
comment on function public.vote_review(uuid, uuid, public.review_vote_kind) is 'Storefront (anon): vote a published review helpful or unhelpful, once per voter; returns the new counts. PT404 unknown review, PT409 already voted, PT429 rate limited (60 per hour per address and shop).';

create function public.open_review_request(p_token text)
returns public.open_review_request_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_token is null or lower(btrim(p_token)) !~ '^[0-9a-f]{64}$' then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  return private.anon_open_review_request(lower(btrim(p_token)));
end $$;
comment on function public.open_review_request(text) is 'Storefront (anon): the review form behind a review link (shop, order number, products, expiry); marks the request opened. PT404 for an unknown or used-up link, PT410 for an expired one.';

-- ===== members: moderation and imports
create function public.moderate_reviews(p_workspace_id uuid, p_review_ids uuid[], p_status public.review_status,
                                        p_note text default null)
returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
  wanted integer;
begin
  if p_workspace_id is null or p_review_ids is null or cardinality(p_review_ids) = 0 or p_status is null then
    raise exception 'p_workspace_id, p_review_ids and p_status are required' using errcode = '22023';
  end if;
  if p_status = 'pending' then
    raise exception 'reviews can be published, rejected or marked spam, not sent back to pending' using errcode = '22023';
  end if;
  if char_length(p_note) > 2000 then
    raise exception 'the moderation note may be at most 2000 characters' using errcode = '22023';
  end if;
  perform private.require_batch_size('reviews', cardinality(p_review_ids), 500);
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  select count(distinct x) into wanted from unnest(p_review_ids) x;
  update public.reviews set status = p_status, moderation_note = coalesce(p_note, moderation_note)
  where workspace_id = p_workspace_id and id = any (p_review_ids);
  get diagnostics n = row_count;
  if n < wanted then
    raise exception '% of the % reviews were not found in this workspace; nothing was changed', wanted - n, wanted
      using errcode = 'PT404';
  end if;
  return n;
end $$;
comment on function public.moderate_reviews(uuid, uuid[], public.review_status, text) is 'Members: publish, reject or mark spam up to 500 reviews at once (all or nothing), with an optional note; each change is audited. 22023 bad input, 42501 not a member, PT404 an id is not a review of the workspace, PT413 over 500.';

-- One element of import_reviews' batch: the first problem as 'field: reason', or null.
create function private.review_import_problem(o jsonb) returns text
language plpgsql stable set search_path = '' as $$
begin
  if jsonb_typeof(o) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(o ->> 'imported_from', '') !~ '^[a-z0-9_-]{1,32}$' then
    return 'imported_from: is required (lowercase letters, digits, _ or -, at most 32)';
  end if;
  if coalesce(jsonb_typeof(o -> 'original_id'), '') not in ('string', 'number') or char_length(o ->> 'original_id') not between 1 and 128 then
    return 'original_id: is required (at most 128 characters)';
  end if;
  if coalesce(jsonb_typeof(o -> 'shopify_product_id'), '') not in ('string', 'number') or (o ->> 'shopify_product_id') !~ '^\S{1,64}$' then
    return 'shopify_product_id: is required (1-64 characters)';
  end if;
  if not private.is_whole_number(o -> 'rating', 1) or (o ->> 'rating')::numeric > 5 then
    return 'rating: must be a whole number from 1 to 5';
  end if;
  if o ->> 'author_name' is not null and char_length(btrim(o ->> 'author_name')) not between 1 and 100 then
    return 'author_name: must be 1-100 characters';
  end if;
  if o ->> 'author_email' is not null and (char_length(o ->> 'author_email') > 254
     or btrim(o ->> 'author_email') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    return 'author_email: is not a valid address';
  end if;
  if char_length(o ->> 'title') > 150 then
    return 'title: may be at most 150 characters';
  end if;
  if char_length(o ->> 'body') > 5000 then
    return 'body: may be at most 5000 characters';
  end if;
  if o ->> 'status' is not null and not (o ->> 'status' = any (enum_range(null::public.review_status)::text[])) then
    return 'status: is not one of pending, published, rejected, spam';
  end if;
  if o -> 'verified_purchase' is not null and jsonb_typeof(o -> 'verified_purchase') not in ('boolean', 'null') then
    return 'verified_purchase: must be true or false';
  end if;
  if o ->> 'submitted_at' is not null and not private.is_timestamptz(o ->> 'submitted_at') then
    return 'submitted_at: is not a timestamp';
  end if;
  return null;
end $$;
comment on function private.review_import_problem(jsonb) is 'Validates one element of import_reviews'' batch; returns ''field: reason'' or null.';

create function private.import_reviews(p_workspace_id uuid, p_reviews jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  n_ins integer;
  n_upd integer;
  total integer := jsonb_array_length(p_reviews);
begin
  if (select auth.role()) = 'authenticated' then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  with src as (
    select btrim(o ->> 'imported_from') as imported_from, btrim(o ->> 'original_id') as original_id,
           btrim(o ->> 'shopify_product_id') as shopify_product_id, (o ->> 'rating')::smallint as rating,
           nullif(btrim(o ->> 'title'), '') as title, coalesce(btrim(o ->> 'body'), '') as body,
           coalesce(nullif(btrim(o ->> 'author_name'), ''), 'Anonymous') as author_name,
           lower(nullif(btrim(o ->> 'author_email'), '')) as author_email,
           coalesce((o ->> 'status')::public.review_status, 'published') as status,
           coalesce((o ->> 'verified_purchase')::boolean, false) as verified_purchase,
           coalesce((o ->> 'submitted_at')::timestamptz, now()) as submitted_at
    from jsonb_array_elements(p_reviews) o
  ), up as (
    insert into public.reviews as t (workspace_id, imported_from, original_id, shopify_product_id, rating, title, body,
                                     author_name, author_email, status, verified_purchase, submitted_at, published_at)
    select p_workspace_id, s.imported_from, s.original_id, s.shopify_product_id, s.rating, s.title, s.body, s.author_name,
           s.author_email, s.status, s.verified_purchase, s.submitted_at,
           case when s.status = 'published' then s.submitted_at end
    from src s
    order by s.imported_from, s.original_id
    -- Re-imports refresh the content; the status stays as moderation left it.
    on conflict (workspace_id, imported_from, original_id) do update set
      shopify_product_id = excluded.shopify_product_id, rating = excluded.rating, title = excluded.title,
      body = excluded.body, author_name = excluded.author_name, author_email = excluded.author_email,
      verified_purchase = excluded.verified_purchase, submitted_at = excluded.submitted_at
    where (t.shopify_product_id, t.rating, t.title, t.body, t.author_name, t.author_email, t.verified_purchase, t.submitted_at)
      is distinct from (excluded.shopify_product_id, excluded.rating, excluded.title, excluded.body, excluded.author_name,
                        excluded.author_email, excluded.verified_purchase, excluded.submitted_at)
    returning (t.xmax = 0) as was_insert
  )
  select count(*) filter (where was_insert), count(*) filter (where not was_insert) into n_ins, n_upd from up;
  return query select n_ins, n_upd, total - n_ins - n_upd;
end $$;
comment on function private.import_reviews(uuid, jsonb) is 'Definer half of public.import_reviews: idempotent upsert keyed by (imported_from, original_id).';

create function public.import_reviews(p_workspace_id uuid, p_reviews jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_reviews) is distinct from 'array' then
    raise exception 'p_reviews must be a JSON array of reviews' using errcode = '22023';
  end if;
  perform private.require_batch_size('reviews', jsonb_array_length(p_reviews), 1000);
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_reviews) with ordinality e loop
    problem := private.review_import_problem(o);
    if problem is not null then
      raise exception 'reviews[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select format('%s/%s', btrim(e.value ->> 'imported_from'), btrim(e.value ->> 'original_id')) into dup
  from jsonb_array_elements(p_reviews) e group by btrim(e.value ->> 'imported_from'), btrim(e.value ->> 'original_id')
  having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'reviews: % appears more than once in the batch', dup using errcode = '22023';
  end if;
  return query select * from private.import_reviews(p_workspace_id, p_reviews);
end $$;
comment on function public.import_reviews(uuid, jsonb) is 'Members and service_role: import up to 1000 reviews from another system (objects with imported_from, original_id, shopify_product_id, rating, title, body, author_name, author_email, status (default published), verified_purchase, submitted_at). Idempotent: re-imports update content, never status. Returns counts inserted, updated, unchanged. 22023 names the first bad row and field; PT413 over 1000.';

-- ===== access
alter table private.rate_limit_rules enable row level security;
alter table private.rate_limit_salt enable row level security;
alter table private.rate_limit_hits enable row level security;
alter table public.reviews enable row level security;
alter table public.product_rating_summaries enable row level security;
alter table public.review_votes enable row level security;
alter table public.review_responses enable row level security;
alter table public.review_media enable row level security;

-- viewers read; members moderate (status and note only), delete reviews and votes, write replies and media
grant select, delete on public.reviews to authenticated;
grant update (status, moderation_note) on public.reviews to authenticated;
grant select on public.product_rating_summaries to authenticated;
grant select, delete on public.review_votes to authenticated;
grant select, delete on public.review_responses to authenticated;
grant insert (workspace_id, review_id, author_name, body), update (author_name, body) on public.review_responses to authenticated;
grant select, insert, update, delete on public.review_media to authenticated;
grant all on public.reviews, public.product_rating_summaries, public.review_votes, public.review_responses,
  public.review_media to service_role;
grant all on private.rate_limit_rules, private.rate_limit_hits to service_role;

select private.tenant_policies('public.reviews', 'viewer', 'member');
select private.tenant_policies('public.review_votes', 'viewer', 'member');
select private.tenant_policies('public.review_responses', 'viewer', 'member');
select private.tenant_policies('public.review_media', 'viewer', 'member');
create policy "viewers read rating summaries" on public.product_rating_summaries for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.product_rating_summaries');

-- The moderation queue updates live.
alter publication supabase_realtime add table public.reviews;

revoke all on function private.client_ip() from public;
revoke all on function private.hit_rate_limit(text, text) from public;
revoke all on function private.purge_rate_limit_hits() from public;
revoke all on function private.review_status_stamp() from public;
revoke all on function private.apply_rating_deltas(uuid[], text[], smallint[], integer[]) from public;
revoke all on function private.review_summary_on_rows() from public;
revoke all on function private.review_summary_on_update() from public;
revoke all on function private.count_review_vote() from public;
revoke all on function private.apply_mux_event(text, jsonb) from public;
revoke all on function private.process_mux_review_media() from public;
revoke all on function private.anon_product_reviews(uuid, text, public.review_sort, integer, integer) from public;
revoke all on function private.anon_product_ratings(uuid, text[]) from public;
revoke all on function private.anon_submit_review(uuid, text, integer, text, text, text, text, text) from public;
revoke all on function private.anon_vote_review(uuid, uuid, public.review_vote_kind) from public;
revoke all on function private.anon_open_review_request(text) from public;
revoke all on function private.review_import_problem(jsonb) from public;
revoke all on function private.import_reviews(uuid, jsonb) from public;
revoke all on function public.product_reviews(uuid, text, public.review_sort, integer, integer) from public;
revoke all on function public.product_rating(uuid, text) from public;
revoke all on function public.product_ratings(uuid, text[]) from public;
revoke all on function public.submit_review(uuid, text, integer, text, text, text, text, text) from public;
revoke all on function public.vote_review(uuid, uuid, public.review_vote_kind) from public;
revoke all on function public.open_review_request(text) from public;
revoke all on function public.moderate_reviews(uuid, uuid[], public.review_status, text) from public;
revoke all on function public.import_reviews(uuid, jsonb) from public;

grant execute on function
  private.anon_product_reviews(uuid, text, public.review_sort, integer, integer),
  private.anon_product_ratings(uuid, text[]),
  private.anon_submit_review(uuid, text, integer, text, text, text, text, text),
  private.anon_vote_review(uuid, uuid, public.review_vote_kind),
  private.anon_open_review_request(text),
  public.product_reviews(uuid, text, public.review_sort, integer, integer),
  public.product_rating(uuid, text),
  public.product_ratings(uuid, text[]),
  public.submit_review(uuid, text, integer, text, text, text, text, text),
  public.vote_review(uuid, uuid, public.review_vote_kind),
  public.open_review_request(text)
  to anon, authenticated, service_role;
grant execute on function private.review_import_problem(jsonb), private.import_reviews(uuid, jsonb),
  public.moderate_reviews(uuid, uuid[], public.review_status, text), public.import_reviews(uuid, jsonb)
  to authenticated, service_role;
grant execute on function private.apply_mux_event(text, jsonb), private.purge_rate_limit_hits() to service_role;
