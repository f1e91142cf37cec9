CREATE OR REPLACE FUNCTION private.visitor_identity_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.visitor_identity_changed() is 'AFTER UPDATE on visitors (statement): when a visitor''s identity changes, the credited conversions of the old and new identity after its first touchpoint become pending again.';
