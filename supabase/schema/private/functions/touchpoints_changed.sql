CREATE OR REPLACE FUNCTION private.touchpoints_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.touchpoints_changed() is 'Statement triggers on touchpoints: a late, moved or deleted touchpoint makes the credited conversions it belongs to pending again.';
