-- Stored attribution credits follow late journey changes: a touchpoint inserted, moved or deleted
-- inside an already credited conversion's window, or a visitor linked to (or unlinked from) an
-- identity, makes the affected conversions pending again, so the next credit round (and the
-- report meanwhile) recomputes them and the stored credits equal a full rebuild
-- (supabase/tests/142). A touchpoint of now precedes no conversion, so the storefront's hot path
-- costs one index probe per statement. Settings changes still apply to conversions credited
-- afterwards, as documented.

create index conversions_visitor_idx on public.conversions (workspace_id, visitor_id) where visitor_id is not null;

-- Conversions credited before a journey change of the given (workspace, visitor, time) points:
-- the visitor's own and its identity's conversions at or after the time, within the lookback.
create function private.uncredit_journeys(p_workspace_ids uuid[], p_visitor_ids text[], p_times timestamptz[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  with t as (
    select * from unnest(p_workspace_ids, p_visitor_ids, p_times) as t (workspace_id, visitor_id, at)
  ), hit as (
    select c.id from t
    join public.conversions c on c.workspace_id = t.workspace_id and c.visitor_id = t.visitor_id
    left join public.attribution_settings s on s.workspace_id = c.workspace_id
    where c.credited_at is not null and c.occurred_at >= t.at
      and c.occurred_at < t.at + make_interval(days => coalesce(s.lookback_days, 30))
    union
    select c.id from t
    join public.visitors v on v.workspace_id = t.workspace_id and v.visitor_id = t.visitor_id and v.identity_id is not null
    join public.conversions c on c.workspace_id = v.workspace_id and c.identity_id = v.identity_id
    left join public.attribution_settings s on s.workspace_id = c.workspace_id
    where c.credited_at is not null and c.occurred_at >= t.at
      and c.occurred_at < t.at + make_interval(days => coalesce(s.lookback_days, 30))
  )
  update public.conversions c set credited_at = null from hit h where c.id = h.id;
end $$;
comment on function private.uncredit_journeys(uuid[], text[], timestamptz[]) is 'Makes pending again the credited conversions whose journey a change at (workspace, visitor, time) can alter: the visitor''s and its identity''s conversions within the lookback after that time.';
revoke all on function private.uncredit_journeys(uuid[], text[], timestamptz[]) from public;

create function private.touchpoints_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ws uuid[];
  vi text[];
  ts timestamptz[];
begin
  if tg_op = 'INSERT' then
    select array_agg(n.workspace_id), array_agg(n.visitor_id), array_agg(n.occurred_at) into ws, vi, ts from new_rows n;
  elsif tg_op = 'DELETE' then
    select array_agg(o.workspace_id), array_agg(o.visitor_id), array_agg(o.occurred_at) into ws, vi, ts from old_rows o;
  else
    select array_agg(u.workspace_id), array_agg(u.visitor_id), array_agg(u.at) into ws, vi, ts
    from (select n.workspace_id, n.visitor_id, n.occurred_at as at from new_rows n
          union select o.workspace_id, o.visitor_id, o.occurred_at from old_rows o) u;
  end if;
  if ws is not null then
    perform private.uncredit_journeys(ws, vi, ts);
  end if;
  return null;
end $$;
comment on function private.touchpoints_changed() is 'Statement triggers on touchpoints: a late, moved or deleted touchpoint makes the credited conversions it belongs to pending again.';
revoke all on function private.touchpoints_changed() from public;
create trigger uncredit_journeys_ins after insert on public.touchpoints
  referencing new table as new_rows for each statement execute function private.touchpoints_changed();
create trigger uncredit_journeys_upd after update on public.touchpoints
  referencing old table as old_rows new table as new_rows for each statement execute function private.touchpoints_changed();
create trigger uncredit_journeys_del after delete on public.touchpoints
  referencing old table as old_rows for each statement execute function private.touchpoints_changed();

-- Stitching: a visitor linked to another identity brings its touchpoints into (or out of) that
-- identity's journeys; both identities' conversions after the visitor's first touchpoint go pending.
create function private.visitor_identity_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  with changed as (
    select n.workspace_id, n.visitor_id, i.identity_id
    from new_rows n join old_rows o on o.id = n.id
    cross join lateral (values (n.identity_id), (o.identity_id)) i (identity_id)
    where n.identity_id is distinct from o.identity_id and i.identity_id is not null
  ), first_touch as (
    select ch.workspace_id, ch.identity_id, min(t.occurred_at) as at
    from changed ch
    join public.touchpoints t on t.workspace_id = ch.workspace_id and t.visitor_id = ch.visitor_id
    group by 1, 2
  )
  update public.conversions c set credited_at = null
  from first_touch f
  where c.workspace_id = f.workspace_id and c.identity_id = f.identity_id and c.credited_at is not null and c.occurred_at >= f.at;
  return null;
end $$;
comment on function private.visitor_identity_changed() is 'AFTER UPDATE on visitors (statement): when a visitor''s identity changes, the credited conversions of the old and new identity after its first touchpoint become pending again.';
revoke all on function private.visitor_identity_changed() from public;
create trigger uncredit_identity_journeys after update on public.visitors
  referencing old table as old_rows new table as new_rows for each statement execute function private.visitor_identity_changed();
