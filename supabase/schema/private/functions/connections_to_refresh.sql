CREATE OR REPLACE FUNCTION private.connections_to_refresh(p_within interval DEFAULT '00:15:00'::interval, p_limit integer DEFAULT 100)
 RETURNS TABLE(connection_id uuid, provider public.integration_provider)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select c.id, c.provider
  from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
  where c.status = 'active' and c.expires_at is not null and c.expires_at < now() + p_within
    and t.refresh_token_ciphertext is not null
  order by c.expires_at limit p_limit
$function$;
comment on function private.connections_to_refresh(interval,integer) is 'Active connections whose access token expires within p_within and that hold a refresh token (tokens are read through private.read_integration_tokens).';
grant execute on function private.connections_to_refresh(interval,integer) to service_role;
