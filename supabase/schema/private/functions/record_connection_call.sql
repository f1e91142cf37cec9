CREATE OR REPLACE FUNCTION private.record_connection_call(p_connection_id uuid, p_outcome private.provider_call_outcome, p_last_error text DEFAULT NULL::text, p_throttled_until timestamp with time zone DEFAULT NULL::timestamp with time zone)
 RETURNS public.connection_health
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c public.integration_connections;
  next_health public.connection_health;
  failures integer;
begin
  if p_connection_id is null or p_outcome is null then
    raise exception 'p_connection_id and p_outcome are required' using errcode = '22023';
  end if;
  if p_outcome = 'ok' then
    update public.integration_connections set health = 'ok', health_changed_at = now(), throttled_until = null,
      consecutive_failures = 0, last_success_at = now(), last_error = null
    where id = p_connection_id and health <> 'ok';
    if found then
      perform private.connection_alert(p_connection_id, 'ok', null);
      return 'ok'::public.connection_health;
    end if;
    -- the common case: one indexed update at most once a minute, nothing otherwise
    update public.integration_connections set throttled_until = null, consecutive_failures = 0, last_success_at = now()
    where id = p_connection_id
      and (consecutive_failures > 0 or throttled_until is not null
           or last_success_at is null or last_success_at < now() - interval '1 minute');
    return 'ok'::public.connection_health;
  end if;

  select * into c from public.integration_connections where id = p_connection_id for update;
  if not found then
    raise exception 'no connection %', p_connection_id using errcode = 'PT404';
  end if;
  failures := case when p_outcome in ('retry_later', 'bad_request') then c.consecutive_failures + 1
                   else c.consecutive_failures end;
  next_health := (case p_outcome
    when 'throttled' then case when c.health in ('failing', 'reauth_required') then c.health::text else 'rate_limited' end
    when 'token_invalid' then 'reauth_required'
    else case when failures >= 3 then 'failing' else c.health::text end
  end)::public.connection_health;
  update public.integration_connections set
    health = next_health,
    health_changed_at = case when next_health <> c.health then now() else health_changed_at end,
    throttled_until = case when p_outcome = 'throttled'
                           then greatest(coalesce(p_throttled_until, now() + interval '60 seconds'), throttled_until)
                           else throttled_until end,
    consecutive_failures = failures,
    last_failure_at = now(),
    last_error = coalesce(left(p_last_error, 2000), last_error)
  where id = p_connection_id;
  if next_health <> c.health and next_health in ('reauth_required', 'failing') then
    perform private.connection_alert(p_connection_id, next_health, p_last_error);
  end if;
  return next_health;
end $function$;
comment on function private.record_connection_call(uuid,private.provider_call_outcome,text,timestamp with time zone) is 'Records one provider call''s outcome for a connection: ok resets failures and throttling and resolves the connection''s alert; throttled sets rate_limited until p_throttled_until (60 s when the provider gave no time); token_invalid sets reauth_required; retry_later and bad_request count failures, 3 in a row make it failing. Going reauth_required or failing opens one ops alert per connection. Returns the new health.';
grant execute on function private.record_connection_call(uuid,private.provider_call_outcome,text,timestamp with time zone) to service_role;
