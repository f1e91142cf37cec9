CREATE OR REPLACE FUNCTION public.track_touchpoint(p_workspace_id uuid, p_visitor_id text, p_landing_url text, p_referrer text DEFAULT NULL::text, p_device jsonb DEFAULT NULL::jsonb)
 RETURNS bigint
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_landing_url is null or char_length(p_landing_url) > 4096 or p_landing_url !~ '^(https?://[^\s]+|/[^\s]*)$' then
    raise exception 'p_landing_url must be an http(s) URL or a path, at most 4096 characters' using errcode = '22023';
  end if;
  if p_referrer is not null and (char_length(p_referrer) > 4096 or p_referrer !~ '^https?://[^\s]+$') then
    raise exception 'p_referrer must be an http(s) URL of at most 4096 characters' using errcode = '22023';
  end if;
  if p_device is not null and (jsonb_typeof(p_device) <> 'object'
     or coalesce(char_length(p_device ->> 'fingerprint'), 0) not between 1 and 128
     or (p_device ? 'type' and not coalesce(p_device ->> 'type' = any (enum_range(null::public.device_type)::text[]), false))
     or coalesce(char_length(p_device ->> 'browser'), 0) > 64 or coalesce(char_length(p_device ->> 'os'), 0) > 64) then
    raise exception 'p_device must be {fingerprint (1-128 chars), type (desktop|mobile|tablet|other), browser, os (at most 64 chars)}'
      using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('touchpoint', p_workspace_id::text);
  return private.anon_track_touchpoint(p_workspace_id, p_visitor_id, p_landing_url, p_referrer, p_device);
end $function$;
comment on function public.track_touchpoint(uuid,text,text,text,jsonb) is 'Storefront (anon): records a landing of a visitor (UTM fields and click ids from the URL, channel from them and the referrer). Call once per session start. Returns the touchpoint id. 22023 on bad input, PT404 for an unknown workspace; 60 calls a minute per address and workspace (429).';
grant execute on function public.track_touchpoint(uuid,text,text,text,jsonb) to anon;
grant execute on function public.track_touchpoint(uuid,text,text,text,jsonb) to authenticated;
grant execute on function public.track_touchpoint(uuid,text,text,text,jsonb) to service_role;
