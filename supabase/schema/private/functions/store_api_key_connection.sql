CREATE OR REPLACE FUNCTION private.store_api_key_connection(p_workspace_id uuid, p_provider public.integration_provider, p_external_account_id text, p_ciphertext text, p_key_id text, p_hint text, p_metadata jsonb DEFAULT '{}'::jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  cid uuid;
begin
  if p_provider not in ('klaviyo', 'yotpo') then
    raise exception 'provider % does not connect with an API key', p_provider using errcode = '22023';
  end if;
  if (select auth.uid()) is null or not private.is_end_user() then
    raise exception 'an admin of the workspace stores its keys' using errcode = '42501';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  if p_hint is not null and char_length(p_hint) > 8 then
    raise exception 'p_hint: at most 8 characters' using errcode = '22023';
  end if;
  perform set_config('growthbase.credential_reason', 'api key saved', true);
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, scopes, connected_by,
                                                    last_refreshed_at, metadata)
  values (p_workspace_id, p_provider, p_external_account_id, 'active', '{}', (select auth.uid()), now(),
          coalesce(p_metadata, '{}') || jsonb_build_object('connected_via', 'api_key', 'key_hint', p_hint))
  on conflict (workspace_id, provider, external_account_id) do update set
    status = 'active', connected_by = excluded.connected_by, last_refreshed_at = now(), last_error = null,
    metadata = c.metadata || excluded.metadata
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, refresh_token_ciphertext, key_id)
  values (cid, p_ciphertext, null, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext, key_id = excluded.key_id;
  if p_provider = 'klaviyo' then
    perform private.enqueue_connector_job('klaviyo_sync', p_workspace_id, cid, 'sync:' || cid || ':' || extract(epoch from now())::bigint, '{}');
  else
    perform private.enqueue_connector_job('yotpo_import', p_workspace_id, cid, 'import:' || cid, '{}');
  end if;
  return cid;
end $function$;
comment on function private.store_api_key_connection(uuid,public.integration_provider,text,text,text,text,jsonb) is 'The api-keys function''s call as the signed-in admin: stores a verified provider key (ciphertext only; the token audit trigger records the write with reason "api key saved") as the workspace''s active connection, and queues its first work (a Klaviyo sync, the one-time Yotpo import). 42501 for anyone but an admin of the workspace.';
grant execute on function private.store_api_key_connection(uuid,public.integration_provider,text,text,text,text,jsonb) to authenticated;
