CREATE OR REPLACE FUNCTION private.connection_alert(p_connection_id uuid, p_health public.connection_health, p_last_error text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c public.integration_connections;
  label text;
begin
  select * into c from public.integration_connections where id = p_connection_id;
  if not found then
    return;
  end if;
  label := replace(initcap(replace(c.provider::text, '_', ' ')), 'Tiktok', 'TikTok') || ' ' || c.external_account_id;
  if p_health in ('reauth_required', 'failing') then
    perform private.raise_alert(c.workspace_id, 'connection',
      case when p_health = 'reauth_required' then 'high' else 'medium' end::public.ops_severity,
      left(case when p_health = 'reauth_required' then label || ' needs to be reconnected'
                else label || ' is failing' end, 200),
      p_last_error, c.provider::text, 'connection:' || c.id,
      null, jsonb_build_object('connection_id', c.id, 'provider', c.provider, 'health', p_health));
  else
    update public.ops_alerts a set status = 'resolved'
    where a.workspace_id = c.workspace_id and a.dedupe_key = 'connection:' || c.id and a.status <> 'resolved';
  end if;
end $function$;
comment on function private.connection_alert(uuid,public.connection_health,text) is 'Opens the connection''s ops alert (dedupe key connection:<id>; high when it needs reconnecting, medium when failing) or resolves it once the connection is ok or only rate limited.';
