-- Surveys: post-purchase survey questions and responses (Fairing). RAWDOG kept them in Redis: a
-- hash of questions (fairing:questions), a sorted set of responses by time
-- (fairing:responses:all), a set per question (fairing:responses:q:{id}) and the sync cursor
-- (fairing:sync:state). Here: survey_questions, survey_responses (the time-ordered feed is an
-- index and the survey_feed view; new responses stream over Realtime), survey_answer_counts
-- (per-question, per-answer counts kept by triggers) and survey_sync_state.

create type public.survey_question_kind as enum ('single_choice', 'multiple_choice', 'free_text', 'rating');
comment on type public.survey_question_kind is 'How a survey question is answered: one option, several options, free text, or a rating (answers hold the number as text).';

create table public.survey_questions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  external_id text not null check (char_length(external_id) between 1 and 128),
  prompt text not null constraint survey_questions_prompt_length check (char_length(btrim(prompt)) between 1 and 1000),
  kind public.survey_question_kind not null default 'single_choice',
  options text[] not null default '{}' constraint survey_questions_options_count check (cardinality(options) <= 100),
  active boolean not null default true,
  position integer not null default 0,
  response_count integer not null default 0 check (response_count >= 0),
  last_response_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, external_id),
  unique (workspace_id, id)
);
comment on table public.survey_questions is 'Post-purchase survey questions, synced from the survey tool (Fairing) by public.import_survey. Members may reorder or deactivate them; response_count is kept by trigger.';
comment on column public.survey_questions.source is 'The survey tool the question comes from; with external_id the sync''s idempotency key.';
comment on column public.survey_questions.external_id is 'The question''s id in the survey tool.';
comment on column public.survey_questions.options is 'The answer options offered (choice questions).';
comment on column public.survey_questions.response_count is 'Responses to this question in survey_responses, kept by trigger.';
comment on column public.survey_questions.last_response_at is 'Time of the latest response seen (never moves back when responses are deleted).';
create trigger set_updated_at before update on public.survey_questions
  for each row execute function private.set_updated_at();

create table public.survey_responses (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  question_id uuid not null,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  external_id text not null check (char_length(external_id) between 1 and 128),
  answers text[] not null default '{}'
    constraint survey_responses_answers_count check (cardinality(answers) <= 50),
  other_text text constraint survey_responses_other_text_length check (char_length(other_text) <= 5000),
  order_id uuid,
  shopify_order_id text check (char_length(shopify_order_id) <= 64),
  customer_id uuid references public.customers (id) on delete set null,
  responded_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (workspace_id, source, external_id),
  foreign key (workspace_id, question_id) references public.survey_questions (workspace_id, id) on delete cascade,
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete set null (order_id)
);
comment on table public.survey_responses is 'One customer''s answer to one survey question, usually right after purchase. Written by public.import_survey (idempotent by source and external_id); read newest first (survey_feed).';
comment on column public.survey_responses.answers is 'The options chosen (one for single choice, several for multiple choice, the number for rating); each counts once in survey_answer_counts.';
comment on column public.survey_responses.other_text is 'Free text: the answer to a free-text question, or the "other" field of a choice question.';
comment on column public.survey_responses.order_id is 'The order the survey followed, when it is in orders.';
comment on column public.survey_responses.customer_id is 'The customer, matched by Shopify customer id or email hash when known.';
comment on column public.survey_responses.responded_at is 'When the customer answered; the feed''s order.';
create index survey_responses_feed_idx on public.survey_responses (workspace_id, responded_at desc, id desc);
create index survey_responses_question_idx on public.survey_responses (question_id, workspace_id, responded_at desc);
create index survey_responses_order_idx on public.survey_responses (order_id, workspace_id);
create index survey_responses_customer_idx on public.survey_responses (customer_id);

create table public.survey_answer_counts (
  workspace_id uuid not null,
  question_id uuid not null,
  answer text not null,
  responses integer not null check (responses > 0),
  primary key (question_id, workspace_id, answer),
  foreign key (workspace_id, question_id) references public.survey_questions (workspace_id, id) on delete cascade
);
comment on table public.survey_answer_counts is 'How many responses chose each answer of each question (the per-question sets RAWDOG kept in Redis), kept by triggers on survey_responses; answers nobody chose have no row. Read-only for API roles.';
create index survey_answer_counts_workspace_idx on public.survey_answer_counts (workspace_id, question_id, responses desc);

create table public.survey_sync_state (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  cursor text check (char_length(cursor) <= 1000),
  last_synced_at timestamptz,
  last_response_at timestamptz,
  responses_synced bigint not null default 0 check (responses_synced >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, source)
);
comment on table public.survey_sync_state is 'Where the survey sync stands per workspace and tool (RAWDOG''s fairing:sync:state): the tool''s paging cursor, last sync, newest response seen, responses stored. Written by public.import_survey.';
comment on column public.survey_sync_state.cursor is 'The survey tool''s paging cursor to resume from.';
create trigger set_updated_at before update on public.survey_sync_state
  for each row execute function private.set_updated_at();

create view public.survey_feed with (security_invoker = true) as
  select r.id, r.workspace_id, r.responded_at, r.question_id, q.prompt as question_prompt, q.kind as question_kind,
         r.answers, r.other_text, r.order_id, r.shopify_order_id, r.customer_id
  from public.survey_responses r
  join public.survey_questions q on q.id = r.question_id;
comment on view public.survey_feed is 'Survey responses with their question, for the newest-first feed: order by responded_at desc, id desc (indexed). Runs with the caller''s rights, so RLS applies.';

-- ===== counts kept by triggers
-- Adds signed contributions to survey_answer_counts and survey_questions.response_count; count
-- rows that reach zero go. Existing rows are updated, missing ones inserted (negative deltas
-- never take the insert path: an INSERT checks its candidate row before ON CONFLICT). Questions
-- being deleted are skipped (their counts go with them). p_answers[i] is the i-th response's
-- answers as a text[] literal, since arrays of arrays must be rectangular.
create function private.apply_survey_deltas(p_workspace uuid[], p_question uuid[], p_answers text[], p_sign integer[],
                                            p_responded_at timestamptz[])
returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  with x as (
    select u.ws, u.q, u.answers::text[] as answers, u.sign, u.at
    from unnest(p_workspace, p_question, p_answers, p_sign, p_responded_at) as u (ws, q, answers, sign, at)
    where exists (select 1 from public.survey_questions q where q.id = u.q)
  ), d as (
    select x.ws, x.q, a.answer, sum(x.sign)::integer as n
    from x cross join lateral (select distinct unnest(x.answers) as answer) a
    group by 1, 2, 3 having sum(x.sign) <> 0
  ), upd as (
    update public.survey_answer_counts c set responses = c.responses + d.n
    from d where c.question_id = d.q and c.workspace_id = d.ws and c.answer = d.answer and c.responses + d.n > 0
    returning c.question_id, c.answer
  ), gone as (
    delete from public.survey_answer_counts c using d
    where c.question_id = d.q and c.workspace_id = d.ws and c.answer = d.answer and c.responses + d.n = 0
    returning c.question_id, c.answer
  ), ins as (
    insert into public.survey_answer_counts as c (workspace_id, question_id, answer, responses)
    select d.ws, d.q, d.answer, d.n from d
    where not exists (select 1 from upd u where u.question_id = d.q and u.answer = d.answer)
      and not exists (select 1 from gone g where g.question_id = d.q and g.answer = d.answer)
    order by d.q, d.answer
    on conflict (question_id, workspace_id, answer) do update set responses = c.responses + excluded.responses
  )
  update public.survey_questions q set
    response_count = q.response_count + t.n,
    last_response_at = greatest(q.last_response_at, t.latest)
  from (select x.q, sum(x.sign)::integer as n, max(x.at) filter (where x.sign > 0) as latest from x group by x.q) t
  where q.id = t.q and (t.n <> 0 or t.latest > coalesce(q.last_response_at, '-infinity'));
end $$;
comment on function private.apply_survey_deltas(uuid[], uuid[], text[], integer[], timestamptz[]) is 'Adds signed per-response contributions to survey_answer_counts and survey_questions.response_count (used by the survey_responses triggers).';

-- Inserted rows count +1, deleted rows -1: both statement triggers name their transition table
-- changed_rows, so one function serves both.
create function private.survey_counts_on_rows() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_survey_deltas(array_agg(c.workspace_id), array_agg(c.question_id), array_agg(c.answers::text),
                                      array_agg(case tg_op when 'INSERT' then 1 else -1 end), array_agg(c.responded_at))
  from changed_rows c
  having count(*) > 0;
  return null;
end $$;
comment on function private.survey_counts_on_rows() is 'AFTER INSERT / AFTER DELETE (per statement) on survey_responses: counts the new responses, or uncounts the deleted ones.';
create trigger survey_counts_on_insert after insert on public.survey_responses
  referencing new table as changed_rows for each statement execute function private.survey_counts_on_rows();
create trigger survey_counts_on_delete after delete on public.survey_responses
  referencing old table as changed_rows for each statement execute function private.survey_counts_on_rows();

create function private.survey_counts_on_update() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_survey_deltas(array[old.workspace_id, new.workspace_id], array[old.question_id, new.question_id],
                                      array[old.answers::text, new.answers::text], array[-1, 1],
                                      array[old.responded_at, new.responded_at]);
  return null;
end $$;
comment on function private.survey_counts_on_update() is 'AFTER UPDATE (per row, when answers or question changed) on survey_responses: moves the response''s counts.';
create trigger survey_counts_on_update after update of answers, question_id on public.survey_responses
  for each row when (old.answers is distinct from new.answers or old.question_id is distinct from new.question_id)
  execute function private.survey_counts_on_update();

-- ===== the sync: questions and a page of responses in one call
create function private.survey_import_problem(p_what text, o jsonb) returns text
language plpgsql stable set search_path = '' as $$
begin
  if jsonb_typeof(o) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(jsonb_typeof(o -> 'id'), '') not in ('string', 'number') or char_length(o ->> 'id') not between 1 and 128 then
    return 'id: is required (at most 128 characters)';
  end if;
  if p_what = 'question' then
    if o ->> 'prompt' is null or char_length(btrim(o ->> 'prompt')) not between 1 and 1000 then
      return 'prompt: is required (at most 1000 characters)';
    end if;
    if o ->> 'kind' is not null and not (o ->> 'kind' = any (enum_range(null::public.survey_question_kind)::text[])) then
      return 'kind: is not one of single_choice, multiple_choice, free_text, rating';
    end if;
    if o -> 'options' is not null and (jsonb_typeof(o -> 'options') <> 'array' or jsonb_array_length(o -> 'options') > 100
       or exists (select 1 from jsonb_array_elements(o -> 'options') e where jsonb_typeof(e) <> 'string' or char_length(e #>> '{}') > 500)) then
      return 'options: must be an array of at most 100 strings of at most 500 characters';
    end if;
    if o -> 'active' is not null and jsonb_typeof(o -> 'active') <> 'boolean' then
      return 'active: must be true or false';
    end if;
    if o -> 'position' is not null and not private.is_whole_number(o -> 'position') then
      return 'position: must be a whole number';
    end if;
    return null;
  end if;
  if coalesce(jsonb_typeof(o -> 'question_id'), '') not in ('string', 'number') then
    return 'question_id: is required (the question''s id in the survey tool)';
  end if;
  if o -> 'answers' is not null and (jsonb_typeof(o -> 'answers') <> 'array' or jsonb_array_length(o -> 'answers') > 50
     or exists (select 1 from jsonb_array_elements(o -> 'answers') e where jsonb_typeof(e) not in ('string', 'number')
                or char_length(e #>> '{}') not between 1 and 500)) then
    return 'answers: must be an array of at most 50 answers of 1-500 characters';
  end if;
  if char_length(o ->> 'other_text') > 5000 then
    return 'other_text: may be at most 5000 characters';
  end if;
  if o ->> 'responded_at' is null or not private.is_timestamptz(o ->> 'responded_at') then
    return 'responded_at: is required and must be a timestamp';
  end if;
  if char_length(o ->> 'shopify_order_id') > 64 then
    return 'shopify_order_id: may be at most 64 characters';
  end if;
  return null;
end $$;
comment on function private.survey_import_problem(text, jsonb) is 'Validates one question or response of import_survey''s payload; returns ''field: reason'' or null.';

create function private.import_survey(p_workspace_id uuid, p_source text, p_questions jsonb, p_responses jsonb, p_cursor text)
returns table (questions_upserted integer, responses_inserted integer, responses_updated integer, responses_unchanged integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  nq integer;
  ni integer;
  nu integer;
  missing text;
begin
  if (select auth.role()) = 'authenticated' then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  with up as (
    insert into public.survey_questions as q (workspace_id, source, external_id, prompt, kind, options, active, position)
    select p_workspace_id, p_source, btrim(o ->> 'id'), btrim(o ->> 'prompt'),
           coalesce((o ->> 'kind')::public.survey_question_kind, 'single_choice'),
           coalesce(array(select e from jsonb_array_elements_text(o -> 'options') e), '{}'),
           coalesce((o ->> 'active')::boolean, true), coalesce((o ->> 'position')::integer, 0)
    from jsonb_array_elements(p_questions) o
    order by btrim(o ->> 'id')
    on conflict (workspace_id, source, external_id) do update set
      prompt = excluded.prompt, kind = excluded.kind, options = excluded.options
    where (q.prompt, q.kind, q.options) is distinct from (excluded.prompt, excluded.kind, excluded.options)
    returning 1
  )
  select count(*) into nq from up;

  select o ->> 'question_id' into missing
  from jsonb_array_elements(p_responses) o
  where not exists (select 1 from public.survey_questions q
                    where q.workspace_id = p_workspace_id and q.source = p_source and q.external_id = btrim(o ->> 'question_id'))
  limit 1;
  if missing is not null then
    raise exception 'responses: question % is unknown; send it in p_questions', missing using errcode = '22023';
  end if;

  with src as (
    select q.id as question_id, btrim(o ->> 'id') as external_id,
           coalesce(array(select e from jsonb_array_elements_text(o -> 'answers') e), '{}') as answers,
           nullif(btrim(o ->> 'other_text'), '') as other_text,
           nullif(btrim(o ->> 'shopify_order_id'), '') as shopify_order_id,
           (o ->> 'responded_at')::timestamptz as responded_at,
           nullif(btrim(o ->> 'shopify_customer_id'), '') as shopify_customer_id,
           private.email_sha256(o ->> 'email') as email_sha256
    from jsonb_array_elements(p_responses) o
    join public.survey_questions q on q.workspace_id = p_workspace_id and q.source = p_source
                                  and q.external_id = btrim(o ->> 'question_id')
  ), up as (
    insert into public.survey_responses as r (workspace_id, question_id, source, external_id, answers, other_text, order_id,
                                              shopify_order_id, customer_id, responded_at)
    select p_workspace_id, s.question_id, p_source, s.external_id, s.answers, s.other_text,
           (select o.id from public.orders o where o.workspace_id = p_workspace_id and o.shopify_order_id = s.shopify_order_id),
           s.shopify_order_id,
           coalesce((select c.id from public.customers c where c.workspace_id = p_workspace_id
                     and c.shopify_customer_id = s.shopify_customer_id),
                    (select c.id from public.customers c where c.workspace_id = p_workspace_id
                     and c.email_sha256 = s.email_sha256 order by c.created_at limit 1)),
           s.responded_at
    from src s
    order by s.external_id
    on conflict (workspace_id, source, external_id) do update set
      question_id = excluded.question_id, answers = excluded.answers, other_text = excluded.other_text,
      order_id = coalesce(excluded.order_id, r.order_id), shopify_order_id = excluded.shopify_order_id,
      customer_id = coalesce(excluded.customer_id, r.customer_id), responded_at = excluded.responded_at
    where (r.question_id, r.answers, r.other_text, r.shopify_order_id, r.responded_at)
          is distinct from (excluded.question_id, excluded.answers, excluded.other_text, excluded.shopify_order_id,
                            excluded.responded_at)
       or (excluded.order_id is not null and r.order_id is null)
       or (excluded.customer_id is not null and r.customer_id is null)
    returning (r.xmax = 0) as was_insert
  )
  select count(*) filter (where was_insert), count(*) filter (where not was_insert) into ni, nu from up;

  insert into public.survey_sync_state as s (workspace_id, source, cursor, last_synced_at, last_response_at, responses_synced)
  values (p_workspace_id, p_source, p_cursor, now(),
          (select max((o ->> 'responded_at')::timestamptz) from jsonb_array_elements(p_responses) o), ni)
  on conflict (workspace_id, source) do update set
    cursor = coalesce(excluded.cursor, s.cursor), last_synced_at = excluded.last_synced_at,
    last_response_at = greatest(s.last_response_at, excluded.last_response_at),
    responses_synced = s.responses_synced + excluded.responses_synced;

  return query select nq, ni, nu, jsonb_array_length(p_responses) - ni - nu;
end $$;
comment on function private.import_survey(uuid, text, jsonb, jsonb, text) is 'Definer half of public.import_survey: upserts questions, then responses (idempotent by source and external id), then the sync state.';

create function public.import_survey(p_workspace_id uuid, p_questions jsonb default '[]', p_responses jsonb default '[]',
                                     p_cursor text default null, p_source text default 'fairing')
returns table (questions_upserted integer, responses_inserted integer, responses_updated integer, responses_unchanged integer)
language plpgsql volatile set search_path = '' as $$
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_source is null or p_source !~ '^[a-z0-9_-]{1,32}$' then
    raise exception 'p_source must be 1-32 lowercase letters, digits, _ or -' using errcode = '22023';
  end if;
  if jsonb_typeof(coalesce(p_questions, '[]')) <> 'array' or jsonb_typeof(coalesce(p_responses, '[]')) <> 'array' then
    raise exception 'p_questions and p_responses must be JSON arrays' using errcode = '22023';
  end if;
  if char_length(p_cursor) > 1000 then
    raise exception 'p_cursor may be at most 1000 characters' using errcode = '22023';
  end if;
  perform private.require_batch_size('questions', jsonb_array_length(coalesce(p_questions, '[]')), 100);
  perform private.require_batch_size('responses', jsonb_array_length(coalesce(p_responses, '[]')), 1000);
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(coalesce(p_questions, '[]')) with ordinality e loop
    problem := private.survey_import_problem('question', o);
    if problem is not null then
      raise exception 'questions[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(coalesce(p_responses, '[]')) with ordinality e loop
    problem := private.survey_import_problem('response', o);
    if problem is not null then
      raise exception 'responses[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select btrim(e.value ->> 'id') into dup from jsonb_array_elements(coalesce(p_questions, '[]')) e
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'questions: id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  select btrim(e.value ->> 'id') into dup from jsonb_array_elements(coalesce(p_responses, '[]')) e
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'responses: id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  return query select * from private.import_survey(p_workspace_id, p_source, coalesce(p_questions, '[]'),
                                                   coalesce(p_responses, '[]'), p_cursor);
end $$;
comment on function public.import_survey(uuid, jsonb, jsonb, text, text) is 'Members and service_role (the survey sync): upsert up to 100 questions {id, prompt, kind, options, active, position} and up to 1000 responses {id, question_id, answers[], other_text, shopify_order_id, shopify_customer_id, email, responded_at}, and remember p_cursor. Idempotent. 22023 names the first bad row and field (or an unknown question); PT413 over the caps.';

-- ===== access: viewers read; members reorder or deactivate questions and delete responses
alter table public.survey_questions enable row level security;
alter table public.survey_responses enable row level security;
alter table public.survey_answer_counts enable row level security;
alter table public.survey_sync_state enable row level security;
grant select, delete on public.survey_questions to authenticated;
grant update (active, position) on public.survey_questions to authenticated;
grant select, delete on public.survey_responses to authenticated;
grant select on public.survey_answer_counts, public.survey_sync_state, public.survey_feed to authenticated;
grant all on public.survey_questions, public.survey_responses, public.survey_answer_counts, public.survey_sync_state
  to service_role;
grant select on public.survey_feed to service_role;
select private.tenant_policies('public.survey_questions', 'viewer', 'member');
select private.tenant_policies('public.survey_responses', 'viewer', 'member');
create policy "viewers read answer counts" on public.survey_answer_counts for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read the sync state" on public.survey_sync_state for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.survey_answer_counts');
select private.install_tenant_guard('public.survey_sync_state');

alter publication supabase_realtime add table public.survey_responses;

revoke all on function private.apply_survey_deltas(uuid[], uuid[], text[], integer[], timestamptz[]) from public;
revoke all on function private.survey_counts_on_rows() from public;
revoke all on function private.survey_counts_on_update() from public;
revoke all on function private.survey_import_problem(text, jsonb) from public;
revoke all on function private.import_survey(uuid, text, jsonb, jsonb, text) from public;
revoke all on function public.import_survey(uuid, jsonb, jsonb, text, text) from public;
grant execute on function private.survey_import_problem(text, jsonb), private.import_survey(uuid, text, jsonb, jsonb, text),
  public.import_survey(uuid, jsonb, jsonb, text, text) to authenticated, service_role;
