CREATE OR REPLACE FUNCTION private.mark_ad_rollup_dirty()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into private.ad_rollup_dirty (workspace_id, platform, day)
    select distinct n.workspace_id, n.platform, n.day from new_rows n where n.level = 'campaign'
    on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into private.ad_rollup_dirty (workspace_id, platform, day)
    select distinct o.workspace_id, o.platform, o.day from old_rows o where o.level = 'campaign'
    on conflict do nothing;
  end if;
  return null;
end $function$;
comment on function private.mark_ad_rollup_dirty() is 'Statement trigger on ad_metrics_daily: queues the changed campaign-level days for the rollup.';
