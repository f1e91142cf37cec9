-- Keys that identify tenant rows include the tenant, and a tenant row's reference to another
-- tenant object is a foreign key that includes the tenant (issue 21, item 4). ad_metrics_daily was
-- unique on (object_id, day) and its check let object_id name anything when the level's own column
-- was null, so a member of one workspace could insert a row with another workspace's campaign id
-- and make every later ingest of that campaign and day fail. Single-column foreign keys between
-- tenant tables let a row point at another workspace's row in the same way. supabase/tests/
-- 121_tenant_keys.test.sql states both rules against the catalog and names the global exceptions.

-- ===== ad metrics: the level's own object, unique per workspace
alter table public.ad_metrics_daily
  drop constraint ad_metrics_daily_check1,
  add constraint "an ad metric's object is its level's object"
    check (object_id is not distinct from case level when 'account' then ad_account_id when 'campaign' then campaign_id
                                                     when 'ad_group' then ad_group_id else ad_id end),
  drop constraint ad_metrics_daily_object_id_day_key,
  add constraint ad_metrics_daily_workspace_id_object_id_day_key unique (workspace_id, object_id, day);
comment on column public.ad_metrics_daily.object_id is
  'The id of the row''s level object (ad_account_id, campaign_id, ad_group_id or ad_id, which must be set and belongs to the same workspace); one row per workspace, object and day.';

create or replace function public.ingest_ad_metrics(p_workspace_id uuid, p_rows jsonb)
returns table (inserted integer, updated integer)
language plpgsql volatile set search_path = '' as $$
declare
  batch private.ad_metric_row[];
  bad record;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception 'p_rows must be a JSON array of metric rows' using errcode = '22023';
  end if;
  perform private.require_batch_size('metric rows', jsonb_array_length(p_rows), 5000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;

  select array_agg(b) into batch from private.ad_metric_batch(p_workspace_id, p_rows) b;
  select b.idx, b.problem into bad from unnest(batch) b where b.problem is not null order by b.idx limit 1;
  if found then
    raise exception 'rows[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  select min(b.idx) as idx into bad from unnest(batch) b
  group by b.object_id, b.day having count(*) > 1 order by 1 limit 1;
  if found then
    raise exception 'rows[%]: the same object and day appear more than once in the batch', bad.idx using errcode = '22023';
  end if;

  return query
  with up as (
    insert into public.ad_metrics_daily as m (
      workspace_id, platform, level, object_id, ad_account_id, campaign_id, ad_group_id, ad_id, day, currency,
      spend_cents, impressions, clicks, conversions, revenue_cents)
    select p_workspace_id, b.platform, b.level, b.object_id, b.ad_account_id, b.campaign_id, b.ad_group_id, b.ad_id,
           b.day, b.currency, b.spend_cents, b.impressions, b.clicks, b.conversions, b.revenue_cents
    from unnest(batch) b
    on conflict (workspace_id, object_id, day) do update set
      currency = excluded.currency, spend_cents = excluded.spend_cents, impressions = excluded.impressions,
      clicks = excluded.clicks, conversions = excluded.conversions, revenue_cents = excluded.revenue_cents,
      ad_account_id = excluded.ad_account_id, campaign_id = excluded.campaign_id, ad_group_id = excluded.ad_group_id
    returning (m.xmax = 0) as was_insert
  )
  select (count(*) filter (where up.was_insert))::integer, (count(*) filter (where not up.was_insert))::integer from up;
end $$;
comment on function public.ingest_ad_metrics(uuid, jsonb) is 'Upserts a batch of daily metric rows (at most 5,000; PT413 above) for one workspace, keyed by (workspace, object, day); rejects the whole batch (22023, naming row and field) if any row is invalid or names an object not in this workspace. Returns counts inserted and updated. For service_role (connectors) and members.';

-- ===== digital assets: a path is used once per workspace (paths start with the workspace id)
alter table public.digital_assets
  drop constraint "an asset path is used once",
  add constraint "an asset path is used once" unique (workspace_id, storage_path);

-- ===== references between tenant tables hold the workspace
-- Each single-column foreign key below becomes (column, workspace_id) -> parent (id, workspace_id)
-- with the same ON DELETE action (SET NULL clears the column only), keeping its name; the parent
-- gets a unique (workspace_id, id) where it lacks one; the column's plain index becomes
-- (column, workspace_id), in the key's order (unique where the column alone is unique).
-- References that had no foreign key get one.
do $$
declare
  r record;
  old_fk record;
  idx record;
begin
  for r in select * from (values
      ('public.orders', 'customer_id', 'public.customers', 'set null'),
      ('public.order_line_items', 'order_id', 'public.orders', 'cascade'),
      ('public.order_line_items', 'product_id', 'public.products', 'set null'),
      ('public.gift_card_transactions', 'gift_card_product_id', 'public.gift_card_products', 'set null'),
      ('public.gift_card_transactions', 'order_id', 'public.orders', 'set null'),
      ('public.gift_card_emails', 'transaction_id', 'public.gift_card_transactions', 'cascade'),
      ('public.ad_accounts', 'integration_connection_id', 'public.integration_connections', 'set null'),
      ('public.webhook_deliveries', 'endpoint_id', 'public.webhook_endpoints', 'cascade'),
      ('public.knowledge_documents', 'previous_version_id', 'public.knowledge_documents', 'set null'),
      ('public.knowledge_chunks', 'collection_id', 'public.knowledge_collections', 'cascade'),
      ('private.embedding_jobs', 'chunk_id', 'public.knowledge_chunks', 'cascade'),
      ('private.knowledge_chunk_counts', 'collection_id', 'public.knowledge_collections', 'cascade'),
      ('public.survey_responses', 'customer_id', 'public.customers', 'set null'),
      ('public.agent_approvals', 'decision_log_id', 'public.decision_log', 'set null'),
      ('public.customer_identities', 'customer_id', 'public.customers', 'cascade'),
      ('public.conversions', 'customer_id', 'public.customers', 'set null'),
      ('public.conversions', 'order_id', 'public.orders', 'cascade'),
      ('public.attribution_credits', 'conversion_id', 'public.conversions', 'cascade'),
      ('public.experiment_purchases', 'order_id', 'public.orders', 'cascade'),
      ('public.experiment_events', 'order_id', 'public.orders', 'set null'),
      ('public.chat_sessions', 'campaign_id', 'public.campaigns', 'set null'),
      ('public.social_posts', 'campaign_id', 'public.campaigns', 'set null')
    ) v (tbl, col, target, action)
  loop
    if not exists (select 1 from pg_index i where i.indrelid = r.target::regclass and i.indisunique and i.indpred is null
                   and i.indnkeyatts = 2
                   and (select array_agg(a.attname::text order by a.attname) from pg_attribute a
                        where a.attrelid = i.indrelid and a.attnum = any ((i.indkey::int2[])[0:1])) = array['id', 'workspace_id']) then
      execute format('alter table %s add constraint %I unique (workspace_id, id)', r.target,
                     split_part(r.target, '.', 2) || '_workspace_id_id_key');
    end if;
    select f.conname into old_fk from pg_constraint f
    join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
    where f.conrelid = r.tbl::regclass and f.contype = 'f' and cardinality(f.conkey) = 1 and a.attname = r.col;
    if found then
      execute format('alter table %s drop constraint %I', r.tbl, old_fk.conname);
    end if;
    execute format('alter table %s add constraint %I foreign key (%I, workspace_id) references %s (id, workspace_id) on delete %s',
                   r.tbl, coalesce(old_fk.conname, split_part(r.tbl, '.', 2) || '_' || r.col || '_fkey'), r.col, r.target,
                   case r.action when 'set null' then format('set null (%I)', r.col) else r.action end);
    for idx in select i.indexrelid::regclass as name from pg_index i
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
               where i.indrelid = r.tbl::regclass and i.indnatts = 1 and not i.indisunique and a.attname = r.col loop
      execute format('drop index %s', idx.name);
    end loop;
    -- a unique constraint where the column alone is one, so the row still embeds one-to-one
    if exists (select 1 from pg_constraint u where u.conrelid = r.tbl::regclass and u.contype in ('u', 'p')
               and u.conkey = array[(select a.attnum from pg_attribute a where a.attrelid = r.tbl::regclass and a.attname = r.col)]) then
      execute format('alter table %s add constraint %I unique (%I, workspace_id)', r.tbl,
                     split_part(r.tbl, '.', 2) || '_' || r.col || '_workspace_id_key', r.col);
    else
      execute format('create index %I on %s (%I, workspace_id)', split_part(r.tbl, '.', 2) || '_' || r.col || '_workspace_id_idx',
                     r.tbl, r.col);
    end if;
  end loop;
end $$;

-- A visitor's experiment events and purchases name the variant the visitor was assigned: the
-- reference to the assignment includes the variant (the assignment is pinned to the workspace).
create unique index experiment_assignments_variant_key
  on public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id);
alter table public.experiment_events
  drop constraint experiment_events_workspace_id_experiment_id_visitor_id_fkey,
  add constraint experiment_events_workspace_id_experiment_id_visitor_id_fkey
    foreign key (workspace_id, experiment_id, visitor_id, variant_id)
    references public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id) on delete cascade;
drop index public.experiment_events_visitor_idx;
create index experiment_events_visitor_idx on public.experiment_events (workspace_id, experiment_id, visitor_id, variant_id);
alter table public.experiment_purchases
  drop constraint experiment_purchases_workspace_id_experiment_id_visitor_id_fkey,
  add constraint experiment_purchases_workspace_id_experiment_id_visitor_id_fkey
    foreign key (workspace_id, experiment_id, visitor_id, variant_id)
    references public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id) on delete cascade;
drop index public.experiment_purchases_visitor_idx;
create index experiment_purchases_visitor_idx on public.experiment_purchases (workspace_id, experiment_id, visitor_id, variant_id);

comment on column public.chat_sessions.campaign_id is 'The marketing campaign (public.campaigns) of the same workspace a copilot session designs or discusses.';
comment on column public.social_posts.campaign_id is 'The marketing campaign (public.campaigns) of the same workspace the post belongs to.';
comment on column public.experiment_events.order_id is 'For purchases: the order (same workspace); cleared if the order is deleted, the event stays.';
