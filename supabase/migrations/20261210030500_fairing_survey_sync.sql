-- Post-purchase surveys from Fairing, and what customers say brought them as a channel.
-- - An admin stores the workspace's Fairing API key (the api-keys function: encrypted, as the
--   fairing connection's token). The analytics sync pages through Fairing's responses (the first
--   pull: backfill_days; every day: the last recent_days again) and hands each page to
--   private.apply_fairing_page, which writes it through public.import_survey: questions from the
--   responses that name them, responses idempotent by Fairing's response id, each linked to its
--   order by the Shopify order id (and to the customer), and the sync state.
-- - An order that arrives after its survey response links it then (private.link_survey_orders).
-- - A question whose answers name a channel ("How did you hear about us?") is an attribution
--   question (survey_questions.attribution: set on import when the prompt reads like one; members
--   change it). Its answers map to a marketing channel (public.survey_channel_mappings per answer,
--   else a keyword rule), and public.self_reported_attribution sets what customers said against
--   what the attribution model credits for the same orders.

alter table public.survey_questions add column attribution boolean not null default false;
comment on column public.survey_questions.attribution is 'The answers say which channel brought the customer ("How did you hear about us?"): set when a question is first imported and its prompt reads like that; members change it. self_reported_attribution reads these answers.';
grant update (attribution) on public.survey_questions to authenticated;

create function private.survey_question_attribution() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.attribution := new.attribution or new.prompt ~* '(hear about|heard about|find (out about )?us|found us|discover(ed)? us|where did you (first )?(see|hear|learn)|how did you (first )?(learn|find|discover))';
  return new;
end $$;
comment on function private.survey_question_attribution() is 'BEFORE INSERT on survey_questions: a question whose prompt asks how the customer found the brand is an attribution question.';
create trigger survey_question_attribution before insert on public.survey_questions
  for each row execute function private.survey_question_attribution();
update public.survey_questions set attribution = true
where prompt ~* '(hear about|heard about|find (out about )?us|found us|discover(ed)? us|where did you (first )?(see|hear|learn)|how did you (first )?(learn|find|discover))';

create table public.survey_channel_mappings (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  answer text not null check (char_length(answer) between 1 and 500 and answer = lower(btrim(answer))),
  channel public.marketing_channel not null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, source, answer)
);
comment on table public.survey_channel_mappings is 'Which marketing channel an answer to an attribution question means ("instagram" -> paid_social), per survey tool; answers without a row follow private.survey_answer_channel''s keyword rule. Members manage.';
comment on column public.survey_channel_mappings.answer is 'The answer, lower-cased and trimmed.';
alter table public.survey_channel_mappings enable row level security;
grant select, delete on public.survey_channel_mappings to authenticated;
grant insert (workspace_id, source, answer, channel) on public.survey_channel_mappings to authenticated;
grant update (channel) on public.survey_channel_mappings to authenticated;
select private.install_row_triggers('public.survey_channel_mappings');
select private.tenant_policies('public.survey_channel_mappings', 'viewer', 'member');
create index survey_channel_mappings_created_by_idx on public.survey_channel_mappings (created_by);
create trigger stamp_actor before insert on public.survey_channel_mappings
  for each row execute function private.stamp_actor('created_by');

create function private.survey_answer_channel(p_answer text) returns public.marketing_channel
language sql immutable set search_path = '' as $$
  select case
    when nullif(btrim(p_answer), '') is null then null
    when lower(p_answer) ~ '(podcast|influencer|creator|youtuber|blogger|tiktoker)' then 'influencer'
    when lower(p_answer) ~ '(instagram|tiktok|facebook|\mmeta\M|pinterest|youtube|snapchat|twitter|\mx\M|reddit|threads|social)' then 'organic_social'
    when lower(p_answer) ~ '(google|bing|search|duckduckgo|yahoo)' then 'organic_search'
    when lower(p_answer) ~ '(friend|family|word of mouth|referr|colleague|recommend)' then 'referral'
    when lower(p_answer) ~ '(e-?mail|newsletter)' then 'email'
    when lower(p_answer) ~ '(\msms\M|text message)' then 'sms'
    when lower(p_answer) ~ '(event|\mstore\M|market|\mfair\M|pop.?up|trade show)' then 'events'
    when lower(p_answer) ~ '(article|blog|press|news|magazine|review site)' then 'content'
    when lower(p_answer) ~ '(mailer|postcard|catalog|direct mail)' then 'direct_mail'
    else 'other'
  end::public.marketing_channel
$$;
comment on function private.survey_answer_channel(text) is 'The keyword rule for an attribution answer without a mapping: podcasts and creators -> influencer; social networks -> organic_social; search engines -> organic_search; friends, family, word of mouth -> referral; email, sms, events, articles and press (content), mailers (direct_mail); anything else -> other.';

-- Responses whose order arrived later get linked when it does.
create function private.link_survey_orders() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.survey_responses r set order_id = o.id
  from inserted o
  where r.workspace_id = o.workspace_id and r.shopify_order_id = o.shopify_order_id and r.order_id is null;
  return null;
end $$;
comment on function private.link_survey_orders() is 'AFTER INSERT on orders (per statement): survey responses that name the new orders by Shopify order id, imported before the orders arrived, are linked to them.';
create trigger link_survey_orders after insert on public.orders referencing new table as inserted
  for each statement execute function private.link_survey_orders();
create index survey_responses_unlinked_order_idx on public.survey_responses (workspace_id, shopify_order_id)
  where order_id is null and shopify_order_id is not null;

-- One page of Fairing responses for the job's workspace.
create function private.apply_fairing_page(p_job_id bigint, p_lease_id uuid, p_questions jsonb, p_responses jsonb,
  p_progress jsonb, p_api_calls integer default 1)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs := private.begin_analytics_page(p_job_id, p_lease_id, p_progress, 'fairing');
  r record;
begin
  select * into r from public.import_survey(j.workspace_id, coalesce(p_questions, '[]'), coalesce(p_responses, '[]'),
                                            left(p_progress ->> 'cursor', 1000), 'fairing');
  perform private.count_analytics_page(j, p_api_calls, r.questions_upserted + r.responses_inserted + r.responses_updated);
  return r.responses_inserted + r.responses_updated;
end $$;
comment on function private.apply_fairing_page(bigint, uuid, jsonb, jsonb, jsonb, integer) is 'The analytics sync''s apply for Fairing: under the job''s lease, writes one page of questions and responses through public.import_survey (source fairing, idempotent by Fairing''s ids; the page cursor kept in survey_sync_state) to the job''s workspace and counts it in the run. Returns responses inserted or changed.';

-- ===== connecting with an API key (Fairing has no OAuth)
create function private.connect_api_key(p_workspace_id uuid, p_provider public.integration_provider,
  p_external_account_id text, p_key_ciphertext text, p_key_id text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  cid uuid;
begin
  if p_workspace_id is null or p_provider is null or p_key_ciphertext is null or p_key_id is null
     or coalesce(char_length(p_external_account_id), 0) not between 1 and 255 then
    raise exception 'workspace, provider, account (1-255 characters) and key are required' using errcode = '22023';
  end if;
  if p_provider <> 'fairing' then
    raise exception '% is not connected with an API key', p_provider using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'admin');
  end if;
  perform set_config('growthbase.credential_reason', 'api key connect', true);
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, connected_by,
                                                   last_refreshed_at, metadata)
  values (p_workspace_id, p_provider, p_external_account_id, 'active', (select auth.uid()), now(),
          jsonb_build_object('connected_via', 'api_key'))
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active', last_error = null,
    connected_by = coalesce(excluded.connected_by, c.connected_by), last_refreshed_at = now()
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, key_id)
  values (cid, p_key_ciphertext, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext,
    refresh_token_ciphertext = null, key_id = excluded.key_id;
  return cid;
end $$;
comment on function private.connect_api_key(uuid, public.integration_provider, text, text, text) is 'Called as the signed-in admin by the api-keys function: stores an API key (encrypted there) as the token of the workspace''s connection of a provider that has no OAuth (fairing), activating it (a new key ends reauth_required) and queueing its first pull. Returns the connection id.';
revoke all on function private.connect_api_key(uuid, public.integration_provider, text, text, text) from public;
grant execute on function private.connect_api_key(uuid, public.integration_provider, text, text, text) to authenticated, service_role;

-- ===== self-reported against modelled attribution
create type public.self_reported_attribution_row as (
  channel public.marketing_channel,
  responses integer,
  orders integer,
  self_reported_revenue_cents bigint,
  modelled_orders numeric,
  modelled_revenue_cents bigint,
  agreement numeric
);
comment on type public.self_reported_attribution_row is 'One channel of self_reported_attribution. responses: answers to attribution questions naming it; orders and self_reported_revenue_cents: those answers'' orders (with a conversion) and their net revenue; modelled_orders and modelled_revenue_cents: what the attribution model credits the channel over the same surveyed orders; agreement: the share of its orders whose largest model credit went to the same channel (NULL without orders). All but agreement are never null.';

create function private.self_reported_attribution(p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model)
returns setof public.self_reported_attribution_row
language plpgsql stable security definer set search_path = '' as $$
declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_model is null then
    raise exception 'p_model is required' using errcode = '22023';
  end if;
  return query
  with said as (
    -- one answer per order (its latest), and every answer without an order
    select distinct on (coalesce(r.order_id::text, 'response:' || r.id)) r.id, r.order_id,
           coalesce(m.channel, private.survey_answer_channel(coalesce(r.answers[1], r.other_text))) as channel
    from public.survey_responses r
    join public.survey_questions q on q.workspace_id = r.workspace_id and q.id = r.question_id and q.attribution
    left join public.survey_channel_mappings m on m.workspace_id = r.workspace_id and m.source = r.source
                                               and m.answer = lower(btrim(r.answers[1]))
    where r.workspace_id = p_workspace_id and r.responded_at >= t0 and r.responded_at < t1
      and coalesce(r.answers[1], r.other_text) is not null
    order by coalesce(r.order_id::text, 'response:' || r.id), r.responded_at desc, r.id desc
  ), conv as (
    select s.channel, c.id as conversion_id, c.revenue_cents, c.credited_at
    from said s join public.conversions c on c.workspace_id = p_workspace_id and c.order_id = s.order_id
  ), credits as (
    select a.conversion_id, a.channel, a.weight, a.credit_cents
    from public.attribution_credits a
    where a.workspace_id = p_workspace_id and a.model = p_model and a.conversion_id in (select conversion_id from conv)
    union all
    -- fresh reads: conversions the cron round has not credited yet are computed now
    select f.conversion_id, f.channel, f.weight, f.credit_cents
    from private.compute_attribution_credits(array(select c.conversion_id from conv c where c.credited_at is null)) f
    where f.model = p_model
  ), top as (
    select distinct on (x.conversion_id) x.conversion_id, x.channel
    from (select cr.conversion_id, cr.channel, sum(cr.weight) as w from credits cr group by 1, 2) x
    order by x.conversion_id, x.w desc, x.channel
  ), reported as (
    select s.channel, count(*)::int as responses from said s group by s.channel
  ), bought as (
    select c.channel, count(*)::int as orders, sum(c.revenue_cents)::bigint as revenue,
           round(avg(case when t.channel = c.channel then 1 else 0 end), 4) as agreement
    from conv c left join top t on t.conversion_id = c.conversion_id
    group by c.channel
  ), modelled as (
    select cr.channel, sum(cr.weight) as orders, sum(cr.credit_cents)::bigint as revenue from credits cr group by cr.channel
  ), channels as (
    select channel from reported union select channel from modelled
  )
  select ch.channel, coalesce(r.responses, 0), coalesce(b.orders, 0), coalesce(b.revenue, 0)::bigint,
         round(coalesce(m.orders, 0), 4), coalesce(m.revenue, 0)::bigint, b.agreement
  from channels ch
  left join reported r on r.channel = ch.channel
  left join bought b on b.channel = ch.channel
  left join modelled m on m.channel = ch.channel
  order by coalesce(r.responses, 0) desc, coalesce(m.revenue, 0) desc, ch.channel;
end $$;
comment on function private.self_reported_attribution(uuid, date, date, public.attribution_model) is 'What public.self_reported_attribution returns, read as the owner after the viewer check.';

create function public.self_reported_attribution(p_workspace_id uuid, p_from date, p_to date,
  p_model public.attribution_model default 'last_touch')
returns setof public.self_reported_attribution_row
language sql stable set search_path = '' as $$
  select * from private.self_reported_attribution(p_workspace_id, p_from, p_to, p_model)
$$;
comment on function public.self_reported_attribution(uuid, date, date, public.attribution_model) is 'Viewers: what customers said brought them (answers to attribution questions responded in the range, one per order, mapped to channels by survey_channel_mappings or the keyword rule) against what the attribution model (p_model, default last_touch) credits for the same orders: per channel, responses, orders and their revenue as reported, the model''s credited orders and revenue, and how often the two agree. Reads what the Fairing sync wrote. 22023 bad range; 42501 not a member.';

-- ===== grants
revoke all on function private.survey_question_attribution() from public;
revoke all on function private.survey_answer_channel(text) from public;
revoke all on function private.link_survey_orders() from public;
revoke all on function private.apply_fairing_page(bigint, uuid, jsonb, jsonb, jsonb, integer) from public;
revoke all on function private.self_reported_attribution(uuid, date, date, public.attribution_model) from public;
revoke all on function public.self_reported_attribution(uuid, date, date, public.attribution_model) from public;
grant execute on function private.survey_answer_channel(text) to authenticated, service_role;
grant execute on function private.apply_fairing_page(bigint, uuid, jsonb, jsonb, jsonb, integer) to service_role;
grant execute on function private.self_reported_attribution(uuid, date, date, public.attribution_model),
  public.self_reported_attribution(uuid, date, date, public.attribution_model) to authenticated, service_role;
