CREATE OR REPLACE FUNCTION private.ad_connection_connected()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  pf public.ad_platform := private.ad_platform_of(new.provider);
  acct uuid;
begin
  insert into public.ad_accounts as a (workspace_id, platform, external_account_id, integration_connection_id)
  values (new.workspace_id, pf, left(new.external_account_id, 64), new.id)
  on conflict (workspace_id, platform, external_account_id) do update set integration_connection_id = excluded.integration_connection_id
    where a.integration_connection_id is distinct from excluded.integration_connection_id
  returning a.id into acct;
  if acct is null then
    select a.id into acct from public.ad_accounts a
    where a.workspace_id = new.workspace_id and a.platform = pf and a.external_account_id = left(new.external_account_id, 64);
  end if;
  insert into public.ad_sync_schedules (connection_id, workspace_id, ad_account_id, platform, restatement_days)
  values (new.id, new.workspace_id, acct, pf, case pf when 'meta' then 28 when 'google' then 30 else 7 end)
  on conflict (connection_id) do nothing;
  perform private.queue_ad_sync_windows(new.id);
  return null;
end $function$;
comment on function private.ad_connection_connected() is 'AFTER INSERT/UPDATE OF status on integration_connections of meta, google_ads and tiktok turning active: the ad account (linked to the connection), its sync schedule, and its due windows (the backfill on first connect).';
