-- Strategy documents: 003's four strategy tables (brand_positioning_analyses, funnel_designs,
-- competitive_gap_analyses, performance_tracking_frameworks) as one table with a kind, each
-- kind's body validated in SQL (private.strategy_document_problem):
--   brand_positioning  {positioning_statement, differentiators[], three_cs{company, customer,
--                       competition}, brand_tone?{voice?, attributes[]?}, recommendations[]?}
--   funnel_design      {name?, stages[{stage: awareness|engagement|conversion|retention, goal,
--                       offers[]?, channels[]?, automation_tasks[]?}] in funnel order, each once}
--   competitive_gap    {our_brand, competitors[{name, strengths[]?, weaknesses[]?}],
--                       gap_analysis{messaging[]?, channels[]?, audience[]?, content[]?}, ownable_differentiator}
--   kpi_framework      {campaign_name?, channels[], kpis[{name, metric, target, unit?,
--                       frequency: daily|weekly|monthly|quarterly}]}
-- Unknown keys are refused, so a typo is an error rather than a silently ignored field.

create type public.strategy_document_kind as enum ('brand_positioning', 'funnel_design', 'competitive_gap', 'kpi_framework');
comment on type public.strategy_document_kind is 'brand_positioning: the 3Cs (company, customer, competition) and a positioning statement; funnel_design: awareness -> engagement -> conversion -> retention; competitive_gap: gaps against competitors; kpi_framework: KPI definitions and targets.';
create type public.strategy_document_status as enum ('draft', 'active', 'archived');
comment on type public.strategy_document_status is 'Only one active document per kind and campaign (or per kind for the workspace as a whole).';

-- A JSON array of n_min..n_max non-blank strings of at most 2000 characters each.
create function private.is_text_list(p jsonb, p_min integer, p_max integer) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(p) = 'array' and jsonb_array_length(p) between p_min and p_max
     and not exists (select 1 from jsonb_array_elements(p) e
                     where jsonb_typeof(e.value) <> 'string' or btrim(e.value #>> '{}') = ''
                        or char_length(e.value #>> '{}') > 2000)
$$;
comment on function private.is_text_list(jsonb, integer, integer) is 'True for a JSON array of p_min..p_max non-blank strings (each at most 2000 characters).';
revoke all on function private.is_text_list(jsonb, integer, integer) from public;
grant execute on function private.is_text_list(jsonb, integer, integer) to authenticated, service_role;

-- A non-blank JSON string of at most p_max characters.
create function private.is_text(p jsonb, p_max integer default 2000) returns boolean
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_typeof(p) = 'string' and btrim(p #>> '{}') <> '' and char_length(p #>> '{}') <= p_max, false)
$$;
comment on function private.is_text(jsonb, integer) is 'True for a non-blank JSON string of at most p_max characters.';
revoke all on function private.is_text(jsonb, integer) from public;
grant execute on function private.is_text(jsonb, integer) to authenticated, service_role;

-- Keys of an object outside the allowed set, as "a, b", or null.
create function private.unknown_keys(p jsonb, p_allowed text[]) returns text
language sql immutable set search_path = '' as $$
  select string_agg(k, ', ' order by k) from jsonb_object_keys(p) k where not (k = any (p_allowed))
$$;
comment on function private.unknown_keys(jsonb, text[]) is 'The keys of a JSON object not in p_allowed, comma-separated, or null.';
revoke all on function private.unknown_keys(jsonb, text[]) from public;
grant execute on function private.unknown_keys(jsonb, text[]) to authenticated, service_role;

create function private.strategy_document_problem(p_kind public.strategy_document_kind, b jsonb) returns text
language plpgsql stable set search_path = '' as $$
declare
  e record;
  extra text;
  stage_order constant text[] := array['awareness', 'engagement', 'conversion', 'retention'];
  last_stage integer := 0;
  pos integer;
begin
  if jsonb_typeof(b) is distinct from 'object' then
    return 'body: must be a JSON object';
  end if;
  if octet_length(b::text) > 262144 then
    return 'body: is larger than 256 kB';
  end if;

  if p_kind = 'brand_positioning' then
    extra := private.unknown_keys(b, array['positioning_statement', 'differentiators', 'three_cs', 'brand_tone', 'recommendations']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if not private.is_text(b -> 'positioning_statement') then
      return 'body.positioning_statement: is required (text up to 2000 characters)';
    end if;
    if not private.is_text_list(b -> 'differentiators', 1, 20) then
      return 'body.differentiators: give 1 to 20 differentiators as text';
    end if;
    if jsonb_typeof(b -> 'three_cs') is distinct from 'object' then
      return 'body.three_cs: is required: {"company": {...}, "customer": {...}, "competition": {...}}';
    end if;
    extra := private.unknown_keys(b -> 'three_cs', array['company', 'customer', 'competition']);
    if extra is not null then return 'body.three_cs: unknown keys ' || extra; end if;
    for e in select c from unnest(array['company', 'customer', 'competition']) c loop
      if jsonb_typeof(b -> 'three_cs' -> e.c) is distinct from 'object' or b -> 'three_cs' -> e.c = '{}'::jsonb then
        return format('body.three_cs.%s: is required and not empty', e.c);
      end if;
    end loop;
    if b ? 'brand_tone' then
      if jsonb_typeof(b -> 'brand_tone') <> 'object' then return 'body.brand_tone: must be an object'; end if;
      extra := private.unknown_keys(b -> 'brand_tone', array['voice', 'attributes']);
      if extra is not null then return 'body.brand_tone: unknown keys ' || extra; end if;
      if b -> 'brand_tone' ? 'voice' and not private.is_text(b -> 'brand_tone' -> 'voice') then
        return 'body.brand_tone.voice: must be text';
      end if;
      if b -> 'brand_tone' ? 'attributes' and not private.is_text_list(b -> 'brand_tone' -> 'attributes', 0, 20) then
        return 'body.brand_tone.attributes: at most 20 attributes as text';
      end if;
    end if;
    if b ? 'recommendations' and not private.is_text_list(b -> 'recommendations', 0, 50) then
      return 'body.recommendations: at most 50 recommendations as text';
    end if;

  elsif p_kind = 'funnel_design' then
    extra := private.unknown_keys(b, array['name', 'stages']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if b ? 'name' and not private.is_text(b -> 'name', 200) then return 'body.name: must be text up to 200 characters'; end if;
    if jsonb_typeof(b -> 'stages') is distinct from 'array' or jsonb_array_length(b -> 'stages') not between 1 and 4 then
      return 'body.stages: give 1 to 4 stages';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(b -> 'stages') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.stages[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['stage', 'goal', 'offers', 'channels', 'automation_tasks']);
      if extra is not null then return format('body.stages[%s]: unknown keys %s', e.i, extra); end if;
      pos := array_position(stage_order, e.v ->> 'stage');
      if pos is null then
        return format('body.stages[%s].stage: must be one of awareness, engagement, conversion, retention', e.i);
      end if;
      if pos <= last_stage then
        return format('body.stages[%s].stage: stages appear once each, in funnel order (awareness, engagement, conversion, retention)', e.i);
      end if;
      last_stage := pos;
      if not private.is_text(e.v -> 'goal') then return format('body.stages[%s].goal: is required text', e.i); end if;
      if e.v ? 'offers' and not private.is_text_list(e.v -> 'offers', 0, 20) then
        return format('body.stages[%s].offers: at most 20 offers as text', e.i);
      end if;
      if e.v ? 'channels' and not (private.is_text_list(e.v -> 'channels', 0, 15) and not exists (
          select 1 from jsonb_array_elements_text(e.v -> 'channels') ch
          where not (ch = any (enum_range(null::public.marketing_channel)::text[])))) then
        return format('body.stages[%s].channels: must be marketing channels (%s)', e.i,
                      array_to_string(enum_range(null::public.marketing_channel)::text[], ', '));
      end if;
      if e.v ? 'automation_tasks' and not private.is_text_list(e.v -> 'automation_tasks', 0, 20) then
        return format('body.stages[%s].automation_tasks: at most 20 tasks as text', e.i);
      end if;
    end loop;

  elsif p_kind = 'competitive_gap' then
    extra := private.unknown_keys(b, array['our_brand', 'competitors', 'gap_analysis', 'ownable_differentiator']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if not private.is_text(b -> 'our_brand', 200) then return 'body.our_brand: is required (text up to 200 characters)'; end if;
    if jsonb_typeof(b -> 'competitors') is distinct from 'array' or jsonb_array_length(b -> 'competitors') not between 1 and 20 then
      return 'body.competitors: give 1 to 20 competitors';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(b -> 'competitors') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.competitors[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['name', 'strengths', 'weaknesses']);
      if extra is not null then return format('body.competitors[%s]: unknown keys %s', e.i, extra); end if;
      if not private.is_text(e.v -> 'name', 200) then return format('body.competitors[%s].name: is required text', e.i); end if;
      if e.v ? 'strengths' and not private.is_text_list(e.v -> 'strengths', 0, 20) then
        return format('body.competitors[%s].strengths: at most 20 as text', e.i);
      end if;
      if e.v ? 'weaknesses' and not private.is_text_list(e.v -> 'weaknesses', 0, 20) then
        return format('body.competitors[%s].weaknesses: at most 20 as text', e.i);
      end if;
    end loop;
    if jsonb_typeof(b -> 'gap_analysis') is distinct from 'object' or b -> 'gap_analysis' = '{}'::jsonb then
      return 'body.gap_analysis: is required, with at least one of messaging, channels, audience, content';
    end if;
    extra := private.unknown_keys(b -> 'gap_analysis', array['messaging', 'channels', 'audience', 'content']);
    if extra is not null then return 'body.gap_analysis: unknown keys ' || extra; end if;
    for e in select g.key as k, g.value as v from jsonb_each(b -> 'gap_analysis') g loop
      if not private.is_text_list(e.v, 1, 20) then
        return format('body.gap_analysis.%s: give 1 to 20 gaps as text', e.k);
      end if;
    end loop;
    if not private.is_text(b -> 'ownable_differentiator') then
      return 'body.ownable_differentiator: is required text';
    end if;

  else -- kpi_framework
    extra := private.unknown_keys(b, array['campaign_name', 'channels', 'kpis']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if b ? 'campaign_name' and not private.is_text(b -> 'campaign_name', 200) then
      return 'body.campaign_name: must be text up to 200 characters';
    end if;
    if not private.is_text_list(b -> 'channels', 1, 20) then return 'body.channels: give 1 to 20 channels as text'; end if;
    if jsonb_typeof(b -> 'kpis') is distinct from 'array' or jsonb_array_length(b -> 'kpis') not between 1 and 50 then
      return 'body.kpis: give 1 to 50 KPIs';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(b -> 'kpis') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.kpis[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['name', 'metric', 'target', 'unit', 'frequency']);
      if extra is not null then return format('body.kpis[%s]: unknown keys %s', e.i, extra); end if;
      if not private.is_text(e.v -> 'name', 200) then return format('body.kpis[%s].name: is required text', e.i); end if;
      if not private.is_text(e.v -> 'metric', 200) then return format('body.kpis[%s].metric: is required text', e.i); end if;
      if jsonb_typeof(e.v -> 'target') is distinct from 'number' then
        return format('body.kpis[%s].target: is required and must be a number', e.i);
      end if;
      if e.v ? 'unit' and not private.is_text(e.v -> 'unit', 32) then
        return format('body.kpis[%s].unit: must be text up to 32 characters', e.i);
      end if;
      if coalesce(e.v ->> 'frequency', '') not in ('daily', 'weekly', 'monthly', 'quarterly') then
        return format('body.kpis[%s].frequency: must be daily, weekly, monthly or quarterly', e.i);
      end if;
    end loop;
    if (select count(distinct lower(k.value ->> 'name')) from jsonb_array_elements(b -> 'kpis') k) < jsonb_array_length(b -> 'kpis') then
      return 'body.kpis: KPI names must be unique';
    end if;
  end if;
  return null;
end $$;
comment on function private.strategy_document_problem(public.strategy_document_kind, jsonb) is 'Validates a strategy document body for its kind (see the migration header); returns the first problem as readable text naming the path, or null.';
revoke all on function private.strategy_document_problem(public.strategy_document_kind, jsonb) from public;
grant execute on function private.strategy_document_problem(public.strategy_document_kind, jsonb) to authenticated, service_role;

create table public.strategy_documents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.strategy_document_kind not null,
  title text not null,
  status public.strategy_document_status not null default 'draft',
  campaign_id uuid,
  body jsonb not null,
  version integer not null default 1,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint "a document title has 1 to 200 characters" check (char_length(btrim(title)) between 1 and 200)
);
comment on table public.strategy_documents is 'Brand positioning (3Cs), funnel designs, competitive gap analyses and KPI frameworks of a workspace, optionally for one campaign; body validated per kind by private.strategy_document_problem(). The kind never changes.';
comment on column public.strategy_documents.body is 'The document, validated per kind (see the strategy_documents migration header).';
comment on column public.strategy_documents.version is 'Starts at 1 and goes up by one each time the body changes.';
comment on column public.strategy_documents.campaign_id is 'The marketing campaign the document is for; null for the whole workspace.';
create index strategy_documents_workspace_kind_idx on public.strategy_documents (workspace_id, kind, status);
create index strategy_documents_campaign_idx on public.strategy_documents (workspace_id, campaign_id);
create index strategy_documents_created_by_idx on public.strategy_documents (created_by);
-- One active document per kind, per campaign or for the workspace as a whole.
create unique index strategy_documents_one_active on public.strategy_documents
  (workspace_id, kind, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status = 'active';
create trigger set_updated_at before update on public.strategy_documents for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.strategy_documents for each row execute function private.stamp_created_by();

create function private.check_strategy_document() returns trigger
language plpgsql set search_path = '' as $$
declare
  problem text;
begin
  if tg_op = 'UPDATE' and new.kind <> old.kind then
    raise exception 'a document''s kind cannot change; create a new document' using errcode = '22023';
  end if;
  problem := private.strategy_document_problem(new.kind, new.body);
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif new.body is distinct from old.body then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  if new.status = 'active' and (tg_op = 'INSERT' or old.status <> 'active') and exists (
    select 1 from public.strategy_documents d
    where d.workspace_id = new.workspace_id and d.kind = new.kind and d.status = 'active' and d.id <> new.id
      and d.campaign_id is not distinct from new.campaign_id
  ) then
    raise exception 'another % document is already active here; archive it first', replace(new.kind::text, '_', ' ')
      using errcode = '23505';
  end if;
  return new;
end $$;
comment on function private.check_strategy_document() is 'BEFORE INSERT/UPDATE on strategy_documents: body valid for its kind (22023), kind fixed, version counting, one active per kind and scope (23505).';
revoke all on function private.check_strategy_document() from public;
create trigger check_strategy_document before insert or update on public.strategy_documents
  for each row execute function private.check_strategy_document();

alter table public.strategy_documents enable row level security;
grant select, insert, update, delete on public.strategy_documents to authenticated;
grant all on public.strategy_documents to service_role;
select private.tenant_policies('public.strategy_documents', 'viewer', 'member');
