CREATE OR REPLACE FUNCTION private.store_shopify_webhook(p_webhook_id text, p_topic text, p_shop text, p_sha256 text, p_payload jsonb)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid := private.shop_workspace(p_shop);
  fresh boolean;
begin
  if ws is null and p_topic in ('customers/data_request', 'customers/redact', 'shop/redact') then
    ws := (select c.workspace_id from public.integration_connections c
           where c.provider = 'shopify' and c.external_account_id = lower(p_shop)
           order by c.updated_at desc limit 1);
  end if;
  -- Acknowledged means stored: this commit waits for its WAL whatever the cluster's setting.
  perform set_config('synchronous_commit', 'on', true);
  insert into private.webhook_events as e
    (provider, topic, external_id, payload_sha256, workspace_id, shop, status, payload, next_attempt_at, processed_at)
  values ('shopify', p_topic, p_webhook_id, p_sha256, ws, p_shop,
          case when ws is null then 'ignored' else 'pending' end::public.webhook_event_status,
          case when ws is not null then p_payload end,
          case when ws is null then null else now() end, case when ws is null then now() end)
  on conflict (provider, external_id) do update set attempts = e.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  return case when ws is null then 'ignored' else 'accepted' end;
end $function$;
comment on function private.store_shopify_webhook(text,text,text,text,jsonb) is 'The webhooks function''s one call for Shopify: stores a verified delivery once (accepted, or ignored without its body when no workspace holds the shop''s active connection, or for the GDPR topics any connection; duplicate for a redelivery). Processing happens in private.process_webhook_events.';
grant execute on function private.store_shopify_webhook(text,text,text,text,jsonb) to service_role;
