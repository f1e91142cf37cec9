CREATE OR REPLACE FUNCTION private.start_shopify_backfill(p_connection_id uuid, p_trigger text, p_requested_by uuid)
 RETURNS public.shopify_sync_runs
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c public.integration_connections;
  run public.shopify_sync_runs;
begin
  select * into c from public.integration_connections where id = p_connection_id;
  if not found or c.provider <> 'shopify' then
    raise exception 'no Shopify connection %', p_connection_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(c.workspace_id, 'admin');
  end if;
  if c.status <> 'active' then
    raise exception 'the Shopify connection is %: reconnect the shop first', c.status using errcode = 'PT409';
  end if;
  -- one run waiting or running per connection: asking again returns it
  select * into run from public.shopify_sync_runs r
  where r.workspace_id = c.workspace_id and r.connection_id = c.id and r.status in ('queued', 'running')
  order by r.created_at desc limit 1;
  if found then
    return run;
  end if;
  insert into public.shopify_sync_runs (workspace_id, connection_id, trigger, requested_by)
  values (c.workspace_id, c.id, p_trigger, p_requested_by) returning * into run;
  perform private.enqueue_connector_job('shopify_sync', c.workspace_id, c.id, 'backfill:' || run.id,
                                        jsonb_build_object('run_id', run.id));
  return run;
end $function$;
comment on function private.start_shopify_backfill(uuid,text,uuid) is 'Queues a backfill of a Shopify connection (one run waiting or running per connection: a second request returns it). End users must be admins of its workspace.';
grant execute on function private.start_shopify_backfill(uuid,text,uuid) to authenticated;
grant execute on function private.start_shopify_backfill(uuid,text,uuid) to service_role;
