CREATE OR REPLACE FUNCTION private.anon_track_touchpoint(p_workspace_id uuid, p_visitor_id text, p_landing_url text, p_referrer text DEFAULT NULL::text, p_device jsonb DEFAULT NULL::jsonb)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  src text := private.url_param(p_landing_url, 'utm_source');
  med text := private.url_param(p_landing_url, 'utm_medium');
  g text := private.url_param(p_landing_url, 'gclid');
  fb text := private.url_param(p_landing_url, 'fbclid');
  tt text := private.url_param(p_landing_url, 'ttclid');
  tid bigint;
begin
  if p_workspace_id is null or not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  insert into public.visitors as v (workspace_id, visitor_id) values (p_workspace_id, p_visitor_id)
  on conflict (workspace_id, visitor_id) do update set last_seen_at = now();
  if p_device is not null then
    insert into public.customer_devices as d (workspace_id, visitor_id, fingerprint, device_type, browser, os)
    values (p_workspace_id, p_visitor_id, p_device ->> 'fingerprint',
            coalesce((p_device ->> 'type')::public.device_type, 'other'), p_device ->> 'browser', p_device ->> 'os')
    on conflict (workspace_id, visitor_id, fingerprint) do update set last_seen_at = now(),
      device_type = excluded.device_type, browser = coalesce(excluded.browser, d.browser), os = coalesce(excluded.os, d.os);
  end if;
  insert into public.touchpoints (workspace_id, visitor_id, channel, source, medium, campaign, utm_content, utm_term, utm_id,
                                  gclid, fbclid, ttclid, landing_url, referrer)
  values (p_workspace_id, p_visitor_id, private.classify_channel(src, med, g, fb, tt, p_referrer),
          coalesce(src, private.url_host(p_referrer)), med, private.url_param(p_landing_url, 'utm_campaign'),
          private.url_param(p_landing_url, 'utm_content'), private.url_param(p_landing_url, 'utm_term'),
          coalesce(private.url_param(p_landing_url, 'utm_id'), private.url_param(p_landing_url, 'campaign_id')),
          g, fb, tt, p_landing_url, p_referrer)
  returning id into tid;
  return tid;
end $function$;
comment on function private.anon_track_touchpoint(uuid,text,text,text,jsonb) is 'Definer half of public.track_touchpoint (which validates the input): the visitor, its device and the touchpoint with channel, UTM fields and click ids parsed from the landing URL.';
grant execute on function private.anon_track_touchpoint(uuid,text,text,text,jsonb) to anon;
grant execute on function private.anon_track_touchpoint(uuid,text,text,text,jsonb) to authenticated;
grant execute on function private.anon_track_touchpoint(uuid,text,text,text,jsonb) to service_role;
